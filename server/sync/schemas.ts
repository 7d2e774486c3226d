// Shapes of the sync requests around the entry content (which has its own shared
// schema in src/domain/validation.ts). Strict: an unknown field is an error, so a
// client bug is seen at once instead of data being silently dropped.
import * as v from 'valibot';
import { wellFormedText } from '../../src/domain/validation.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export const isoTime = v.pipe(
  v.string('Ange tid.'),
  v.regex(ISO_UTC, 'Ogiltig tid (ISO 8601 i UTC).'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'Ogiltig tid.'),
);

export const deviceIdSchema = v.pipe(
  v.string('Enhetens id saknas.'),
  v.minLength(1, 'Enhetens id saknas.'),
  v.maxLength(64, 'Enhetens id är för långt.'),
  // The push envelope is exempt from the input guard's text check (its changes are judged one by one), so its own strings are checked here.
  wellFormedText(),
);

export const heartbeatSchema = v.strictObject({
  appVersion: v.pipe(v.string('Ange appversion.'), v.maxLength(64, 'Appversionen är för lång.'), wellFormedText()),
  queuedCount: v.pipe(v.number('Ange ett antal.'), v.integer('Ange ett heltal.'), v.minValue(0, 'Kan inte vara negativt.'), v.maxValue(10_000_000, 'För stort.')),
  oldestQueuedAt: v.nullable(isoTime),
});

export const pushEnvelopeSchema = v.strictObject({
  deviceId: deviceIdSchema,
  heartbeat: heartbeatSchema,
  // Items are checked one by one so that one bad change is rejected alone.
  changes: v.array(v.unknown(), 'changes ska vara en lista.'),
});

export const heartbeatRequestSchema = v.strictObject({ deviceId: deviceIdSchema, ...heartbeatSchema.entries });

export const sessionRequestSchema = v.strictObject({
  username: v.pipe(v.string('Ange användarnamn.'), v.minLength(1, 'Ange användarnamn.'), v.maxLength(100, 'Användarnamnet är för långt.')),
  password: v.pipe(v.string('Ange lösenord.'), v.minLength(1, 'Ange lösenord.'), v.maxLength(1000, 'Lösenordet är för långt.')),
  deviceId: deviceIdSchema,
});

/** Entry ids are made on the device by crypto.randomUUID / UUID v7: lowercase canonical form. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const changeSchema = v.strictObject({
  id: v.pipe(v.string('Ogiltigt id.'), v.regex(UUID, 'Ogiltigt id (UUID med gemener).')),
  rev: v.pipe(v.number('Ogiltig version.'), v.integer('Ogiltig version.'), v.minValue(1, 'Ogiltig version.'), v.maxValue(1_000_000, 'Ogiltig version.')),
  op: v.picklist(['upsert', 'void'], 'Ogiltig åtgärd.'),
  entry: v.unknown(),
  voidReason: v.nullable(v.string('Ogiltigt skäl.')),
  clientTime: isoTime,
});
