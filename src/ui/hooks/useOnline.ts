// Whether the device can reach the server right now, as far as the page can tell: the
// browser's own flag, and the sync controller's last word (a captive portal or a dead
// server leave navigator.onLine true while every request fails).
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../app/context.ts';

export function useOnline(): boolean {
  const { sync } = useServices();
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);
  const [syncOffline, setSyncOffline] = useState(() => sync?.getStatus().state === 'offline');
  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  useEffect(() => {
    if (!sync) return;
    // The controller arrives after the first render (Root): take its state as it is now.
    setSyncOffline(sync.getStatus().state === 'offline');
    return sync.subscribe((s) => setSyncOffline(s.state === 'offline'));
  }, [sync]);
  return browserOnline && !syncOffline;
}
