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
  const show = useCallback(
    (m: ToastMessage) => {
      if (timer.current) clearTimeout(timer.current);
      shownAt.current = location.hash;
      setMessage(m);
      timer.current = setTimeout(() => setMessage(null), durationMs);
    },
    [durationMs],
  );
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
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
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div class="toast-region" role="status" aria-live="polite">
        {message && (
          <div class="toast">
            <span>{message.text}</span>
            {message.action && (
              <button
                type="button"
                class="toast-action"
                onClick={async () => {
                  const action = message.action!;
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
