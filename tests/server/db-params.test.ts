// A text parameter given as UTF-8 bytes (how a push's batch is sent: server/sync/push-sql.ts)
// arrives as the same text on both drivers, and bytes that are not UTF-8 are refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';

describeBackends('text parameters', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  });
  afterAll(async () => t.close());

  it('takes UTF-8 bytes as the text they encode', async () => {
    const text = JSON.stringify({ place: 'Nässjö resecentrum 👮', note: "it's \\ \" \u0001", empty: '' });
    const [row] = await t.db.query<{ t: string; place: string; n: number }>(
      `SELECT $1::text AS t, ($1::text::jsonb)->>'place' AS place, length($1::text) AS n`,
      [new TextEncoder().encode(text)],
    );
    expect(row).toEqual({ t: text, place: 'Nässjö resecentrum 👮', n: [...text].length });
  });

  it('refuses bytes that are not UTF-8', async () => {
    await expect(t.db.query('SELECT $1::text AS t', [new Uint8Array([0x7b, 0xff, 0x7d])])).rejects.toThrow(/UTF8/);
  });

  it('still takes strings, numbers and dates as before', async () => {
    const at = new Date('2025-06-14T20:00:00.000Z');
    const [row] = await t.db.query<{ s: string; n: string; d: string }>(`SELECT $1::text AS s, $2::text AS n, ($3::text)::timestamptz = '2025-06-14T20:00:00Z' AS d`, ['Tranås', 42, at]);
    expect(row).toEqual({ s: 'Tranås', n: '42', d: true });
  });
});
