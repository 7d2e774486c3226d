import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { countQueued, listEntries, loadDraft, saveEntry } from '../../src/db/index.ts';
import { applyPushResults, markSending, nextBatch } from '../../src/db/outbox-push.ts';
import { lob } from '../fixtures/entries.ts';
import { renderApp } from './harness.tsx';

describe('a full device', () => {
  it('QuotaExceededError on save: a clear Swedish message, the form and its draft kept, nothing half-written', async () => {
    const h = await renderApp();
    fireEvent.click(await screen.findByRole('link', { name: /^LOB/ }));
    await screen.findByRole('button', { name: 'Spara' });
    fireEvent.click(screen.getByRole('button', { name: 'Öka Över 21 år' }));
    fireEvent.input(screen.getByLabelText('Plats'), { target: { value: 'Storgatan' } });
    const spy = vi.spyOn(h.db.outbox, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText(/Lagringen på enheten är full/)).toBeTruthy();
    spy.mockRestore();
    expect(await listEntries(h.db, 'officer-1')).toHaveLength(0); // the revision and head rolled back with the outbox
    expect(await countQueued(h.db)).toBe(0);
    expect((screen.getByLabelText('Plats') as HTMLInputElement).value).toBe('Storgatan');
    await waitFor(async () => expect(await loadDraft(h.db, 'new:nassjo-2025-exempel-a1:lob')).toMatchObject({ place: 'Storgatan' }));
  });
});

describe('Skiftet klart', () => {
  it('lists what still waits for a server receipt, and why', async () => {
    const h = await renderApp({ hash: '#/skift' });
    const ctx = { officerId: 'officer-1', deviceId: 'device-1', now: () => h.clock.now };
    const a = await saveEntry(h.db, lob({ place: 'Torget' }), ctx);
    const b = await saveEntry(h.db, lob({ place: 'Parken' }), ctx);
    await applyPushResults(h.db, [
      { id: a.id, rev: 1, status: 'applied', serverSeq: 1 },
      { id: b.id, rev: 1, status: 'rejected', errors: [{ field: 'place', code: 'personal_data', message: 'Platsen ser ut att peka ut en person.' }] },
    ]);
    expect(await screen.findByText('1 registrering väntar på kvitto från servern:')).toBeTruthy();
    expect(screen.getByText(/Parken/)).toBeTruthy();
    expect(screen.queryByText(/Torget/)).toBeNull();
    expect(screen.getByText('Avvisad av servern – rätta den')).toBeTruthy();
    expect(screen.getByText('Platsen ser ut att peka ut en person.')).toBeTruthy();
  });

  it('shows the entries of a push in flight as being sent, then as on the server', async () => {
    const h = await renderApp({ hash: '#/skift' });
    const ctx = { officerId: 'officer-1', deviceId: 'device-1', now: () => h.clock.now };
    const a = await saveEntry(h.db, lob({ place: 'Torget' }), ctx);
    await saveEntry(h.db, lob({ place: 'Parken' }), ctx);
    const [first] = await nextBatch(h.db, 1);
    await markSending(h.db, [first!.item.seq!]);
    expect(await screen.findByText('Skickas just nu')).toBeTruthy();
    expect(screen.getByText('Väntar på nät')).toBeTruthy();
    await applyPushResults(h.db, [{ id: a.id, rev: 1, status: 'applied', serverSeq: 1 }], [first!.item]);
    await waitFor(() => expect(screen.queryByText('Skickas just nu')).toBeNull());
    expect(screen.getByText('1 registrering väntar på kvitto från servern:')).toBeTruthy();
  });

  it('says all is done when every entry has a receipt', async () => {
    await renderApp({ hash: '#/skift' });
    expect(await screen.findByText(/Allt är klart/)).toBeTruthy();
  });
});
