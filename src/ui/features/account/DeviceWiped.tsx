// What a revoked device shows after it has delivered its queue and wiped itself.
import { forgetWipe } from '../../../sync/revoke.ts';
import { t } from '../../i18n/index.ts';

export function DeviceWiped() {
  return (
    <main id="main">
      <section class="empty-state revoked" aria-labelledby="revoked-title">
        <h1 id="revoked-title">{t.account.revokedTitle}</h1>
        <p>{t.account.revokedWiped}</p>
        <p>{t.account.revokedWhat}</p>
        <button
          type="button"
          onClick={async () => {
            await forgetWipe();
            location.reload();
          }}
        >
          {t.account.revokedStartOver}
        </button>
      </section>
    </main>
  );
}
