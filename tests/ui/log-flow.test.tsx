import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { countQueued, listEntries, listRevisions, loadDraft } from '../../src/db/index.ts';
import { renderApp } from './harness.tsx';

async function openActivity(name: RegExp) {
  const button = await screen.findByRole('link', { name });
  fireEvent.click(button);
  await waitFor(() => expect(location.hash).toMatch(/^#\/logga\//));
  // The router listens to hashchange; jsdom fires it asynchronously.
  await screen.findByRole('button', { name: 'Spara' });
}

describe('logging from the home screen', () => {
  it('shows one button per police activity of the active promise with its progress', async () => {
    await renderApp();
    expect(await screen.findByRole('heading', { name: /Nässjö · Medborgarlöfte 2025–2026 \(exempel\)/ })).toBeTruthy();
    expect(screen.getByText('exempel')).toBeTruthy();
    const traffic = await screen.findByRole('link', { name: /Trafikkontroll/ });
    await waitFor(() => expect(traffic.textContent).toContain('0 / 30 i år'));
    expect(screen.getByRole('link', { name: /^LOB/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /PL-ingripande/ })).toBeTruthy();
  });

  it('logs a LOB in three taps, stores entry and outbox, confirms and can undo', async () => {
    const h = await renderApp();
    await openActivity(/^LOB/); // tap 1
    fireEvent.click(screen.getByRole('button', { name: 'Öka Över 21 år' })); // tap 2
    fireEvent.input(screen.getByLabelText('Plats'), { target: { value: 'Storgatan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' })); // tap 3
    expect(await screen.findByText('Sparad på enheten')).toBeTruthy();
    const [entry] = await listEntries(h.db, 'officer-1');
    expect(entry?.content).toMatchObject({ kind: 'lob', place: 'Storgatan', details: { under18: 0, age18to21: 0, over21: 1 } });
    expect(await countQueued(h.db)).toBe(1);
    await waitFor(() => expect(screen.getByRole('link', { name: /^LOB/ }).textContent).toContain('1 i år'));

    fireEvent.click(screen.getByRole('button', { name: 'Ångra' }));
    await waitFor(async () => expect((await listRevisions(h.db, entry!.id)).at(-1)?.op).toBe('void'));
    await waitFor(() => expect(screen.getByRole('link', { name: /^LOB/ }).textContent).toContain('0 i år'));
  });

  it('prefills the place last used for the activity', async () => {
    await renderApp();
    await openActivity(/Trafikkontroll/);
    fireEvent.input(screen.getByLabelText('Plats'), { target: { value: 'Rv 31 norr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await screen.findByText('Sparad på enheten');
    await openActivity(/Trafikkontroll/);
    await waitFor(() => expect((screen.getByLabelText('Plats') as HTMLInputElement).value).toBe('Rv 31 norr'));
  });

  it('shows Swedish errors next to the fields and saves nothing', async () => {
    const h = await renderApp();
    await openActivity(/^LOB/);
    fireEvent.input(screen.getByLabelText('Anteckning (valfri)'), { target: { value: 'Omhändertagen 19850101-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Rätta de markerade fälten.')).toBeTruthy();
    expect(screen.getByText(/ser ut att innehålla ett personnummer/)).toBeTruthy();
    expect(screen.getByText('Ange minst en omhändertagen person.')).toBeTruthy();
    expect(screen.getByText(/Ange plats/)).toBeTruthy();
    expect(await countQueued(h.db)).toBe(0);
  });

  it('keeps a half-filled form as a draft when it is closed', async () => {
    const h = await renderApp();
    await openActivity(/Trafikkontroll/);
    const vehicles = screen.getByLabelText('Kontrollerade fordon');
    fireEvent.input(vehicles, { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: /Stäng/ }));
    await waitFor(() => expect(location.hash).toBe('#/'));
    await waitFor(async () => expect(await loadDraft(h.db, 'new:nassjo-2025-exempel-a3:traffic_check')).toBeTruthy());
    await openActivity(/Trafikkontroll/);
    expect(await screen.findByText('Ett osparat utkast har återställts.')).toBeTruthy();
    expect((screen.getByLabelText('Kontrollerade fordon') as HTMLInputElement).value).toBe('40');
  });
});

describe('no active promise', () => {
  it('says so instead of logging against an expired promise', async () => {
    await renderApp({ withExamples: false, now: '2026-11-20T10:00:00Z' });
    expect(await screen.findByRole('heading', { name: 'Inget aktivt medborgarlöfte för Nässjö idag' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Trafikkontroll/ })).toBeNull();
    expect(screen.getByText(/Medborgarlöfte 2023–2024: 2023-01-01 – 2024-12-31/)).toBeTruthy();
  });

  it('asks for the kommun once on a new device', async () => {
    const h = await renderApp({ kommunId: null });
    fireEvent.click(await screen.findByRole('button', { name: 'Tranås' }));
    await waitFor(() => expect(h.settings.kommunId).toBe('tranas'));
    expect(await screen.findByRole('heading', { name: /Tranås · Medborgarlöfte 2025–2026/ })).toBeTruthy();
    await waitFor(() => expect(within(document.body).getByRole('link', { name: /Riktad narkotikainsats/ }).textContent).toMatch(/0 \/ 15 under perioden/));
  });
});
