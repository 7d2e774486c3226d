// A temporary password, shown once with how to hand it over; gone when acknowledged.
import { t } from '../../i18n/index.ts';

export function TemporaryPassword({ username, password, reset = false, onDone }: { username: string; password: string; reset?: boolean; onDone: () => void }) {
  return (
    <div class="temp-password" role="alert" aria-labelledby="temp-title">
      <h3 id="temp-title">{t.admin.tempTitle}</h3>
      <p class="temp-value">
        <code>{password}</code>
      </p>
      <p>{t.admin.tempHelp(username, reset)}</p>
      <button type="button" class="primary" onClick={onDone}>{t.admin.tempDone}</button>
    </div>
  );
}
