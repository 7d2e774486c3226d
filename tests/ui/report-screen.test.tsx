// The report screen: reachable from the dashboard, the promise's text and figures, print
// and CSV export through their buttons.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { renderApp, shiftLead } from './harness.tsx';
import { seedArea, TODAY } from './tally-dataset.ts';

afterEach(() => vi.restoreAllMocks());

describe('report screen', () => {
  it('opens from the dashboard for the chosen period, prints and exports CSV', async () => {
    await renderApp({ user: shiftLead, hash: '#/uppfoljning/nassjo/2025-Q2', now: TODAY, seed: (db) => seedArea(db, shiftLead.id) });
    fireEvent.click(await screen.findByRole('link', { name: 'Rapport till kommunstyrelsen (Kvartal 2 2025)' }));
    expect(await screen.findByRole('heading', { name: 'Uppföljning av medborgarlöfte – Nässjö kommun', level: 1 })).toBeTruthy();
    expect(location.hash).toBe('#/rapport/nassjo/2025-Q2');
    expect(screen.getByText('Period: Kvartal 2 2025')).toBeTruthy();
    expect(screen.getByText('Status per 12 maj 2025')).toBeTruthy();
    expect(await screen.findByText('EXEMPEL – inte ett verkligt medborgarlöfte. Endast för demonstration.')).toBeTruthy();
    expect(screen.getByText('arbeta långsiktigt med en säker trafikmiljö inom Nässjö kommun.')).toBeTruthy();
    expect(screen.getByText('Aktiviteter utan koppling till ett enskilt löfte')).toBeTruthy();
    expect(screen.getByText('20 april 2025 – Möte; "uppföljning" med räddningstjänsten')).toBeTruthy();

    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut / spara som PDF' }));
    expect(print).toHaveBeenCalledOnce();

    let blob: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:csv'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('uppfoljning-nassjo-2025-Q2.csv');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Exportera CSV' }));
    expect(click).toHaveBeenCalledOnce();
    expect(blob!.type).toBe('text/csv;charset=utf-8');
    // jsdom's Blob has no arrayBuffer(); FileReader reads the bytes as written.
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob!);
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(';Trafikkontroll;');
  });

  it('explains an unknown period', async () => {
    await renderApp({ user: shiftLead, hash: '#/rapport/nassjo/2025-X9', now: TODAY });
    expect(await screen.findByText('Okänd period. Ange t.ex. 2025, 2025-Q3 eller 2025-T1.')).toBeTruthy();
  });
});
