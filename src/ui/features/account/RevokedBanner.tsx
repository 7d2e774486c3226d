// While a revoked device still has work to deliver: say so, and what the officer must do
// about rejected entries (correct or withdraw them) before the device can wipe itself.
import { revokedAt } from '../../../sync/revoke.ts';
import { useServices } from '../../app/context.ts';
import { href } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { t } from '../../i18n/index.ts';

export function RevokedBanner() {
  const { db } = useServices();
  const state = useLive(async () => ({ at: await revokedAt(db), rejected: await db.outbox.where('state').equals('rejected').count() }), [db]);
  if (!state?.at) return null;
  return (
    <div class="revoked-banner" role="alert">
      <p>{t.account.revokedPending}</p>
      {state.rejected > 0 && <p>{t.account.revokedRejected(state.rejected)}</p>}
      <a href={href({ name: 'shift' })}>{t.account.revokedShowWaiting}</a>
    </div>
  );
}
