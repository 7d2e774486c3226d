// An empty page on a loopback origin: IndexedDB needs a real origin (not about:blank),
// and the device-side benchmarks need nothing else from a server.
import { createServer, type Server } from 'node:http';

export async function startBlankOrigin(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
