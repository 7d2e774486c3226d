// DEMO ONLY: one user per role in Höglandet with a shared, printed password, created
// only when the server is started with --demo. Never in a real deployment.
import type { Role } from '../src/domain/sync.ts';
import { createUser, findUserByUsername } from './auth/users.ts';
import type { Db } from './db/db.ts';

export const DEMO_PASSWORD = 'demo-losen-2026';
export const DEMO_POLICE_AREA = 'hoglandet';

export const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'polis1', displayName: 'Polis Ett (demo)', roles: ['officer'] },
  { username: 'polis2', displayName: 'Polis Två (demo)', roles: ['officer'] },
  { username: 'gruppchef', displayName: 'Gruppchef (demo)', roles: ['shift_lead'] },
  { username: 'samordnare', displayName: 'Samordnare (demo)', roles: ['coordinator'] },
  { username: 'admin', displayName: 'Administratör (demo)', roles: ['admin'] },
];

/** Creates the demo users that do not exist yet; an existing user is left as it is. */
export async function ensureDemoUsers(db: Db): Promise<void> {
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, u.username)) continue;
    await createUser(db, { ...u, password: DEMO_PASSWORD, policeAreaId: DEMO_POLICE_AREA });
  }
}

export function demoBanner(url: string): string {
  const lines = [
    'DEMO – inte för verklig användning / not for real use',
    '',
    `Öppna ${url}`,
    `Lösenord för alla: ${DEMO_PASSWORD}`,
    '',
    ...DEMO_USERS.map((u) => `  ${u.username.padEnd(12)} ${u.roles.join(', ')}`),
    '',
    'Medborgarlöften märkta "exempel" (2025–2026) är påhittade.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '═'.repeat(width + 2);
  return [`╔${bar}╗`, ...lines.map((l) => `║ ${l.padEnd(width)} ║`), `╚${bar}╝`].join('\n');
}
