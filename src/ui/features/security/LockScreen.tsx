// "Ange PIN": shown at every start and after the app locked itself. Works offline: the
// PIN unwraps the data key on the device. Kept small: it is in the first bundle.
import { useState } from 'preact/hooks';
import type { UnlockResult } from '../../../security/unlock.ts';
import { MAX_PIN_ATTEMPTS } from '../../../security/unlock.ts';
import { t } from '../../i18n/index.ts';
import { PinField } from './PinField.tsx';

interface Props {
  name: string;
  /** Remaining attempts when the last PIN given was wrong (kept across reloads). */
  remaining: number | null;
  onUnlock: (pin: string) => Promise<UnlockResult>;
  onForgot: () => void;
}

export function LockScreen({ name, remaining: initial, onUnlock, onForgot }: Props) {
  const [pin, setPin] = useState('');
  const [remaining, setRemaining] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const s = t.security;
  return (
    <main id="main">
      <form
        class="login lock-screen"
        aria-labelledby="lock-title"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!pin) return;
          setBusy(true);
          setFailure(null);
          try {
            const result = await onUnlock(pin);
            // Any other outcome replaces this screen.
            if (result.kind === 'wrong') {
              setRemaining(result.remaining);
              setPin('');
            }
          } catch (err) {
            setFailure(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <h1 id="lock-title">{s.lockTitle}</h1>
        <p>{s.lockHello(name)}</p>
        <PinField id="pin-unlock" label={s.pin} value={pin} onInput={setPin} error={remaining !== null ? s.wrongPin(remaining) : null} autoFocus />
        {remaining !== null && <p class="hint">{s.lastAttemptWarning(MAX_PIN_ATTEMPTS)}</p>}
        {failure && <p class="error-summary" role="alert">{failure}</p>}
        <div class="form-actions">
          <button type="submit" class="primary big" disabled={busy || !pin}>{busy ? s.unlocking : s.unlock}</button>
          <button type="button" class="link-button" onClick={onForgot}>{s.forgot}</button>
        </div>
      </form>
    </main>
  );
}
