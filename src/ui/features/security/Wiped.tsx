// After too many wrong PINs with nothing waiting: the device's data is gone (all of it
// is on the server). Says so, also after a reload, until the officer logs in again.
import { t } from '../../i18n/index.ts';
import { MAX_PIN_ATTEMPTS } from '../../../security/unlock.ts';

export function Wiped({ onLogin }: { onLogin: () => void }) {
  const s = t.security;
  return (
    <main id="main">
      <section class="empty-state" aria-labelledby="wiped-title">
        <h1 id="wiped-title">{s.wipedTitle}</h1>
        <p>{s.wipedWhy(MAX_PIN_ATTEMPTS)}</p>
        <button type="button" class="primary big" onClick={onLogin}>{s.wipedLogin}</button>
      </section>
    </main>
  );
}
