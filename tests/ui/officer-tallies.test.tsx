// An officer's "Följ upp": the same cards as a shift lead's, but with the server's figures
// for the whole kommun (their device holds only their own entries), kept for offline use
// and dated by the server's generatedAt; the drill-down lists only their own entries.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { getMeta, saveEntry, setMeta, type FieldLogDb } from '../../src/db/index.ts';
import { localDate } from '../../src/domain/calendar.ts';
import { planTallies, summarizeTallies, type TallyRow } from '../../src/domain/tallies/index.ts';
import type { TalliesResponse } from '../../src/domain/sync.ts';
import type { ServerCall } from '../../src/ui/app/context.ts';
import { NetworkFailure } from '../../src/sync/api.ts';
import { serverTalliesKey } from '../../src/ui/features/tallies/useTallies.ts';
import { trafficCheck } from '../fixtures/entries.ts';
import { catalogue, officer, renderApp } from './harness.tsx';

const TODAY = '2025-05-12T10:00:00Z';
const P = 'nassjo-2025-exempel';
const GENERATED_AT = '2025-05-12T07:45:00.000Z'; // 09:45 in Stockholm
const REQUEST = { kommunId: 'nassjo', from: '2025-01-01', to: '2025-12-31' } as const;

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
afterEach(() => {
  setOnline(true);
  cleanup();
});

/**
 * The area's figures as the server would give them: Trafikkontroll 3 in Q1 and 4 in Q2 (7 in
 * 2025), of which the officer's own device holds just one entry. Built by the same domain
 * functions the server calls, on hand-made rows.
 */
function areaAnswer(): TalliesResponse {
  const plan = planTallies(catalogue, REQUEST);
  const q = (n: number) => plan.buckets.find((b) => b.key === `2025-${plan.grain === 'quarter' ? 'Q' : 'T'}${n}`)!.key;
  const rows: TallyRow[] = [
    { activityId: `${P}-a3`, source: 'traffic_check', bucket: q(1), count: 3, sums: { vehiclesChecked: 60, breathTests: 60, reports: 1, suspectedImpaired: 1 } },
    { activityId: `${P}-a3`, source: 'traffic_check', bucket: q(2), count: 4, sums: { vehiclesChecked: 80, breathTests: 70, reports: 2, suspectedImpaired: 0 } },
  ];
  return { generatedAt: GENERATED_AT, tallies: summarizeTallies(catalogue, plan, rows, localDate(Date.parse(TODAY))) };
}

async function ownEntry(db: FieldLogDb) {
  await saveEntry(db, trafficCheck({ startedAt: '2025-05-10T06:00:00.000Z', place: 'Egen kontroll' }), { officerId: officer.id, deviceId: 'device-1', now: () => Date.parse('2025-05-12T07:30:00Z') });
  // Another officer's queued entry on a shared phone: not the signed-in officer's to list.
  await saveEntry(db, trafficCheck({ startedAt: '2025-05-09T06:00:00.000Z', place: 'Annans kontroll' }), { officerId: 'officer-9', deviceId: 'device-1', now: () => Date.parse('2025-05-12T07:30:00Z') });
}

function fakeServer(answer: () => TalliesResponse | Error) {
  const paths: string[] = [];
  const callServer: ServerCall = async <T,>(method: string, path: string) => {
    paths.push(`${method} ${path}`);
    if (!path.startsWith('/tallies')) throw new NetworkFailure();
    const a = answer();
    if (a instanceof Error) throw a;
    return a as T;
  };
  return { callServer, paths };
}

const card = async (title: string) => {
  const heading = await screen.findByRole('heading', { name: title, level: 3 });
  return within(heading.closest('article')!);
};

describe('Följ upp for an officer', () => {
  it('shows the area\'s figure from the server, dated by generatedAt, and asks for the kommun and period', async () => {
    const server = fakeServer(areaAnswer);
    const h = await renderApp({ user: officer, hash: '#/', now: TODAY, callServer: server.callServer, seed: ownEntry });
    fireEvent.click(screen.getByRole('link', { name: 'Följ upp' }));
    const traffic = await card('Trafikkontroll');
    // 7 for the kommun, not the 1 on the officer's device.
    expect(traffic.getByRole('link', { name: /^7 i 2025\. Visa dina egna registreringar/ }).textContent).toBe('7 i 2025');
    expect(traffic.getByText('140 fordon kontrollerade, 130 utandningsprov, 1 misstänkt rattfylleri, 3 rapporter')).toBeTruthy();
    expect(screen.getByText('Data per 12 maj 2025 09:45')).toBeTruthy();
    expect(screen.queryByText(/^Offline:/)).toBeNull();
    expect(server.paths).toEqual(['GET /tallies?kommun=nassjo&from=2025-01-01&to=2025-12-31']);
    // No unsent work of the area and no report for an officer.
    expect(screen.queryByText(/Osänt arbete/)).toBeNull();
    expect(screen.queryByRole('link', { name: /Rapport till kommunstyrelsen/ })).toBeNull();
    // The answer is kept for offline use.
    await waitFor(async () => expect((await getMeta<TalliesResponse>(h.db, serverTalliesKey(REQUEST)))?.generatedAt).toBe(GENERATED_AT));

    // A quarter carries its grain.
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2025-Q1' } });
    await waitFor(() => expect(server.paths.at(-1)).toBe('GET /tallies?kommun=nassjo&from=2025-01-01&to=2025-03-31&by=quarter'));
  });

  it('does not give an officer the report, even by its address', async () => {
    const server = fakeServer(areaAnswer);
    await renderApp({ user: officer, hash: '#/rapport/nassjo/2025', now: TODAY, callServer: server.callServer, seed: ownEntry });
    expect(await screen.findByText('Uppföljningsrapporten tas fram av gruppchefer och samordnare.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exportera CSV' })).toBeNull();
  });

  it('drills down to the officer\'s own entries only, and says so', async () => {
    const server = fakeServer(areaAnswer);
    await renderApp({ user: officer, hash: '#/uppfoljning', now: TODAY, callServer: server.callServer, seed: ownEntry });
    fireEvent.click((await card('Trafikkontroll')).getByRole('link', { name: /^7 i 2025/ }));
    expect(await screen.findByText('Visar dina egna registreringar.')).toBeTruthy();
    await screen.findByText('1 registrering räknas.');
    expect(screen.getByText(/Egen kontroll/)).toBeTruthy();
    expect(screen.queryByText(/Annans kontroll/)).toBeNull();
  });

  it('offline with a kept copy: the figures, their time and the offline mark', async () => {
    setOnline(false);
    const server = fakeServer(() => new NetworkFailure());
    await renderApp({
      user: officer, hash: '#/uppfoljning', now: TODAY, callServer: server.callServer,
      seed: async (db) => setMeta(db, serverTalliesKey(REQUEST), areaAnswer()),
    });
    expect((await card('Trafikkontroll')).getByRole('link', { name: /^7 i 2025/ }).textContent).toBe('7 i 2025');
    expect(screen.getByText('Data per 12 maj 2025 09:45')).toBeTruthy();
    expect(screen.getByText('Offline: siffrorna är serverns, från senast de hämtades.').closest('.offline-mark')!.getAttribute('role')).toBe('status');
    expect(server.paths).toEqual([]);
  });

  it('offline with nothing kept: says the figures need the network', async () => {
    setOnline(false);
    const server = fakeServer(areaAnswer);
    await renderApp({ user: officer, hash: '#/uppfoljning', now: TODAY, callServer: server.callServer, seed: ownEntry });
    expect(await screen.findByText('Siffrorna hämtas från servern. Anslut till nätet för att se dem.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Trafikkontroll', level: 3 })).toBeNull();
    expect(screen.queryByText(/^Data per/)).toBeNull();
  });

  it('shift leads still tally on their device and never ask the server', async () => {
    const server = fakeServer(areaAnswer);
    await renderApp({ user: { ...officer, id: 'lead-1', roles: ['shift_lead'] }, hash: '#/uppfoljning', now: TODAY, callServer: server.callServer, seed: ownEntry });
    expect((await card('Trafikkontroll')).getByRole('link', { name: /registreringarna i 2025/ }).textContent).toBe('2 i 2025');
    expect(server.paths.filter((p) => p.includes('/tallies'))).toEqual([]);
  });
});
