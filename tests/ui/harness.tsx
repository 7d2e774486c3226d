// Renders the signed-in app against a fresh fake-indexeddb database, a fixed clock and
// the real catalogue (with the demo periods), as an officer would see it.
import { render } from '@testing-library/preact';
import { FieldLogDb } from '../../src/db/index.ts';
import { AppShell } from '../../src/ui/app/AppShell.tsx';
import type { AppServices } from '../../src/ui/app/context.ts';
import { SEED_CATALOGUE, withExamples } from '../../src/domain/catalogue/index.ts';
import type { User } from '../../src/domain/sync.ts';
import type { DeviceSettings } from '../../src/db/settings.ts';

export const officer: User = {
  id: 'officer-1',
  username: 'polis1',
  displayName: 'Polis Ett',
  roles: ['officer'],
  policeAreaId: 'hoglandet',
  kommunIds: ['nassjo', 'tranas', 'savsjo', 'vetlanda'],
};

export const catalogue = withExamples(SEED_CATALOGUE);

export interface Harness {
  db: FieldLogDb;
  clock: { now: number };
  settings: DeviceSettings;
  rerender: () => void;
}

export async function renderApp(opts: { kommunId?: string | null; now?: string; hash?: string; withExamples?: boolean } = {}): Promise<Harness> {
  const db = new FieldLogDb(`ui-${crypto.randomUUID()}`);
  await db.open();
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
    login: async () => {},
    saveSettings: async (s) => {
      h.settings = s;
      h.rerender();
    },
  });
  const view = render(<AppShell services={services()} state={{ user: officer, catalogue: cat, settings: h.settings }} />);
  h.rerender = () => view.rerender(<AppShell services={services()} state={{ user: officer, catalogue: cat, settings: h.settings }} />);
  return h;
}
