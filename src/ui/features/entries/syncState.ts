// Where an entry stands on its way to the server, from the outbox and the server's stamps.
import type { EntryHead, OutboxItem } from '../../../db/index.ts';
import { t } from '../../i18n/index.ts';

export type EntrySyncState = 'local' | 'sending' | 'server' | 'needs_action' | 'local_only';

export function entrySyncState(head: EntryHead, outbox: OutboxItem[] | undefined): EntrySyncState {
  if (outbox?.some((i) => i.state === 'rejected')) return 'needs_action';
  if (outbox?.some((i) => i.state === 'sending')) return 'sending';
  if (outbox && outbox.length > 0) return 'local';
  return head.serverSeq !== null ? 'server' : 'local_only';
}

export const SYNC_STATE_LABEL: Record<EntrySyncState, string> = {
  local: t.syncState.local,
  sending: t.syncState.sending,
  server: t.syncState.server,
  needs_action: t.syncState.needsAction,
  local_only: t.syncState.localOnly,
};

/** The server's reasons for a rejected entry, in Swedish, for showing next to it. */
export function rejectionReasons(outbox: OutboxItem[] | undefined): string[] {
  return (outbox ?? []).filter((i) => i.state === 'rejected').flatMap((i) => (i.errors ?? []).map((e) => e.message));
}
