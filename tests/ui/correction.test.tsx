import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { listRevisions, saveEntry, countQueued } from '../../src/db/index.ts';
import { lob } from '../fixtures/entries.ts';
import { renderApp } from './harness.tsx';

async function seeded() {
  const h = await renderApp({ hash: '#/registreringar' });
  const saved = await saveEntry(h.db, lob({ startedAt: '2025-05-10T20:00:00.000Z', place: 'Resecentrum' }), { officerId: 'officer-1', deviceId: 'device-1', now: () => h.clock.now });
  return { h, saved };
}

describe('own entries', () => {
  it('lists entries with kind, place and the local sync state', async () => {
    await seeded();
    expect(await screen.findByText(/Resecentrum/)).toBeTruthy();
    expect(screen.getByText('Lokalt sparad')).toBeTruthy();
  });

  it('a correction is a new revision and the old one stays in history', async () => {
    const { h, saved } = await seeded();
    fireEvent.click(await screen.findByText(/Resecentrum/));
    fireEvent.click(await screen.findByRole('link', { name: 'Rätta' }));
    const place = await screen.findByLabelText('Plats');
    fireEvent.input(place, { target: { value: 'Stationsgatan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara rättelse' }));
    await waitFor(async () => expect((await listRevisions(h.db, saved.id)).map((r) => r.content.place)).toEqual(['Resecentrum', 'Stationsgatan']));
    expect(await screen.findByText('Version 2', { exact: false })).toBeTruthy();
    expect(await countQueued(h.db)).toBe(2);
  });

  it('withdrawing needs a reason and keeps the entry in history', async () => {
    const { h, saved } = await seeded();
    fireEvent.click(await screen.findByText(/Resecentrum/));
    fireEvent.click(await screen.findByRole('button', { name: 'Återkalla' }));
    const confirm = screen.getAllByRole('button', { name: 'Återkalla' }).at(-1)!;
    fireEvent.click(confirm);
    expect(await screen.findByText('Ange ett skäl till att registreringen återkallas.')).toBeTruthy();
    expect(await listRevisions(h.db, saved.id)).toHaveLength(1);
    fireEvent.input(screen.getByLabelText('Skäl'), { target: { value: 'Dubbelregistrerad' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Återkalla' }).at(-1)!);
    await waitFor(async () => expect((await listRevisions(h.db, saved.id)).at(-1)).toMatchObject({ op: 'void', voidReason: 'Dubbelregistrerad' }));
    expect(await screen.findByText(/Återkallad: Dubbelregistrerad/)).toBeTruthy();
  });
});
