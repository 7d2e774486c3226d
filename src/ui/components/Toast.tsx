// One confirmation at a time at the bottom of the screen, with an optional action (Ångra).
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

const ToastContext = createContext<(m: ToastMessage) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

export function ToastProvider({ children, durationMs = 8000 }: { children: ComponentChildren; durationMs?: number }) {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const start = useCallback(() => {
    stop();
    timer.current = setTimeout(() => setMessage(null), durationMs);
  }, [durationMs]);
  const show = useCallback(
    (m: ToastMessage) => {
      shownAt.current = location.hash;
      setMessage(m);
      start();
    },
    [start],
  );
  useEffect(() => stop, []);
  // Moving on to another screen ends the undo offer, so the toast never covers the next
  // form's buttons. The screen it was shown on is remembered by its hash.
  const shownAt = useRef('');
  useEffect(() => {
    const onRoute = () => {
      if (location.hash !== shownAt.current) setMessage(null);
    };
    window.addEventListener('hashchange', onRoute);
    return () => window.removeEventListener('hashchange', onRoute);
  }, []);
  // A toast never hides the control that has focus (WCAG 2.4.11): when focus moves to
  // something under it (the header's button, with large text), it gives way.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!message) return;
    const onFocus = (e: FocusEvent) => {
      const target = e.target;
      if (!(target instanceof Element) || box.current?.contains(target)) return;
      // After the browser has scrolled the focused control into view.
      requestAnimationFrame(() => {
        const toast = box.current;
        if (!toast || document.activeElement !== target) return;
        const a = toast.getBoundingClientRect();
        const b = target.getBoundingClientRect();
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
          stop();
          setMessage(null);
        }
      });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [message]);
  // The region is always in the page, so screen readers announce what appears in it
  // (politely: it never interrupts). While the officer's finger, pointer or keyboard focus
  // is on the toast it stays (WCAG 2.2.1): Ångra does not vanish under a slow thumb.
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div class="toast-region" role="status" aria-live="polite">
        {message && (
          <div class="toast" ref={box} onFocusIn={stop} onFocusOut={start} onPointerEnter={stop} onPointerLeave={start}>
            <span>{message.text}</span>
            {message.action && (
              <button
                type="button"
                class="toast-action"
                onClick={async () => {
                  const action = message.action!;
                  stop();
                  setMessage(null);
                  await action.run();
                }}
              >
                {message.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
