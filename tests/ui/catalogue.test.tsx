// The coordinator's catalogue editor against a fake server: renewing and publishing,
// creating a period from scratch, the device's Swedish checks by the fields, the server's
// messages by the fields, and a draft that survives a failed save.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { loadDraft, saveDraft } from '../../src/db/index.ts';
import { ApiFailure, NetworkFailure } from '../../src/sync/api.ts';
import type { PromiseDraftInput } from '../../src/domain/catalogue/edit.ts';
import type { SavePromiseRequest } from '../../src/domain/admin.ts';
import { coordinator, officer, renderApp, type RenderOptions } from './harness.tsx';
import { fakeCatalogueServer } from './catalogue-server.ts';

async function open(server = fakeCatalogueServer(), hash = '#/katalog', seed?: RenderOptions['seed']) {
  const h = await renderApp({ user: coordinator, hash, callServer: server.call, ...(seed ? { seed } : {}) });
  return { h, server };
}

const section = async (name: string) => within((await screen.findByRole('heading', { name, level: 2 })).closest('section')!);
const activity = (n: number, title = '') => within(screen.getByRole('group', { name: `Aktivitet ${n}${title ? ` – ${title}` : ''}` }));
const go = (hash: string) => {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
};

describe('catalogue editor', () => {
  it('is a tab for coordinators only', async () => {
    await open();
    expect(screen.getByRole('link', { name: 'Löften' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { name: 'Medborgarlöften', level: 1 })).toBeTruthy();
  });

  it('officers have no catalogue tab and the route refuses them', async () => {
    await renderApp({ user: officer, hash: '#/katalog' });
    expect(screen.queryByRole('link', { name: 'Löften' })).toBeNull();
    expect(screen.getByText('Katalogen redigeras av samordnare.')).toBeTruthy();
  });

  it('renews the latest period into a draft, adjusts a target and publishes it', async () => {
    const { server } = await open();
    const nassjo = await section('Nässjö');
    expect(nassjo.getByText('Medborgarlöfte 2025–2026 (exempel)')).toBeTruthy();
    // Only the latest published period offers "Förnya".
    expect(nassjo.getAllByRole('button', { name: /^Förnya/ })).toHaveLength(1);
    fireEvent.click(nassjo.getByRole('button', { name: 'Förnya Nässjö Medborgarlöfte 2025–2026 (exempel)' }));
    expect(await screen.findByRole('heading', { name: 'Redigera Medborgarlöfte 2027–2028', level: 1 })).toBeTruthy();
    expect(server.calls.find((c) => c.path.endsWith('/renew'))?.path).toBe('/catalogue/promises/nassjo-2025-exempel/renew');
    expect(location.hash).toBe('#/katalog/period/nassjo-2027');
    expect((screen.getByLabelText('Gäller från') as HTMLInputElement).value).toBe('2027-01-01');
    expect((screen.getByLabelText('Gäller till och med') as HTMLInputElement).value).toBe('2028-12-31');
    expect(screen.getByText('Utkast')).toBeTruthy();

    // Trafikkontroll: 30 → 40 per år.
    const traffic = activity(3, 'Trafikkontroll');
    expect((traffic.getByLabelText('Antal gånger') as HTMLInputElement).value).toBe('30');
    fireEvent.input(traffic.getByLabelText('Antal gånger'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publicera' }));
    expect(screen.getByText(/Publicera perioden\? Den blir synlig för alla i området/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, publicera' }));
    await waitFor(() => expect(server.calls.some((c) => c.path.endsWith('/publish'))).toBe(true));
    const [save, publish] = server.writes().slice(1);
    expect(save!.method).toBe('PUT');
    expect((save!.body as SavePromiseRequest).version).toBe(1);
    expect((save!.body as SavePromiseRequest).draft.activities[2]!.target).toEqual({ kind: 'count', count: 40, per: 'year', perStated: true });
    expect(publish).toMatchObject({ method: 'POST', path: '/catalogue/promises/nassjo-2027/publish', body: { version: 1 } });
    expect(await screen.findByText('Perioden publicerad')).toBeTruthy();
    // Now published: corrections only, with the note about history and sync.
    expect(await screen.findByText(/En rättelse sparas som en ny version/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Spara rättelse' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ta bort utkastet' })).toBeNull();
    expect(server.promises.get('nassjo-2027')!.activities[2]!.target).toMatchObject({ count: 40 });
  });

  it('creates a new period from scratch, keyboard-simple, with sensible defaults', async () => {
    const { server } = await open(undefined, '#/katalog/ny/tranas');
    expect(await screen.findByRole('heading', { name: 'Ny period', level: 1 })).toBeTruthy();
    expect((screen.getByLabelText('Rubrik') as HTMLInputElement).value).toBe('Medborgarlöfte 2025–2026');
    expect((screen.getByLabelText('Kommun') as HTMLSelectElement).value).toBe('tranas');
    fireEvent.input(screen.getByLabelText('Rubrik'), { target: { value: 'Medborgarlöfte 2027–2028' } });
    fireEvent.input(screen.getByLabelText('Gäller från'), { target: { value: '2027-01-01' } });
    fireEvent.input(screen.getByLabelText('Gäller till och med'), { target: { value: '2028-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tertial' }));
    fireEvent.input(screen.getByLabelText('Åtagande 1'), { target: { value: 'Öka tryggheten i centrum.' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Lägg till aktivitet' }));
    const a = activity(1);
    fireEvent.input(a.getByLabelText('Kort rubrik'), { target: { value: 'Trafikkontroll' } });
    fireEvent.input(a.getByLabelText('Text ur det undertecknade dokumentet'), { target: { value: 'Polisen ska genomföra minst 20 trafikkontroller per år.' } });
    fireEvent.click(activity(1, 'Trafikkontroll').getByRole('button', { name: 'Antal' }));
    fireEvent.input(activity(1, 'Trafikkontroll').getByLabelText('Antal gånger'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    const body = server.writes()[0]!.body as PromiseDraftInput;
    expect(body).toEqual({
      kommunId: 'tranas',
      title: 'Medborgarlöfte 2027–2028',
      validFrom: '2027-01-01',
      validTo: '2028-12-31',
      signedOn: null,
      reportingPeriod: 'tertial',
      commitments: [{ text: 'Öka tryggheten i centrum.' }],
      activities: [{ kind: 'traffic_check', owner: 'polisen', entryKinds: ['traffic_check'], target: { kind: 'count', count: 20, per: 'year', perStated: true }, title: 'Trafikkontroll', text: 'Polisen ska genomföra minst 20 trafikkontroller per år.', commitmentIndex: 0 }],
    });
    expect(await screen.findByRole('heading', { name: 'Redigera Medborgarlöfte 2027–2028', level: 1 })).toBeTruthy();
    expect(location.hash).toBe('#/katalog/period/tranas-2027');
  });

  it('checks on the device first, with Swedish messages by the fields', async () => {
    const { server } = await open(undefined, '#/katalog/ny/nassjo');
    await screen.findByRole('heading', { name: 'Ny period', level: 1 });
    fireEvent.input(screen.getByLabelText('Rubrik'), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Gäller från'), { target: { value: '2028-01-01' } });
    fireEvent.input(screen.getByLabelText('Gäller till och med'), { target: { value: '2027-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Lägg till aktivitet' }));
    fireEvent.click(activity(1).getByRole('button', { name: 'Antal' }));
    fireEvent.input(activity(1).getByLabelText('Antal gånger'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    expect(await screen.findByText('Rätta de markerade fälten.')).toBeTruthy();
    expect(screen.getByText('Ange en rubrik.')).toBeTruthy();
    expect(screen.getByText('Slutdatumet ligger före startdatumet.')).toBeTruthy();
    expect(screen.getByText('Ange åtagandets text.')).toBeTruthy();
    expect(activity(1).getByText('Målet ska vara ett positivt heltal.')).toBeTruthy();
    expect(activity(1).getByLabelText('Antal gånger').getAttribute('aria-invalid')).toBe('true');
    expect(activity(1).getByText('Ange en kort rubrik.')).toBeTruthy();
    expect(screen.getByLabelText('Gäller till och med').getAttribute('aria-invalid')).toBe('true');
    expect(server.writes()).toHaveLength(0);

    // The kommun's own activities are not logged by officers: no entry kinds to choose.
    fireEvent.click(activity(1).getByRole('button', { name: 'Kommunen' }));
    expect(activity(1).queryByRole('checkbox')).toBeNull();
    expect(activity(1).getByText(/Kommunens aktiviteter registreras inte av poliser/)).toBeTruthy();
  });

  it('refuses to publish a period that overlaps a published one, before asking the server', async () => {
    const { server } = await open(undefined, '#/katalog/ny/nassjo');
    await screen.findByRole('heading', { name: 'Ny period', level: 1 });
    fireEvent.input(screen.getByLabelText('Åtagande 1'), { target: { value: 'Öka tryggheten.' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Lägg till aktivitet' }));
    fireEvent.input(activity(1).getByLabelText('Kort rubrik'), { target: { value: 'Närvaro' } });
    fireEvent.input(activity(1, 'Närvaro').getByLabelText('Text ur det undertecknade dokumentet'), { target: { value: 'Polisen ska synas.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publicera' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, publicera' }));
    expect(await screen.findByText('Perioden överlappar "Medborgarlöfte 2025–2026 (exempel)" (2025-01-01 – 2026-12-31) för samma kommun.')).toBeTruthy();
    expect(server.writes()).toHaveLength(0);
  });

  it('shows the server’s messages next to the fields', async () => {
    const server = fakeCatalogueServer();
    server.failWhen((c) => (c.method === 'PUT' ? new ApiFailure(400, 'validation_failed', 'Ogiltig period.', [{ field: 'activities.2.target.count', code: 'too_small', message: 'Servern: målet ska vara ett positivt heltal.' }, { field: 'validFrom', code: 'overlap', message: 'Servern: perioden överlappar.' }]) : null));
    await open(server, '#/katalog/period/nassjo-2025-exempel');
    await screen.findByRole('heading', { name: 'Redigera Medborgarlöfte 2025–2026 (exempel)', level: 1 });
    fireEvent.input(screen.getByLabelText('Rubrik'), { target: { value: 'Medborgarlöfte 2025–2026 (exempel, rättad)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara rättelse' }));
    expect(await screen.findByText('Servern: målet ska vara ett positivt heltal.')).toBeTruthy();
    expect(activity(3, 'Trafikkontroll').getByText('Servern: målet ska vara ett positivt heltal.')).toBeTruthy();
    expect(screen.getByText('Servern: perioden överlappar.')).toBeTruthy();
    expect(screen.getByText('Servern tog inte emot ändringen: Ogiltig period.')).toBeTruthy();
  });

  it('keeps the typing on the device when the network drops, and restores it later', async () => {
    const server = fakeCatalogueServer();
    server.failWhen((c) => (c.method === 'POST' ? new NetworkFailure() : null));
    const { h } = await open(server, '#/katalog/ny/savsjo');
    await screen.findByRole('heading', { name: 'Ny period', level: 1 });
    fireEvent.input(screen.getByLabelText('Åtagande 1'), { target: { value: 'Minska narkotikan bland unga.' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Lägg till aktivitet' }));
    fireEvent.input(activity(1).getByLabelText('Kort rubrik'), { target: { value: 'Narkotikainsats' } });
    fireEvent.input(activity(1, 'Narkotikainsats').getByLabelText('Text ur det undertecknade dokumentet'), { target: { value: 'Polisen ska genomföra riktade insatser.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    expect(await screen.findByText(/Kräver nät: katalogen sparas på servern/)).toBeTruthy();
    expect((screen.getByLabelText('Åtagande 1') as HTMLTextAreaElement).value).toBe('Minska narkotikan bland unga.');
    // Drafts are sealed before they are written (src/db/drafts.ts): the last write lands a moment later.
    await waitFor(async () => {
      const stored = await loadDraft<{ draft: PromiseDraftInput }>(h.db, 'promise-new:savsjo');
      expect(stored?.draft.activities[0]).toMatchObject({ title: 'Narkotikainsats', text: 'Polisen ska genomföra riktade insatser.' });
    });

    // Leave and come back: the form opens with the text, saying where it came from.
    go('#/katalog');
    await screen.findByRole('heading', { name: 'Medborgarlöften', level: 1 });
    go('#/katalog/ny/savsjo');
    expect(await screen.findByText('Osparade ändringar från enheten har återställts.')).toBeTruthy();
    expect((screen.getByLabelText('Åtagande 1') as HTMLTextAreaElement).value).toBe('Minska narkotikan bland unga.');

    // The network is back: it saves, and the device's copy is gone.
    server.failWhen(null);
    fireEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    expect(await screen.findByRole('heading', { name: 'Redigera Medborgarlöfte 2025–2026', level: 1 })).toBeTruthy();
    expect(await loadDraft(h.db, 'promise-new:savsjo')).toBeUndefined();
  });

  it('a draft restored after a reload of the app is still there', async () => {
    const draft: PromiseDraftInput = { kommunId: 'vetlanda', title: 'Medborgarlöfte 2027', validFrom: '2027-01-01', validTo: '2027-12-31', signedOn: '2026-12-01', reportingPeriod: 'quarter', commitments: [{ text: 'Tryggare centrum.' }], activities: [] };
    await open(undefined, '#/katalog/ny/vetlanda', (db) => saveDraft(db, 'promise-new:vetlanda', { draft, version: null }, Date.now()));
    expect(await screen.findByText('Osparade ändringar från enheten har återställts.')).toBeTruthy();
    expect((screen.getByLabelText('Rubrik') as HTMLInputElement).value).toBe('Medborgarlöfte 2027');
    expect((screen.getByLabelText('Undertecknat (valfritt)') as HTMLInputElement).value).toBe('2026-12-01');
  });

  it('reorders and removes activities, each keeping its commitment', async () => {
    await open(undefined, '#/katalog/period/nassjo-2025-exempel');
    await screen.findByRole('heading', { name: 'Redigera Medborgarlöfte 2025–2026 (exempel)', level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Flytta upp Aktivitet 3' }));
    expect(activity(2, 'Trafikkontroll')).toBeTruthy();
    expect((activity(2, 'Trafikkontroll').getByLabelText('Hör till åtagande') as HTMLSelectElement).value).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort Åtagande 1' }));
    expect((activity(2, 'Trafikkontroll').getByLabelText('Hör till åtagande') as HTMLSelectElement).value).toBe('0');
    expect((activity(1, 'LOB och PL').getByLabelText('Hör till åtagande') as HTMLSelectElement).value).toBe('-');
  });

  it('deletes a draft after asking', async () => {
    const server = fakeCatalogueServer();
    await open(server);
    fireEvent.click((await section('Nässjö')).getByRole('button', { name: /^Förnya/ }));
    await screen.findByRole('heading', { name: 'Redigera Medborgarlöfte 2027–2028', level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort utkastet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, ta bort' }));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'DELETE' && c.path === '/catalogue/promises/nassjo-2027')).toBe(true));
    expect(await screen.findByRole('heading', { name: 'Medborgarlöften', level: 1 })).toBeTruthy();
  });
});
