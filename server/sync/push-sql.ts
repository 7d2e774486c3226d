// The SQL of a push (see push.ts for why it is shaped this way). Batches travel as one
// JSON parameter expanded by jsonb_to_recordset: one statement per step, and the
// entry content crosses the wire once.
import { parseInt8, type Queryable } from '../db/db.ts';
import { revKey, type Head, type StoredRevision } from './classify.ts';
import type { ReadableChange } from './prepare.ts';
import type { PushInput } from './push.ts';

const utf8 = new TextEncoder();

const ENTRY_LOCK_SPACE = 7_320_114; // first key of the (int4, int4) advisory locks on entry ids
export const SEQ_LOCK_KEY = 7_320_114_002; // the lock of sync_horizon() in 001_init.sql

/** A 32-bit lock key from the uuid's last 8 hex digits (random in both v4 and v7). */
const lockKey = (id: string) => Number.parseInt(id.slice(-8), 16) | 0;

export async function lockEntries(tx: Queryable, changes: ReadableChange[]): Promise<void> {
  if (!changes.length) return;
  const keys = [...new Set(changes.map((c) => lockKey(c.id)))].sort((a, b) => a - b);
  // unnest yields the keys in array order, so every batch locks in ascending order.
  await tx.query(`SELECT pg_advisory_xact_lock(${ENTRY_LOCK_SPACE}, k) FROM unnest($1::int4[]) AS k`, [keys], { name: 'push_lock' });
}

interface HeadRow {
  id: string;
  rev: number;
  officer_id: string;
  voided: boolean;
  stored: { rev: number; officer_id: string; request_hash: string; server_seq: number; server_time: string }[] | null;
}

/**
 * Heads of the batch's entries, locked, with the stored revisions the batch names
 * (a revision only exists for an entry that has a head). Also records the device
 * heartbeat: here, after the entry locks and before the seq lock, keeps the lock order.
 */
export async function readHeads(tx: Queryable, changes: ReadableChange[], input: PushInput): Promise<{ heads: Map<string, Head>; stored: Map<string, StoredRevision> }> {
  const hb = input.heartbeat;
  const rows = await tx.query<HeadRow>(
    `WITH device AS (
       INSERT INTO devices (device_id, user_id, last_seen_at, queued_count, oldest_queued_at, app_version, ip)
       VALUES ($3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (device_id) DO UPDATE SET user_id = EXCLUDED.user_id, last_seen_at = EXCLUDED.last_seen_at,
         queued_count = EXCLUDED.queued_count, oldest_queued_at = EXCLUDED.oldest_queued_at,
         app_version = EXCLUDED.app_version, ip = EXCLUDED.ip)
     SELECT e.id, e.rev, e.officer_id, e.voided,
       (SELECT json_agg(json_build_object('rev', r.rev, 'officer_id', r.officer_id, 'request_hash', r.request_hash,
                                          'server_seq', r.server_seq, 'server_time', r.server_time))
        FROM entry_revisions r JOIN unnest($1::uuid[], $2::int4[]) AS p(id, rev) ON r.id = p.id AND r.rev = p.rev
        WHERE r.id = e.id) AS stored
     FROM entries e WHERE e.id = ANY($1::uuid[]) ORDER BY e.id FOR UPDATE OF e`,
    [
      changes.map((c) => c.id),
      changes.map((c) => c.rev),
      input.deviceId,
      input.user.id,
      new Date(input.nowMs),
      hb.queuedCount,
      hb.oldestQueuedAt ? new Date(hb.oldestQueuedAt) : null,
      hb.appVersion,
      input.ip,
    ],
    { name: 'push_read' },
  );
  const heads = new Map<string, Head>();
  const stored = new Map<string, StoredRevision>();
  for (const h of rows) {
    heads.set(h.id, { rev: h.rev, officerId: h.officer_id, voided: h.voided });
    for (const s of h.stored ?? []) {
      stored.set(revKey(h.id, s.rev), { officerId: s.officer_id, requestHash: s.request_hash, serverSeq: Number(s.server_seq), serverTime: new Date(s.server_time) });
    }
  }
  return { heads, stored };
}

/**
 * One statement: take the seq lock (shared), insert the revisions in batch order (so
 * rev 1 gets a lower server_seq than rev 2), move each entry's head to its last
 * revision, and write one audit row for the batch. Returns server_seq per (id, rev), read
 * as one JSON value: a row per revision cost the driver's result parser (PGlite's, in
 * JavaScript on the server's one thread) about 3 ms of a 1 000-change push.
 * police_area_id is the pusher's area: prepare.ts refused kommuner outside it.
 */
export async function writeApplied(tx: Queryable, changes: ReadableChange[], input: PushInput): Promise<Map<string, number>> {
  const rows = changes.map((c, ord) => ({ ord, id: c.id, rev: c.rev, op: c.op, content: c.content, void_reason: c.voidReason, client_time: c.clientTime, hash: c.hash }));
  const [written] = await tx.query<{ applied: string | null }>(
    `WITH seq_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(${SEQ_LOCK_KEY}) AS held),
     rev AS (
       INSERT INTO entry_revisions (id, rev, op, content, kind, kommun_id, police_area_id, promise_id, activity_id, started_at,
                                    void_reason, officer_id, device_id, client_time, server_time, request_hash)
       SELECT x.id, x.rev, x.op, x.content, x.content->>'kind', x.content->>'kommunId', $2, x.content->>'promiseId',
              x.content->>'activityId', (x.content->>'startedAt')::timestamptz, x.void_reason, $3, $4, x.client_time, $5, x.hash
       FROM jsonb_to_recordset($1::text::jsonb)
            AS x(ord int, id uuid, rev int, op text, content jsonb, void_reason text, client_time timestamptz, hash text)
       CROSS JOIN seq_lock
       ORDER BY x.ord
       RETURNING id, rev, op, content, kind, kommun_id, police_area_id, promise_id, activity_id, started_at, officer_id, server_seq),
     head AS (
       INSERT INTO entries (id, rev, officer_id, kommun_id, police_area_id, promise_id, activity_id, kind, started_at, voided, content)
       SELECT DISTINCT ON (id) id, rev, officer_id, kommun_id, police_area_id, promise_id, activity_id, kind, started_at, op = 'void', content
       FROM rev ORDER BY id, rev DESC
       ON CONFLICT (id) DO UPDATE SET rev = EXCLUDED.rev, kommun_id = EXCLUDED.kommun_id, police_area_id = EXCLUDED.police_area_id,
         promise_id = EXCLUDED.promise_id, activity_id = EXCLUDED.activity_id, kind = EXCLUDED.kind,
         started_at = EXCLUDED.started_at, voided = EXCLUDED.voided, content = EXCLUDED.content),
     audit AS (
       INSERT INTO audit_log (at, actor_id, actor_username, action, device_id, ip, details)
       SELECT $5, $3, $6, 'sync.push', $4, $7,
              jsonb_build_object('applied', (SELECT jsonb_agg(jsonb_build_array(id, rev, op) ORDER BY server_seq) FROM rev)))
     SELECT json_agg(json_build_array(id, rev, server_seq::text))::text AS applied FROM rev`,
    // The batch as UTF-8 bytes: both drivers send them as they are (db/pglite.ts says why).
    [utf8.encode(JSON.stringify(rows)), input.user.policeAreaId, input.user.id, input.deviceId, new Date(input.nowMs), input.user.username, input.ip],
    { name: 'push_write' },
  );
  const applied = JSON.parse(written?.applied ?? '[]') as [string, number, string][];
  return new Map(applied.map(([id, rev, seq]) => [revKey(id, rev), parseInt8(seq)]));
}
