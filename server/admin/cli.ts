// The command line of a real deployment (no --demo): the first admin account, and a
// password reset when nobody else can. Uses the same functions as the admin API, so the
// same rules, temporary passwords and audit rows apply (actor "admin-cli").
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../src/domain/sync.ts';
import { writeAudit } from '../audit.ts';
import { auditExportText, auditRows, parseAuditRange } from '../audit/export.ts';
import { findUserByUsername } from '../auth/users.ts';
import type { Db } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { createAccount, resetAccountPassword, type AdminActor } from './accounts.ts';

export const USAGE = `Användning:
  node --import tsx server/admin-cli.ts create-user --username <namn> --name "<visningsnamn>" --roles <roll,roll> --area <polisområde>
  node --import tsx server/admin-cli.ts reset-password --username <namn>
  node --import tsx server/admin-cli.ts export-audit --from <ÅÅÅÅ-MM-DD|tid> --to <ÅÅÅÅ-MM-DD|tid> [--format csv|ndjson] [--area <polisområde>] > fil
Roller: ${ROLES.join(', ')}. DATABASE_URL eller DATA_DIR som för servern.`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  /** Raw text with no line end added (the export's CSV has its own CRLFs); default: out(). */
  write?(text: string): void;
}

function describe(err: unknown): string {
  if (!(err instanceof HttpError)) throw err;
  const details = Array.isArray(err.details) ? (err.details as { field: string; message: string }[]).map((d) => `  ${d.field}: ${d.message}`) : [];
  return [err.message, ...details].join('\n');
}

/** Runs one command; returns the process exit code. */
export async function runAdminCli(db: Db, argv: string[], io: CliOutput, nowMs = Date.now()): Promise<number> {
  const actor: AdminActor = { userId: null, username: 'admin-cli', policeAreaId: null, deviceId: null, ip: null, nowMs };
  const [command, ...rest] = argv;
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        roles: { type: 'string' },
        area: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
      },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    if (command === 'create-user') {
      const roles = (values.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean) as Role[];
      const { user, temporaryPassword } = await createAccount(db, actor, { username: values.username, displayName: values.name, roles, policeAreaId: values.area });
      io.out(`Kontot ${user.username} (${user.roles.join(', ')}, ${user.policeAreaId}) är skapat.`);
      io.out(`Tillfälligt lösenord: ${temporaryPassword}`);
      io.out('Lösenordet ska bytas vid första inloggningen.');
      return 0;
    }
    if (command === 'reset-password') {
      const user = values.username ? await findUserByUsername(db, values.username) : null;
      if (!user) {
        io.err('Kontot finns inte.');
        return 1;
      }
      const { temporaryPassword } = await resetAccountPassword(db, actor, user.id);
      io.out(`Nytt tillfälligt lösenord för ${user.username}: ${temporaryPassword}`);
      return 0;
    }
    if (command === 'export-audit') return await exportAudit(db, actor, values, io);
  } catch (err) {
    io.err(describe(err));
    return 1;
  }
  io.err(USAGE);
  return 2;
}

/**
 * The audit log of a range to stdout, for a deployment where the data protection officer
 * gets it from the operator rather than through GET /api/v1/audit. All areas unless
 * --area is given. The export is itself audited (actor "admin-cli").
 */
async function exportAudit(db: Db, actor: AdminActor, values: Record<string, string | undefined>, io: CliOutput): Promise<number> {
  const parsed = parseAuditRange({ from: values.from, to: values.to, format: values.format ?? 'ndjson' });
  if (!parsed.ok) {
    io.err([...parsed.issues.map((i) => `  ${i.field}: ${i.message}`), USAGE].join('\n'));
    return 2;
  }
  const { range } = parsed;
  const area = values.area ?? null;
  await writeAudit(db, actor.nowMs, {
    actorId: null,
    actorUsername: actor.username,
    action: 'audit.export',
    target: area,
    details: { from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString(), format: range.format, policeAreaId: area },
  });
  const write = io.write ?? ((text: string) => io.out(text));
  for await (const chunk of auditExportText(auditRows(db, range, area), range.format)) write(chunk);
  return 0;
}
