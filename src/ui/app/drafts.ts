// Open forms register how to save themselves, so that an update (or logout) can make
// sure every half-filled form is a stored draft before the page goes away.
const flushers = new Set<() => Promise<void>>();

export function registerDraftFlush(fn: () => Promise<void>): () => void {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...flushers].map((fn) => fn()));
}
