// One entry: what was logged, where it stands, its full history; correct or withdraw it.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { getEntry, listRevisions, outboxByEntry, voidEntry } from '../../../db/index.ts';
import { LIMITS, validateVoidReason } from '../../../domain/validation.ts';
import { ENTRY_KIND_LABEL } from '../../../domain/entry-defaults.ts';
import { useAppState, useServices } from '../../app/context.ts';
import { href, navigate } from '../../app/router.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useToast } from '../../components/Toast.tsx';
import { TextField } from '../../components/TextField.tsx';
import { afterWrite } from '../../app/afterWrite.ts';
import { t } from '../../i18n/index.ts';
import { describeDetails } from './describe.ts';
import { formatDateTime } from './format.ts';
import { entrySyncState, rejectionReasons, SYNC_STATE_LABEL } from './syncState.ts';

export function EntryDetail({ id }: { id: string }) {
  const { db } = useServices();
  const { user } = useAppState();
  const [withdrawing, setWithdrawing] = useState(false);
  const data = useLive(async () => ({
    head: await getEntry(db, id),
    revisions: await listRevisions(db, id),
    outbox: (await outboxByEntry(db)).get(id),
  }), [db, id]);
  if (!data) return <p aria-busy="true">…</p>;
  const { head, revisions, outbox } = data;
  if (!head) return <p>{t.entries.notFound}</p>;
  const state = entrySyncState(head, outbox);
  const own = head.officerId === user.id;
  const voided = head.op === 'void';
  return (
    <section aria-labelledby="entry-title" class="entry-detail">
      {/* Another officer's entry is only reached from the follow-up's drill-down: go back there. */}
      <a class="link-button" href={href(own ? { name: 'entries' } : { name: 'followUp', kommunId: head.content.kommunId })}>← {t.entries.back}</a>
      <h1 id="entry-title">{ENTRY_KIND_LABEL[head.content.kind]}</h1>
      <p class={`sync-state sync-${state}`}>
        {voided ? `${t.entries.withdrawn} · ` : ''}
        {SYNC_STATE_LABEL[state]}
      </p>
      {rejectionReasons(outbox).map((r) => (
        <p class="error" key={r}>{r}</p>
      ))}
      <dl class="details">
        <dt>{t.form.time}</dt>
        <dd>{formatDateTime(head.content.startedAt)}</dd>
        <dt>{t.form.place}</dt>
        <dd>{head.content.place}</dd>
        {head.content.durationMinutes !== null && (
          <>
            <dt>{t.form.duration}</dt>
            <dd>{t.form.minutes(head.content.durationMinutes)}</dd>
          </>
        )}
        {describeDetails(head.content).map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
        {head.content.note && (
          <>
            <dt>{t.form.note}</dt>
            <dd>{head.content.note}</dd>
          </>
        )}
      </dl>
      {own && !voided && !withdrawing && (
        <div class="actions">
          <a class="button" href={href({ name: 'correct', id })}>{t.entries.correct}</a>
          <button type="button" class="danger" onClick={() => setWithdrawing(true)}>{t.entries.withdraw}</button>
        </div>
      )}
      {withdrawing && <WithdrawForm id={id} onDone={() => setWithdrawing(false)} />}
      <h2>{t.entries.history}</h2>
      <ol class="history">
        {revisions.map((r) => (
          <li key={r.rev}>
            <strong>{t.entries.revision(r.rev)}</strong> · {formatDateTime(r.clientTime)}
            {r.op === 'void' ? ` · ${t.entries.withdrawn}: ${r.voidReason ?? ''}` : ` · ${r.content.place}`}
          </li>
        ))}
      </ol>
    </section>
  );
}

function WithdrawForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { db, now, deviceId, sync } = useServices();
  const { user } = useAppState();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      class="withdraw"
      aria-labelledby="withdraw-title"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = validateVoidReason(reason);
        if (!r.ok) {
          setError(r.issues[0]?.message);
          document.getElementById('f-reason')?.focus();
          return;
        }
        await voidEntry(db, id, r.value, { officerId: user.id, deviceId, now });
        toast({ text: t.toast.withdrawn });
        onDone();
        afterWrite(sync);
        navigate({ name: 'entry', id });
      }}
    >
      <h2 id="withdraw-title">{t.entries.withdrawTitle}</h2>
      <p class="hint">{t.entries.withdrawHelp}</p>
      <TextField id="f-reason" label={t.entries.reason} value={reason} error={error} maxLength={LIMITS.voidReasonMax} onInput={setReason} />
      <div class="actions">
        <button type="submit" class="danger">{t.entries.confirmWithdraw}</button>
        <button type="button" onClick={onDone}>{t.form.cancel}</button>
      </div>
    </form>
  );
}
