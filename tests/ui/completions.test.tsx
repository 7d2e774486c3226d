// A coordinator marks kommun-owned and joint activities done, and withdraws a mark:
// validated on the device first (Swedish messages by the field), refused offline
// without losing the text, server errors shown, and the tallies updated at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { loadCompletions, loadDraft } from '../../src/db/index.ts';
import { ApiFailure } from '../../src/sync/api.ts';
import type { ActivityCompletion, CompletionInput } from '../../src/domain/tallies/completions.ts';
import type { ServerCall } from '../../src/ui/app/context.ts';
import { coordinator, renderApp } from './harness.tsx';
import { COMPLETIONS, seedArea, TODAY } from './tally-dataset.ts';

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
afterEach(() => setOnline(true));

const card = async (title: string) => within((await screen.findByRole('heading', { name: title, level: 3 })).closest('article')!);

function fakeServer() {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  let fail: unknown = null;
  const call = vi.fn(async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body });
    if (fail) throw fail;
    if (path === '/devices') return { devices: [] };
    if (path === '/completions') {
      const input = body as CompletionInput;
      const completion: ActivityCompletion = { ...input, kommunId: 'nassjo', promiseId: 'nassjo-2025-exempel', recordedBy: coordinator.id, recordedByName: coordinator.displayName, recordedAt: TODAY, withdrawnAt: null, withdrawnReason: null };
      return { completion };
    }
    const id = /^\/completions\/(.+)\/withdraw$/.exec(path)?.[1];
    const original = COMPLETIONS.find((c) => c.id === id)!;
    return { completion: { ...original, withdrawnAt: TODAY, withdrawnReason: (body as { reason: string }).reason } };
  });
  return { calls, call: call as unknown as ServerCall, failWith: (e: unknown) => (fail = e) };
}

async function open(server = fakeServer()) {
  const h = await renderApp({ user: coordinator, hash: '#/', now: TODAY, callServer: server.call, seed: (db) => seedArea(db, 'lead-1') });
  return { h, server };
}

describe('completions', () => {
  it('a coordinator starts on the follow-up and has no logging tabs', async () => {
    await open();
    expect(await screen.findByRole('heading', { name: 'Uppföljning', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Logga' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Följ upp' }).getAttribute('aria-current')).toBe('page');
  });

  it('checks the form on the device first, with Swedish messages by the fields', async () => {
    const { server } = await open();
    const walk = await card('Trygghetsvandring');
    fireEvent.click(walk.getByRole('button', { name: 'Markera som genomförd: Trygghetsvandring' }));
    const date = await walk.findByLabelText('Datum');
    expect((date as HTMLInputElement).value).toBe('2025-05-12'); // today by default
    fireEvent.input(date, { target: { value: '2025-06-01' } });
    fireEvent.click(walk.getByRole('button', { name: 'Spara som genomförd' }));
    expect(await walk.findByText('Datumet ligger i framtiden.')).toBeTruthy();
    fireEvent.input(date, { target: { value: '2024-12-31' } });
    fireEvent.click(walk.getByRole('button', { name: 'Spara som genomförd' }));
    expect(await walk.findByText('Datumet ligger utanför medborgarlöftets period (2025-01-01 – 2026-12-31).')).toBeTruthy();
    fireEvent.input(date, { target: { value: '' } });
    fireEvent.click(walk.getByRole('button', { name: 'Spara som genomförd' }));
    expect(await walk.findByText('Ange datum som ÅÅÅÅ-MM-DD.')).toBeTruthy();
    fireEvent.input(date, { target: { value: '2025-05-02' } });
    fireEvent.input(walk.getByLabelText('Anteckning (valfri)'), { target: { value: 'Med 198001011234 från kommunen' } });
    fireEvent.click(walk.getByRole('button', { name: 'Spara som genomförd' }));
    expect(await walk.findByText(/personnummer/)).toBeTruthy();
    expect(walk.getByLabelText('Anteckning (valfri)').getAttribute('aria-invalid')).toBe('true');
    expect(server.calls.filter((c) => c.path === '/completions')).toHaveLength(0);
  });

  it('offline: refuses clearly, keeps what was typed, and sends it once back online', async () => {
    const { h, server } = await open();
    const walk = await card('Trygghetsvandring');
    expect(walk.getByText('i 2025').closest('p')!.textContent).toBe('0 i 2025');
    setOnline(false);
    fireEvent.click(walk.getByRole('button', { name: /Markera som genomförd/ }));
    expect(await walk.findByText('Enheten är offline. Markeringar kan bara sparas med nät.')).toBeTruthy();
    fireEvent.input(walk.getByLabelText('Datum'), { target: { value: '2025-05-02' } });
    fireEvent.input(walk.getByLabelText('Anteckning (valfri)'), { target: { value: 'Centrum, med fastighetsägare' } });
    fireEvent.click(walk.getByRole('button', { name: 'Spara som genomförd' }));
    expect(await walk.findByText(/Kräver nät: markeringar sparas direkt på servern/)).toBeTruthy();
    expect(server.calls.filter((c) => c.path === '/completions')).toHaveLength(0);
    expect((walk.getByLabelText('Anteckning (valfri)') as HTMLTextAreaElement).value).toBe('Centrum, med fastighetsägare');
    // Kept as a draft too, so leaving the screen does not lose it.
    await waitFor(async () => expect(await loadDraft(h.db, 'completion:nassjo-2025-exempel-a2')).toMatchObject({ doneOn: '2025-05-02', note: 'Centrum, med fastighetsägare' }));

    setOnline(true);
    await waitFor(() => expect(walk.queryByText('Enheten är offline. Markeringar kan bara sparas med nät.')).toBeNull());
    fireEvent.click(walk.getByRole('button', { name: 'Spara som genomförd' }));
    await waitFor(() => expect(server.calls.filter((c) => c.path === '/completions')).toHaveLength(1));
    const sent = server.calls.find((c) => c.path === '/completions')!;
    expect(sent.method).toBe('POST');
    expect(sent.body).toMatchObject({ activityId: 'nassjo-2025-exempel-a2', doneOn: '2025-05-02', note: 'Centrum, med fastighetsägare' });
    expect((sent.body as CompletionInput).id).toMatch(/^[0-9a-f-]{36}$/);
    // The local store has it at once: the figure and the list update without a sync.
    const after = await card('Trygghetsvandring');
    await waitFor(() => expect(after.getByText('Centrum, med fastighetsägare')).toBeTruthy());
    expect(after.getByText('i 2025').closest('p')!.textContent).toBe('1 i 2025');
    expect(after.getByText('uppnått')).toBeTruthy();
    expect((await loadCompletions(h.db))!.completions.some((c) => c.note === 'Centrum, med fastighetsägare')).toBe(true);
    expect(await loadDraft(h.db, 'completion:nassjo-2025-exempel-a2')).toBeUndefined();
  });

  it('shows the server’s reasons next to the field', async () => {
    const server = fakeServer();
    server.failWith(new ApiFailure(400, 'validation_failed', 'Ogiltig begäran.', [{ field: 'doneOn', code: 'outside_period', message: 'Servern: datumet ligger utanför perioden.' }]));
    await open(server);
    const walk = await card('Trygghetsvandring');
    fireEvent.click(walk.getByRole('button', { name: /Markera som genomförd/ }));
    fireEvent.click(await walk.findByRole('button', { name: 'Spara som genomförd' }));
    expect(await walk.findByText('Servern: datumet ligger utanför perioden.')).toBeTruthy();
    expect(walk.getByLabelText('Datum').getAttribute('aria-invalid')).toBe('true');
  });

  it('withdraws a mark with a reason, and the status follows', async () => {
    const { server } = await open();
    const meeting = await card('Avstämningsmöte');
    expect(meeting.getByText('uppnått')).toBeTruthy();
    fireEvent.click(meeting.getByRole('button', { name: 'Återkalla 20 april 2025' }));
    fireEvent.click(await meeting.findByRole('button', { name: 'Återkalla markeringen' }));
    expect(await meeting.findByText('Ange ett skäl till att registreringen återkallas.')).toBeTruthy();
    fireEvent.input(meeting.getByLabelText('Skäl'), { target: { value: 'Mötet ställdes in' } });
    fireEvent.click(meeting.getByRole('button', { name: 'Återkalla markeringen' }));
    await waitFor(() => expect(server.calls.some((c) => c.path === `/completions/${COMPLETIONS[1]!.id}/withdraw`)).toBe(true));
    const after = await card('Avstämningsmöte');
    await waitFor(() => expect(after.getByText('Återkallad: Mötet ställdes in')).toBeTruthy());
    // 1 of 2 by 12 May: 2 × 132/365 = 0,7 expected, so still on track.
    expect(after.getByText('i fas')).toBeTruthy();
  });
});
