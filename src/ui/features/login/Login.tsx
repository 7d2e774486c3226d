// Sign-in. Needs the network; what is already on the device stays, whatever happens here.
import { useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import { TextField } from '../../components/TextField.tsx';

interface Props {
  onLogin: (username: string, password: string) => Promise<void>;
  /** Set when a session expired: the officer whose queued work waits. */
  expiredFor?: string;
  onCancel?: () => void;
}

export function Login({ onLogin, expiredFor, onCancel }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="login"
      aria-labelledby="login-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onLogin(username.trim(), password);
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h1 id="login-title">{t.login.title}</h1>
      {expiredFor && <p class="notice">{t.login.again(expiredFor)}</p>}
      <TextField id="f-username" label={t.login.username} value={username} onInput={setUsername} />
      <div class="field">
        <label for="f-password">{t.login.password}</label>
        <input id="f-password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)} />
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <p class="hint">{t.login.offline}</p>
      <div class="form-actions">
        <button type="submit" class="primary big" disabled={busy || !username || !password}>{t.login.submit}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t.form.cancel}</button>}
      </div>
    </form>
  );
}
