// What a thief with a copy of the browser profile would read: every IndexedDB database,
// through the raw API (no Dexie, no key), as text.
import type { Page } from '@playwright/test';

/** Every value of every object store of every database, read with the raw API (no Dexie, no key) as text; binary as UTF-8 and Latin-1. */
export function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const render = (v: unknown): string => {
      if (Object.prototype.toString.call(v) === '[object ArrayBuffer]' || ArrayBuffer.isView(v)) {
        const b = ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(v as ArrayBuffer);
        return `<${new TextDecoder().decode(b)}|${Array.from(b, (x) => String.fromCharCode(x)).join('')}>`;
      }
      if (Array.isArray(v)) return `[${v.map(render).join(',')}]`;
      if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}:${render(x)}`).join(',')}}`;
      return JSON.stringify(v) ?? String(v);
    };
    const out: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        out.push(`## ${name}/${store}`, ...all.map(render));
      }
      db.close();
    }
    return out.join('\n');
  });
}
