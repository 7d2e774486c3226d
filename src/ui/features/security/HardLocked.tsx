// Too many wrong PINs with work still waiting: the PIN no longer unlocks. An online
// password login fetches the recovery key, and a new PIN opens everything again.
import { Login } from '../login/Login.tsx';
import { MAX_PIN_ATTEMPTS } from '../../../security/unlock.ts';
import { t } from '../../i18n/index.ts';

interface Props {
  waiting: number;
  onLogin: (username: string, password: string) => Promise<void>;
}

export function HardLocked({ waiting, onLogin }: Props) {
  const s = t.security;
  return (
    <main id="main">
      <section class="login" aria-labelledby="hard-title">
        <h1 id="hard-title">{s.hardTitle}</h1>
        <p class="notice">{s.hardWhy(MAX_PIN_ATTEMPTS)}</p>
        {waiting > 0 && <p>{s.hardWaiting(waiting)}</p>}
        <p>{s.hardHow}</p>
      </section>
      <Login onLogin={onLogin} />
    </main>
  );
}
