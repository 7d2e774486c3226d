// The shift lead's dashboard on a known dataset (tests/ui/tally-dataset.ts): figures,
// statuses, chart text, period switch, drill-down, the offline mark and unsent work.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { saveEntry, setMeta } from '../../src/db/index.ts';
import { LAST_SYNC_KEY } from '../../src/sync/engine.ts';
import { NetworkFailure } from '../../src/sync/api.ts';
import type { DeviceStatus } from '../../src/domain/sync.ts';
import { DEVICES_KEY } from '../../src/ui/features/tallies/devices.ts';
import type { ServerCall } from '../../src/ui/app/context.ts';
import { lob } from '../fixtures/entries.ts';
import { officer, renderApp, shiftLead } from './harness.tsx';
import { seedArea, TODAY } from './tally-dataset.ts';

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
afterEach(() => setOnline(true));

const card = async (title: string) => {
  const heading = await screen.findByRole('heading', { name: title, level: 3 });
  return within(heading.closest('article')!);
};

async function openDashboard(opts: { hash?: string; callServer?: ServerCall; lastSync?: string } = {}) {
  return renderApp({
    user: shiftLead,
    hash: opts.hash ?? '#/uppfoljning',
    now: TODAY,
    ...(opts.callServer ? { callServer: opts.callServer } : {}),
    seed: async (db) => {
      await seedArea(db, shiftLead.id);
      if (opts.lastSync) await setMeta(db, LAST_SYNC_KEY, opts.lastSync);
    },
  });
}

describe('Uppföljning', () => {
  it('is a tab for shift leads, and for officers (with the server\'s figures, tests/ui/officer-tallies.test.tsx)', async () => {
    await renderApp({ user: officer });
    expect(screen.getByRole('link', { name: 'Följ upp' })).toBeTruthy();
    cleanup();
    await openDashboard({ hash: '#/' });
    expect(screen.getByRole('link', { name: 'Följ upp' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Logga' })).toBeTruthy();
  });

  it('shows each activity of the year with count, target, status, expected figure and outcomes', async () => {
    await openDashboard({ lastSync: '2025-05-12T08:30:00.000Z' });
    expect(await screen.findByText('Data per 12 maj 2025 10:30')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Nässjö · 2025', level: 2 })).toBeTruthy();

    const traffic = await card('Trafikkontroll');
    expect(traffic.getByRole('link', { name: 'Visa de 6 registreringarna i 2025' }).textContent).toBe('6 i 2025');
    expect(traffic.getByText('Polisen · Mål: 30 per år')).toBeTruthy();
    expect(traffic.getByText('efter')).toBeTruthy();
    expect(traffic.getByText(/6 av 30 under 2025/).closest('p')!.textContent).toBe('6 av 30 under 2025 · förväntat hittills 10,8');
    expect(traffic.getByText('172 fordon kontrollerade, 152 utandningsprov, 4 misstänkta rattfylleri, 8 rapporter')).toBeTruthy();
    expect(traffic.getByRole('img').getAttribute('aria-labelledby')).toBeTruthy();
    expect(traffic.getByTitle(/^Antal per kvartal: kvartal 1 2025: 3, kvartal 2 2025: 3, kvartal 3 2025: inga siffror ännu/)).toBeTruthy();

    const drug = await card('Riktad narkotikainsats');
    expect(drug.getByText('9 narkotikabrott varav 4 bland 21 år eller yngre, 30 personer kontrollerade varav 14 21 år eller yngre, 1 underrättelsestyrda')).toBeTruthy();
    expect(drug.getByText(/förväntat hittills 5,4/)).toBeTruthy();

    const lobCard = await card('LOB och PL');
    expect(lobCard.getByText('Polisen · Mål: –')).toBeTruthy();
    expect(lobCard.getByText('LOB 6 personer (1 under 18, 2 18–21 år, 3 över 21), PL 2 personer')).toBeTruthy();
    expect(lobCard.queryByText(/i fas|efter|uppnått/)).toBeNull();

    const meeting = await card('Avstämningsmöte');
    expect(meeting.getByText('Gemensam · Mål: 2 per år')).toBeTruthy();
    expect(meeting.getByText('uppnått')).toBeTruthy();
    expect(meeting.getByText('Avstämning i kommunhuset')).toBeTruthy();
    // Shift leads see completions but do not mark them.
    expect(meeting.queryByRole('button', { name: /Markera som genomförd/ })).toBeNull();

    const walk = await card('Trygghetsvandring');
    expect(walk.getByText('Kommunen · Mål: 1 (ingen period angiven)')).toBeTruthy();
    expect(walk.getByText('i fas')).toBeTruthy();
  });

  it('switches period and kommun', async () => {
    await openDashboard();
    await card('Trafikkontroll');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2025-Q1' } });
    await waitFor(() => expect(location.hash).toBe('#/uppfoljning/nassjo/2025-Q1'));
    await waitFor(async () => expect((await card('Trafikkontroll')).getByRole('link', { name: /registreringarna i kvartal 1 2025/ }).textContent).toBe('3 i kvartal 1 2025'));
    // Judged as of 31 March: 30 × 90/365 = 7,4 expected.
    expect((await card('Trafikkontroll')).getByText(/3 av 30 under 2025/).closest('p')!.textContent).toContain('förväntat hittills 7,4');

    fireEvent.click(screen.getByRole('link', { name: 'Tranås' }));
    await screen.findByRole('heading', { name: 'Tranås · 2025', level: 2 });
    await waitFor(async () => expect((await card('Trafikkontroll')).getByRole('link', { name: /registreringen i 2025/ }).textContent).toBe('1 i 2025'));
  });

  it('drills down to the entries behind a figure; others’ entries are read-only', async () => {
    await openDashboard();
    const traffic = await card('Trafikkontroll');
    fireEvent.click(traffic.getByRole('link', { name: 'Visa de 6 registreringarna i 2025' }));
    expect(await screen.findByRole('heading', { name: 'Registreringar: Trafikkontroll' })).toBeTruthy();
    expect(await screen.findByText('6 registreringar räknas.')).toBeTruthy();
    const rows = screen.getAllByRole('link', { name: /Trafikkontroll/ });
    expect(rows).toHaveLength(6);
    // Newest first; the voided one is not there; the own one is marked.
    expect(rows[0]!.textContent).toContain('Egen kontroll');
    expect(rows[0]!.textContent).toContain('Din registrering');
    expect(rows.some((r) => r.textContent!.includes('Fel plats'))).toBe(false);
    expect(rows[1]!.textContent).toContain('Rv 40');
    expect(rows[1]!.textContent).toContain('Annan polis – kan bara läsas');
    fireEvent.click(rows[1]!);
    expect(await screen.findByText('Kontrollerade fordon')).toBeTruthy();
    expect(screen.getByText('60')).toBeTruthy(); // the corrected figure
    expect(screen.queryByRole('link', { name: 'Rätta' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Återkalla' })).toBeNull();
    expect(screen.getByRole('link', { name: '← Tillbaka' }).getAttribute('href')).toBe('#/uppfoljning/nassjo');
  });

  it('marks figures as from the last sync when offline, and keeps them', async () => {
    await openDashboard({ lastSync: '2025-05-11T18:00:00.000Z' });
    await card('Trafikkontroll');
    expect(screen.queryByText(/Offline: siffrorna är från senaste synkningen/)).toBeNull();
    setOnline(false);
    expect(await screen.findByText(/Offline: siffrorna är från senaste synkningen/)).toBeTruthy();
    expect(screen.getByText('Data per 11 maj 2025 20:00')).toBeTruthy();
    expect((await card('Trafikkontroll')).getByRole('link', { name: /registreringarna i 2025/ }).textContent).toBe('6 i 2025');
  });

  it('counts an entry logged on this device at once', async () => {
    const h = await openDashboard();
    const lobCard = await card('LOB och PL');
    expect(lobCard.getByRole('link', { name: /registreringarna i 2025/ }).textContent).toBe('3 i 2025');
    await saveEntry(h.db, lob({ promiseId: 'nassjo-2025-exempel', activityId: 'nassjo-2025-exempel-a1', startedAt: '2025-05-11T22:00:00.000Z' }), { officerId: shiftLead.id, deviceId: 'device-1', now: () => h.clock.now });
    await waitFor(() => expect(lobCard.getByRole('link', { name: /registreringarna i 2025/ }).textContent).toBe('4 i 2025'));
  });
});

describe('unsent work', () => {
  const device = (over: Partial<DeviceStatus>): DeviceStatus => ({
    deviceId: 'device-9abcdef0',
    userId: 'officer-9',
    username: 'polis9',
    displayName: 'Polis Nio',
    lastSeenAt: '2025-05-12T06:00:00.000Z',
    queuedCount: 0,
    oldestQueuedAt: null,
    oldestQueuedAgeSeconds: null,
    appVersion: 'test',
    ...over,
  });

  it('lists devices with queued work, the age of the oldest and a warning past one shift', async () => {
    const callServer = vi.fn(async () => ({
      devices: [
        device({ queuedCount: 3, oldestQueuedAt: '2025-05-11T22:00:00.000Z' }), // 12 h before 10:00Z
        device({ deviceId: 'device-7', displayName: 'Polis Sju', queuedCount: 1, oldestQueuedAt: '2025-05-12T08:40:00.000Z' }),
        device({ deviceId: 'device-8', displayName: 'Polis Åtta' }),
      ],
    })) as unknown as ServerCall;
    await openDashboard({ callServer });
    const panel = within((await screen.findByText(/^Osänt arbete/)).closest('details')!);
    await waitFor(() => expect(panel.getByText('Polis Nio · enhet device-9abcdef0')).toBeTruthy());
    expect(callServer).toHaveBeenCalledWith('GET', '/devices');
    const nio = within(panel.getByText('Polis Nio · enhet device-9abcdef0').closest('li')!);
    expect(nio.getByText('3 väntar · äldsta 12 h')).toBeTruthy();
    expect(nio.getByText('Äldre än ett skift')).toBeTruthy();
    const sju = within(panel.getByText('Polis Sju · enhet device-7').closest('li')!);
    expect(sju.getByText('1 väntar · äldsta 1 h')).toBeTruthy();
    expect(sju.queryByText('Äldre än ett skift')).toBeNull();
    expect(panel.getByText('1 enhet utan osänt arbete')).toBeTruthy();
    // This device: the shift lead's own entry of the dataset, queued 2 h 30 min ago.
    await waitFor(() => expect(within(panel.getByText('Den här enheten').closest('li')!).getByText('1 väntar · äldsta 2 h')).toBeTruthy());
    expect(panel.getByText(/Osänt arbete: 3 enheter/)).toBeTruthy();
  });

  it('offline, shows the last answer with its age', async () => {
    setOnline(false);
    const callServer = vi.fn(async () => {
      throw new NetworkFailure();
    }) as unknown as ServerCall;
    const h = await openDashboard({ callServer });
    await setMeta(h.db, DEVICES_KEY, { fetchedAt: '2025-05-12T07:00:00.000Z', devices: [device({ queuedCount: 2, oldestQueuedAt: '2025-05-11T20:00:00.000Z' })] });
    const panel = within((await screen.findByText(/^Osänt arbete/)).closest('details')!);
    await waitFor(() => expect(panel.getByText('2 väntar · äldsta 14 h')).toBeTruthy());
    expect(panel.getByText('Hämtat 12 maj 2025 09:00 (för 3 h sedan)')).toBeTruthy();
    expect(panel.getByText('Offline: visar senast hämtade uppgifter.')).toBeTruthy();
    expect(callServer).not.toHaveBeenCalled();
  });
});
