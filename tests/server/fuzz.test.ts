// Property-based fuzz of the two endpoints an attacker reaches first: POST /api/v1/session
// (login, no account needed) and POST /api/v1/sync/push (any officer's token). Well over
// 10 000 generated payloads per backend, every one built to be refused: random JSON,
// valid-shaped requests with one field made hostile (huge strings, wrong types,
// prototype-pollution keys, NaN-like strings, unicode, SQL-ish text, deep nesting,
// negative/float/huge revs, duplicated ids, other officers' ids, personnummer in notes),
// raw bodies that are not JSON. For each: no 5xx, a JSON error of the documented shape
// (or a push result that rejects every change), and nothing written to the entry tables
// or the audit log. A last, smaller property sends hostile-but-valid text and accounts
// for each applied entry exactly (stored as sent: no injection).
//
// The login and push throttles are off here (they have their own tests): the fuzz must
// reach the validation code, not stop at 429 after a few dozen payloads.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as v from 'valibot';
import { ENTRY_KINDS } from '../../src/domain/catalogue/types.ts';
import type { EntryContent } from '../../src/domain/entry.ts';
import { findPersonalData } from '../../src/domain/personal-data.ts';
import { MAX_PUSH_BATCH, PUSH_BODY_LIMIT, type ErrorCode, type PushChange, type PushResult } from '../../src/domain/sync.ts';
import { hasBadCharacters } from '../../src/domain/validation.ts';
import { isoTime } from '../../server/sync/schemas.ts';
import { HEARTBEAT, testApp, type Api } from './support/api.ts';
import { describeBackends, openTestDb, type TestDb } from './support/backends.ts';
import { PASSWORD, setupWorld, trafficEntry, upsert, type World } from './support/fixtures.ts';

const ERROR_CODES: ErrorCode[] = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'session_expired',
  'forbidden',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'conflict',
  'password_change_required',
  'device_revoked',
  'cross_origin',
  'internal',
];

/** Runs per property; the total per backend is printed and must be ≥ 10 000. */
const RUNS = {
  loginRandomJson: 1500,
  loginMutated: 2500,
  loginRawBodies: 1500,
  // Each one costs a full scrypt (an unknown user is checked against a dummy hash).
  loginWrongCredentials: 24,
  pushRandomJson: 1500,
  // Each reaches the push transaction: the slowest kind, so fewer of them.
  pushHostileChanges: 2000,
  pushMutatedEnvelope: 800,
  pushRawBodies: 500,
  pushWrongCaller: 100,
};
const HOSTILE_BUT_VALID_RUNS = 150;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

// ---- hostile values ----------------------------------------------------------------------

const sqlish = fc.constantFrom(
  "'; DROP TABLE entries; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(10)',
  '$1',
  "\\'; TRUNCATE audit_log; --",
  '"); DELETE FROM entry_revisions; --',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
);
const nanLike = fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', '1e309', '0x10', ' 1', '١', '1_000', '', 'null', 'undefined', 'true');
const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf');
const personalText = fc.constantFrom('Kontroll av 19850101-1234', 'pnr 850101-1234', 'samordningsnr 850161-1234', 'Bil ABC 123 stoppad', 'reg abc12d', 'ÖÄÅ 19991231+1234');
const badText = fc.constantFrom('a\u0000b', '\u0000', 'x\ud800', '\udc00y', 'ok\ud83d');
/** Over every field's limit and over the 4 KiB body limit of the credential endpoints. */
const huge = fc.integer({ min: 5_000, max: 120_000 }).map((n) => 'å'.repeat(n));
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), sqlish, nanLike, personalText, badText);
/** A value nested `depth` levels deep (arrays and objects). */
const nested = fc.integer({ min: 33, max: 400 }).chain((depth) =>
  fc.constantFrom('array', 'object').map((kind) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
    return value;
  }),
);
const numberish = fc.oneof(
  fc.integer({ min: -2_147_483_648, max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.constantFrom(0, -0, 1e300, -1e300, 2 ** 53, 2 ** 31, 1_000_001, 0.5, 1.0000001),
);
/** Any JSON value of a type other than `not`. */
const wrongType = (not: 'string' | 'number' | 'object' | 'array' | 'boolean') =>
  fc
    .oneof(fc.constant(null), fc.boolean(), numberish, anyString, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.dictionary(anyString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }))
    .filter((x) => {
      const t = x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
      return t !== not;
    });

/** An object with one key it must not have (defined as an own key, so "__proto__" is a real key and JSON.stringify writes it). */
const withExtraKey = <T extends object>(base: T) =>
  fc.tuple(fc.oneof(pollutionKey, fc.string({ maxLength: 12 }).filter((k) => !Object.keys(base).includes(k))), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => {
    const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });

// ---- login ---------------------------------------------------------------------------------

const LOGIN = { username: 'officerA', password: 'fel-lösenord-1', deviceId: 'fuzz-phone' };

/** One field of an otherwise well-formed login made invalid by construction (the schema refuses it). */
const mutatedLogin = fc.oneof(
  fc.constantFrom('username', 'password', 'deviceId').chain((field) =>
    fc.oneof(
      wrongType('string'),
      fc.constant(''),
      badText,
      nested,
      // Over the schema's limits (username 100, password 1 000, deviceId 64) but under 4 KiB.
      fc.integer({ min: 1_001, max: 1_300 }).map((n) => 'x'.repeat(n)),
    ).map((value) => ({ ...LOGIN, [field]: value })),
  ),
  fc.constantFrom('username', 'password', 'deviceId').map((field) => Object.fromEntries(Object.entries(LOGIN).filter(([k]) => k !== field))),
  withExtraKey(LOGIN),
  // Over the 4 KiB limit of the credential endpoints.
  huge.map((s) => ({ ...LOGIN, password: s })),
);

/** Bodies that are not JSON, or not parseable as JSON, with assorted content types. */
const rawBody = fc.oneof(
  fc.tuple(
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/xml', 'text/html', 'application/octet-stream', 'application/jsonx', 'image/png'),
    fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constant('username=officerA&password=x&deviceId=d'), fc.json()),
  ),
  fc.tuple(
    fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    fc.oneof(
      fc.constantFrom('', ' ', '{', '{"username":', '{"a":1}}', 'NaN', '[1,]', '{"username":"a",}', "{'username':'a'}", '\uFEFF{}', '{"__proto__":{"admin":true}}', '{"a":{"constructor":{"prototype":{"x":1}}}}', 'nul\u0000l', '1e999999', '"\\ud800"'),
      fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
    ),
  ),
);

// ---- push ----------------------------------------------------------------------------------

interface Fixture {
  /** An entry of officerA2 (a colleague): any change to its id is refused as not_owner. */
  othersId: string;
  /** An entry of officerA's own, at rev 1: rev 1 with other content is a conflict. */
  ownId: string;
}

const AREA_KOMMUNER = new Set(['kommun-a1', 'kommun-a2']);
const KNOWN_IDS = new Set(['a1-2025', 'a2-2025', 'b1-2025', 'a1-utkast', 'a1-2025-trafik', 'a1-2025-lob', 'a1-2025-vandring', 'a2-2025-trafik', 'a2-2025-lob', 'a2-2025-vandring']);

const notUuid = fc.oneof(wrongType('string'), anyString.filter((s) => !UUID.test(s)), fc.uuid().map((u) => u.toUpperCase()).filter((u) => !UUID.test(u)));
const badRev = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1_000_001 }), numberish.filter((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000), wrongType('number'), nanLike);
const badClientTime = fc.oneof(wrongType('string'), anyString.filter((s) => !v.is(isoTime, s)), fc.constantFrom('2025-06-15', '2025-06-15T10:00:00+02:00', '2025-06-15 10:00:00Z', '99999-01-01T00:00:00Z'));

/** A field of the entry made invalid: each choice is refused by the entry schema, the area rule or the catalogue. */
const hostileEntry = (base: EntryContent): fc.Arbitrary<unknown> =>
  fc.oneof(
    wrongType('object'),
    fc.constantFrom(...ENTRY_KINDS, 'unknown').chain((kind) => fc.constant({ ...base, kind: kind === base.kind ? 'nytt' : kind, details: base.details })),
    anyString.filter((s) => !AREA_KOMMUNER.has(s)).map((kommunId) => ({ ...base, kommunId })),
    fc.constant({ ...base, kommunId: 'kommun-b1', promiseId: 'b1-2025', activityId: 'b1-2025-trafik' }),
    anyString.filter((s) => !KNOWN_IDS.has(s)).map((promiseId) => ({ ...base, promiseId })),
    anyString.filter((s) => !KNOWN_IDS.has(s)).map((activityId) => ({ ...base, activityId })),
    fc.oneof(wrongType('string'), anyString.filter((s) => !ISO_UTC.test(s))).map((startedAt) => ({ ...base, startedAt })),
    fc.oneof(wrongType('number'), fc.integer({ min: 841 }), fc.integer({ max: -841 }), fc.double({ min: -800, max: 800, noNaN: true }).filter((n) => !Number.isInteger(n))).map((utcOffsetMinutes) => ({ ...base, utcOffsetMinutes })),
    fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1441 }), wrongType('number').filter((x) => x !== null)).map((durationMinutes) => ({ ...base, durationMinutes })),
    fc.oneof(wrongType('string'), fc.constantFrom('', '   '), personalText, badText, fc.integer({ min: 81, max: 5_000 }).map((n) => 'P'.repeat(n))).map((place) => ({ ...base, place })),
    fc.oneof(wrongType('string'), personalText, badText, fc.integer({ min: 501, max: 20_000 }).map((n) => 'n'.repeat(n))).map((note) => ({ ...base, note })),
    fc.constantFrom('vehiclesChecked', 'breathTests', 'reports', 'suspectedImpaired').chain((key) =>
      fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 10_001 }), fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)), wrongType('number'), nanLike).map((value) => ({ ...base, details: { ...base.details, [key]: value } })),
    ),
    fc.constant({ ...base, details: { ...base.details, suspectedImpaired: 41, vehiclesChecked: 40 } }),
    anyString.filter((s) => !['hastighet', 'nykterhet', 'beteende', 'tung_trafik', 'allman'].includes(s)).map((focus) => ({ ...base, details: { ...base.details, focus } })),
    withExtraKey(base),
    withExtraKey(base.details).map((details) => ({ ...base, details })),
    fc.constantFrom('kommunId', 'place', 'details', 'startedAt', 'kind').map((drop) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== drop))),
  );

/** A change refused by construction (rejected or conflict), never applied. */
const hostileChange = (fx: Fixture): fc.Arbitrary<unknown> => {
  const base = () => upsert(trafficEntry());
  return fc.oneof(
    notUuid.map((id) => ({ ...base(), id })),
    badRev.map((rev) => ({ ...base(), rev })),
    anyString.filter((s) => s !== 'upsert' && s !== 'void').map((op) => ({ ...base(), op })),
    wrongType('string').map((op) => ({ ...base(), op })),
    badClientTime.map((clientTime) => ({ ...base(), clientTime })),
    // A reason on an upsert; a void of nothing; a void without a usable reason.
    fc.oneof(anyString, wrongType('string').filter((x) => x !== null)).map((voidReason) => ({ ...base(), voidReason })),
    fc.constant(null).map(() => ({ ...base(), op: 'void', voidReason: 'Felregistrerad.' })),
    fc.oneof(personalText, badText, fc.constant('')).map((voidReason) => ({ ...base(), id: fx.ownId, rev: 2, op: 'void', voidReason })),
    // Another officer's entry, at any revision; one's own at a revision the server holds with other content.
    fc.integer({ min: 1, max: 1_000_000 }).map((rev) => ({ ...base(), id: fx.othersId, rev })),
    fc.constant(null).map(() => ({ ...base(), id: fx.ownId, rev: 1 })),
    fc.constant(trafficEntry()).chain(hostileEntry).map((entry) => ({ ...base(), entry })),
    withExtraKey(upsert()),
    wrongType('object'),
  );
};

/**
 * 1–5 hostile changes, sometimes the same one twice, or all under one id: a colleague's
 * (a fresh id would mend a change whose only fault was its id).
 */
const hostileBatch = (fx: Fixture) =>
  fc.array(hostileChange(fx), { minLength: 1, maxLength: 5 }).chain((changes) =>
    fc.constantFrom('as is', 'repeat first', 'colleague id').map((how) => {
      if (how === 'repeat first') return [...changes, changes[0]];
      if (how === 'colleague id') return changes.map((c) => (typeof c === 'object' && c !== null && !Array.isArray(c) ? { ...c, id: fx.othersId } : c));
      return changes;
    }),
  );

const ENVELOPE = { deviceId: 'fuzz-phone', heartbeat: HEARTBEAT, changes: [] as unknown[] };

/** The envelope made invalid by construction: refused as a whole (400/413). */
const mutatedEnvelope = fc.oneof(
  fc.oneof(wrongType('string'), fc.constant(''), badText, fc.integer({ min: 65, max: 300 }).map((n) => 'd'.repeat(n))).map((deviceId) => ({ ...ENVELOPE, deviceId })),
  wrongType('object').map((heartbeat) => ({ ...ENVELOPE, heartbeat })),
  fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 10_000_001 }), wrongType('number'), nanLike).map((queuedCount) => ({ ...ENVELOPE, heartbeat: { ...HEARTBEAT, queuedCount } })),
  fc.oneof(wrongType('string'), badText, fc.integer({ min: 65, max: 200 }).map((n) => 'v'.repeat(n))).map((appVersion) => ({ ...ENVELOPE, heartbeat: { ...HEARTBEAT, appVersion } })),
  badClientTime.filter((x) => x !== null).map((oldestQueuedAt) => ({ ...ENVELOPE, heartbeat: { ...HEARTBEAT, oldestQueuedAt } })),
  wrongType('array').map((changes) => ({ ...ENVELOPE, changes })),
  withExtraKey(ENVELOPE),
  fc.constantFrom('deviceId', 'heartbeat', 'changes').map((drop) => Object.fromEntries(Object.entries(ENVELOPE).filter(([k]) => k !== drop))),
  nested.map((deep) => ({ ...ENVELOPE, changes: [{ ...upsert(), entry: deep }] })),
  // Just over the cap is the case that matters; far over it only costs time (MAX_PUSH_BATCH).
  fc.integer({ min: MAX_PUSH_BATCH + 1, max: MAX_PUSH_BATCH + 20 }).map((n) => ({ ...ENVELOPE, changes: Array.from({ length: n }, () => 1) })),
  // Over the global body limit (1 MiB): each å is two bytes.
  fc.integer({ min: PUSH_BODY_LIMIT / 2 + 10_000, max: Math.floor(PUSH_BODY_LIMIT * 0.75) }).map((n) => ({ ...ENVELOPE, changes: [{ ...upsert(), entry: { ...trafficEntry(), note: 'å'.repeat(n) } }] })),
);

// ---- the checks ----------------------------------------------------------------------------

function expectErrorShape(res: LightMyRequestResponse, what: string): void {
  expect(res.headers['content-type'], what).toMatch(/^application\/json/);
  const body = res.json() as { error: { code: string; message: string; details?: unknown } };
  expect(Object.keys(body), what).toEqual(['error']);
  expect(ERROR_CODES, what).toContain(body.error.code);
  expect(typeof body.error.message === 'string' && body.error.message.length > 0, what).toBe(true);
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'details'].includes(k)), what).toBe(true);
}

function expectAllRefused(res: LightMyRequestResponse, sent: unknown[], what: string): void {
  const body = res.json() as { results: PushResult[]; deviceRevoked?: boolean };
  expect(body.results, what).toHaveLength(sent.length);
  for (const r of body.results) {
    expect(['rejected', 'conflict'], what).toContain(r.status);
    expect(typeof r.id === 'string' && Number.isSafeInteger(r.rev), what).toBe(true);
    expect(r.serverSeq, what).toBeUndefined();
    expect(r.errors!.length, what).toBeGreaterThan(0);
    for (const e of r.errors!) expect(typeof e.field === 'string' && typeof e.code === 'string' && e.message.length > 0, what).toBe(true);
  }
}

describeBackends('fuzz: login and push refuse hostile payloads', (backend) => {
  let t: TestDb;
  let api: Api;
  let world: World;
  let token: string;
  let coordinator: string;
  const fx = {} as Fixture;
  let sent = 0;

  /** Rows that no refused payload may add to. */
  const guarded = async () =>
    (
      await t.db.query<{ entries: number; revisions: number; pushes: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM entries) AS entries, (SELECT count(*)::int FROM entry_revisions) AS revisions,
                (SELECT count(*)::int FROM audit_log WHERE action = 'sync.push') AS pushes,
                (SELECT count(*)::int FROM audit_log WHERE action <> 'session.login_failed') AS audit`,
      )
    )[0]!;
  let baseline: Awaited<ReturnType<typeof guarded>>;

  const post = (url: string, body: string, headers: Record<string, string>) => {
    sent++;
    return api.app.inject({ method: 'POST', url, headers, payload: body });
  };
  const login = (body: unknown) => post('/api/v1/session', JSON.stringify(body) ?? 'null', { 'content-type': 'application/json' });
  const push = (body: unknown, bearer: string | null = token) =>
    post('/api/v1/sync/push', JSON.stringify(body) ?? 'null', { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) });

  const checkLogin = (res: LightMyRequestResponse, what: string) => {
    expect([400, 401, 413, 415], `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
    expectErrorShape(res, what);
  };
  const checkPush = async (res: LightMyRequestResponse, changes: unknown[] | null, what: string) => {
    const label = `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, label).toBeLessThan(500);
    if (res.statusCode === 200 && changes) expectAllRefused(res, changes, label);
    else {
      expect([400, 401, 403, 413, 415], label).toContain(res.statusCode);
      expectErrorShape(res, label);
    }
    // No partial write: checked after every payload that reached the push transaction (a
    // 200); the others were refused before it, and each property checks them all at its end.
    if (res.statusCode === 200) expect(await guarded(), label).toEqual(baseline);
  };
  const show = (x: unknown) => {
    const s = JSON.stringify(x) ?? String(x);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  };

  beforeAll(async () => {
    t = await openTestDb(backend);
    world = await setupWorld(t.db);
    ({ api } = await testApp(t.db, { pushLimits: false, loginLimits: { perUsername: 1e9, perIp: 1e9 } }));
    token = await api.token('officerA', 'fuzz-phone');
    coordinator = await api.token('coordA');
    const colleague = await api.token('officerA2');
    const others = upsert(trafficEntry({ place: 'Kollegans' }));
    const own = upsert(trafficEntry({ place: 'Egen' }));
    await api.pushOk(colleague, [others]);
    await api.pushOk(token, [own]);
    fx.othersId = others.id;
    fx.ownId = own.id;
    baseline = await guarded();
  });
  afterAll(async () => {
    console.log(`fuzz [${backend}]: ${sent} hostile payloads sent (login + push), none accepted`);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    await t.close();
  });

  it(`login: random JSON values (${RUNS.loginRandomJson})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => checkLogin(await login(body), show(body))),
      { endOnFailure: true, numRuns: RUNS.loginRandomJson },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`login: valid shape, one field hostile (${RUNS.loginMutated})`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedLogin, async (body) => {
        const res = await login(body);
        checkLogin(res, show(body));
        expect(res.statusCode).not.toBe(401); // refused by shape, before any password check
      }),
      { endOnFailure: true, numRuns: RUNS.loginMutated },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`login: raw bodies that are not JSON (${RUNS.loginRawBodies})`, async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, async ([type, body]) => checkLogin(await post('/api/v1/session', body, { 'content-type': type }), `${type}: ${show(body)}`)),
      { endOnFailure: true, numRuns: RUNS.loginRawBodies },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`login: well-formed but wrong credentials, SQL-ish and unicode usernames (${RUNS.loginWrongCredentials})`, async () => {
    const username = fc.oneof(sqlish, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('officerA', 'OFFICERA', ' officera ', 'admina'));
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'session.login_failed'`))[0]!.n;
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(username, fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p !== PASSWORD), async (name, password) => {
        const res = await login({ username: name, password, deviceId: 'fuzz-phone' });
        checkLogin(res, show({ name, password }));
        if (res.statusCode === 401) failures++;
      }),
      { endOnFailure: true, numRuns: RUNS.loginWrongCredentials },
    );
    // Each well-formed failure is audited, and nothing else was written.
    const after = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'session.login_failed'`))[0]!.n;
    expect(after - before).toBe(failures);
    expect(await guarded()).toEqual(baseline);
  });

  it(`push: random JSON values (${RUNS.pushRandomJson})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => checkPush(await push(body), null, show(body))),
      { endOnFailure: true, numRuns: RUNS.pushRandomJson },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`push: valid envelope, hostile changes (${RUNS.pushHostileChanges})`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileBatch(fx), async (changes) => checkPush(await push({ ...ENVELOPE, changes }), changes, show(changes))),
      { endOnFailure: true, numRuns: RUNS.pushHostileChanges },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`push: hostile envelope (${RUNS.pushMutatedEnvelope})`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedEnvelope, async (body) => {
        const res = await push(body);
        await checkPush(res, null, show(body));
        expect(res.statusCode).not.toBe(200);
      }),
      { endOnFailure: true, numRuns: RUNS.pushMutatedEnvelope },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`push: raw bodies that are not JSON (${RUNS.pushRawBodies})`, async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, async ([type, body]) => {
        const res = await post('/api/v1/sync/push', body, { 'content-type': type, authorization: `Bearer ${token}` });
        await checkPush(res, null, `${type}: ${show(body)}`);
      }),
      { endOnFailure: true, numRuns: RUNS.pushRawBodies },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`push: a valid change from a caller who may not push (${RUNS.pushWrongCaller})`, async () => {
    const caller = fc.oneof(fc.constant(null), fc.constant(coordinator), fc.string({ minLength: 20, maxLength: 100 }).map((s) => s.replace(/[^A-Za-z0-9_-]/g, 'x')), fc.constant(`${token}x`));
    await fc.assert(
      fc.asyncProperty(caller, async (bearer) => {
        const res = await push({ ...ENVELOPE, changes: [upsert()] }, bearer);
        expect([401, 403]).toContain(res.statusCode);
        await checkPush(res, null, `bearer ${bearer}`);
      }),
      { endOnFailure: true, numRuns: RUNS.pushWrongCaller },
    );
    expect(await guarded()).toEqual(baseline);
  });

  it(`hostile but valid text is stored exactly as sent, and counted (${HOSTILE_BUT_VALID_RUNS})`, async () => {
    const text = (max: number) =>
      fc.oneof(sqlish, fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }), fc.string({ unit: 'binary', minLength: 1, maxLength: max })).filter(
        (s) => s.trim().length > 0 && s.length <= max && !hasBadCharacters(s) && findPersonalData(s) === null,
      );
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(text(80), fc.oneof(fc.constant(''), text(500)), async (place, note) => {
        const change: PushChange = upsert(trafficEntry({ place, note }), randomUUID());
        const res = await push({ ...ENVELOPE, changes: [change] });
        sent--; // not a hostile payload: counted apart
        expect(res.statusCode).toBe(200);
        const [result] = (res.json() as { results: PushResult[] }).results;
        expect(result!.status, show(result)).toBe('applied');
        applied++;
        const [row] = await t.db.query<{ place: string; note: string }>(`SELECT content->>'place' AS place, content->>'note' AS note FROM entries WHERE id = $1`, [change.id]);
        expect(row).toEqual({ place: place.trim(), note: note.trim() });
      }),
      { endOnFailure: true, numRuns: HOSTILE_BUT_VALID_RUNS },
    );
    const after = await guarded();
    expect(after.entries - baseline.entries).toBe(applied);
    expect(after.revisions - baseline.revisions).toBe(applied);
    expect(after.pushes - baseline.pushes).toBe(applied);
    void world;
  });
});
