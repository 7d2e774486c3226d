// Renders the signed-in app against a fresh fake-indexeddb database, a fixed clock and
// the real catalogue (with the demo periods), as an officer would see it.
import { render } from '@testing-library/preact';
import { afterAll } from 'vitest';
import { FieldLogDb } from '../../src/db/index.ts';
import { AppShell } from '../../src/ui/app/AppShell.tsx';
import type { AppServices, ServerCall } from '../../src/ui/app/context.ts';
import { SEED_CATALOGUE, withExamples } from '../../src/domain/catalogue/index.ts';
import type { User } from '../../src/domain/sync.ts';
import type { DeviceSettings } from '../../src/db/settings.ts';

// Preact runs effects after paint: requestAnimationFrame, or a 100 ms timer that then
// calls cancelAnimationFrame. A timer still pending when jsdom is torn down throws
// "cancelAnimationFrame is not defined" into the next file's run; let it fire first.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));

export const officer: User = {
  id: 'officer-1',
  username: 'polis1',
  displayName: 'Polis Ett',
  roles: ['officer'],
  policeAreaId: 'hoglandet',
  kommunIds: ['nassjo', 'tranas', 'savsjo', 'vetlanda'],
};

export const shiftLead: User = { ...officer, id: 'lead-1', username: 'gruppchef', displayName: 'Gruppchef Ett', roles: ['shift_lead'] };
export const coordinator: User = { ...officer, id: 'coord-1', username: 'samordnare', displayName: 'Samordnare Ett', roles: ['coordinator'] };

export const catalogue = withExamples(SEED_CATALOGUE);

export interface Harness {
  db: FieldLogDb;
  clock: { now: number };
  settings: DeviceSettings;
  rerender: () => void;
}

export interface RenderOptions {
  kommunId?: string | null;
  now?: string;
  hash?: string;
  withExamples?: boolean;
  /** The signed-in user; the officer polis1 by default. */
  user?: User;
  /** A fake server for what only works online; none by default. */
  callServer?: ServerCall;
  /** Write data before the app renders (through the real db functions). */
  seed?: (db: FieldLogDb) => Promise<void>;
}

export async function renderApp(opts: RenderOptions = {}): Promise<Harness> {
  const db = new FieldLogDb(`ui-${crypto.randomUUID()}`);
  await db.open();
  await opts.seed?.(db);
  const user = opts.user ?? officer;
  const clock = { now: Date.parse(opts.now ?? '2025-05-12T10:00:00Z') };
  const h: Harness = { db, clock, settings: { kommunId: opts.kommunId === undefined ? 'nassjo' : opts.kommunId, theme: 'system' }, rerender: () => {} };
  location.hash = opts.hash ?? '#/';
  const cat = opts.withExamples === false ? SEED_CATALOGUE : catalogue;
  const services = (): AppServices => ({
    db,
    now: () => clock.now,
    deviceId: 'device-1',
    appVersion: 'test',
    sync: null,
    callServer: opts.callServer ?? null,
    login: async () => {},
    saveSettings: async (s) => {
      h.settings = s;
      h.rerender();
    },
  });
  const view = render(<AppShell services={services()} state={{ user, catalogue: cat, settings: h.settings }} />);
  h.rerender = () => view.rerender(<AppShell services={services()} state={{ user, catalogue: cat, settings: h.settings }} />);
  return h;
}
