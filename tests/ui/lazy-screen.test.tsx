// A lazily loaded screen shows a loading line, then the screen; a failed chunk fetch
// (offline before the worker cached it) says so and can be retried without a reload.
import { render, screen, fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from '../../src/ui/app/lazy.tsx';
import { t } from '../../src/ui/i18n/index.ts';

function Greeting({ name }: { name: string }) {
  return <h1>Hej {name}</h1>;
}

describe('lazyScreen', () => {
  it('shows a loading line, then the screen with its props', async () => {
    const Screen = lazyScreen(() => Promise.resolve(Greeting));
    render(<Screen name="Ada" />);
    expect(screen.getByText(t.lazy.loading)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Hej Ada' })).toBeTruthy();
  });

  it('fetches the chunk once for every instance', async () => {
    let fetches = 0;
    const Screen = lazyScreen(() => {
      fetches++;
      return Promise.resolve(Greeting);
    });
    render(
      <>
        <Screen name="A" />
        <Screen name="B" />
      </>,
    );
    await screen.findByRole('heading', { name: 'Hej B' });
    expect(fetches).toBe(1);
  });

  it('offers a retry when the chunk cannot be fetched, and retrying loads it', async () => {
    let fail = true;
    const Screen = lazyScreen(() => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(Greeting)));
    render(<Screen name="Ada" />);
    expect((await screen.findByRole('alert')).textContent).toContain(t.lazy.failed);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: t.lazy.retry }));
    expect(await screen.findByRole('heading', { name: 'Hej Ada' })).toBeTruthy();
  });
});
