// What screen readers hear without asking: the sync bar's status region says how many
// entries wait and what is wrong, never the time of each background sync; the toast's
// region is always there, polite, and a toast stays while focus is on it.
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { ToastProvider, useToast } from '../../src/ui/components/Toast.tsx';
import { renderApp } from './harness.tsx';

describe('sync bar', () => {
  it('announces the count, not the last-sync time', async () => {
    await renderApp();
    const status = await screen.findByText('Allt skickat');
    const region = status.closest('[role="status"]')!;
    expect(region).toBeTruthy();
    expect(region.textContent).toBe('Allt skickat');
    // The time line is shown, outside the region.
    expect(region.parentElement!.textContent).toMatch(/Aldrig synkad|Senast synkad/);
  });
});

function Shower() {
  const toast = useToast();
  return <button type="button" onClick={() => toast({ text: 'Sparad på enheten', action: { label: 'Ångra', run: () => undefined } })}>Visa</button>;
}

describe('toast', () => {
  it('is in a polite status region, and stays while its button has focus', () => {
    vi.useFakeTimers();
    try {
      render(
        <ToastProvider durationMs={1000}>
          <Shower />
        </ToastProvider>,
      );
      const region = document.querySelector('.toast-region')!;
      expect(region.getAttribute('role')).toBe('status');
      expect(region.getAttribute('aria-live')).toBe('polite');
      fireEvent.click(screen.getByRole('button', { name: 'Visa' }));
      const undo = screen.getByRole('button', { name: 'Ångra' });
      act(() => void undo.closest('.toast')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
      act(() => void vi.advanceTimersByTime(5000));
      expect(screen.queryByText('Sparad på enheten')).toBeTruthy();
      act(() => void undo.closest('.toast')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
      act(() => void vi.advanceTimersByTime(1500));
      expect(screen.queryByText('Sparad på enheten')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
