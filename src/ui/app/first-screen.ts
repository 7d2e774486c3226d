// The moment the first real screen (the lock screen, the login or the app: not the boot
// line) has been painted. What the start does not need to show it waits for this: the
// server chunk (sync, login; server-services.ts) and the service worker's registration.
// Fetched and parsed any earlier, on a slow phone they compete with drawing that screen.
let resolveFirstScreen: () => void = () => {};

export const firstScreenPainted = new Promise<void>((resolve) => (resolveFirstScreen = resolve));

/** Called once the first real screen is in the DOM; resolves after the browser has painted it. */
export function markFirstScreen(): void {
  // A frame, then a task: after the paint. A hidden page gets no frames, so a timer too.
  requestAnimationFrame(() => setTimeout(resolveFirstScreen, 0));
  setTimeout(resolveFirstScreen, 500);
}
