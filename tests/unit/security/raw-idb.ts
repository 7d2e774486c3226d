// Reads every object store of every IndexedDB database directly (no Dexie, no key), as a
// thief with a copy of the browser profile would, and renders each value as text: strings
// as they are, binary as UTF-8 and as Latin-1, so a plaintext inside a buffer shows too.
export async function dumpAllIndexedDb(): Promise<string> {
  const parts: string[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAllKeys();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      parts.push(`## ${name}/${store}`, ...values.map((v, i) => `${String(keys[i])} = ${render(v)}`));
    }
    db.close();
  }
  return parts.join('\n');
}

function bytesOf(v: unknown): Uint8Array | null {
  if (Object.prototype.toString.call(v) === '[object ArrayBuffer]') return new Uint8Array(v as ArrayBuffer);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return null;
}

export function render(v: unknown): string {
  const bytes = bytesOf(v);
  if (bytes) return `<bytes utf8=${new TextDecoder('utf-8', { fatal: false }).decode(bytes)} latin1=${Array.from(bytes, (b) => String.fromCharCode(b)).join('')}>`;
  if (Array.isArray(v)) return `[${v.map(render).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${render(x)}`).join(', ')}}`;
  return JSON.stringify(v) ?? String(v);
}
