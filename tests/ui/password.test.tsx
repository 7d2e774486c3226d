// "Byt lösenord": the device's checks (PASSWORD_MIN, repeat), and the server's answers.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ChangePassword } from '../../src/ui/features/account/ChangePassword.tsx';
import { ApiFailure } from '../../src/sync/api.ts';
import './harness.tsx';

const fill = (current: string, next: string, repeat: string) => {
  fireEvent.input(screen.getByLabelText('Nuvarande lösenord'), { target: { value: current } });
  fireEvent.input(screen.getByLabelText('Nytt lösenord'), { target: { value: next } });
  fireEvent.input(screen.getByLabelText('Upprepa nytt lösenord'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Byt lösenord' }));
};

describe('change password', () => {
  it('checks length and repeat on the device, then sends', async () => {
    const change = vi.fn(async () => {});
    render(<ChangePassword required onChange={change} />);
    expect(screen.getByText(/Du måste byta lösenord innan du fortsätter/)).toBeTruthy();
    fill('', 'kort', 'kort');
    expect(screen.getByText('Ange ditt nuvarande lösenord.')).toBeTruthy();
    expect(screen.getByText('Lösenordet måste vara minst 12 tecken.')).toBeTruthy();
    fill('tillfälligt-1', 'en lång mening här', 'en lång mening där');
    expect(screen.getByText('Lösenorden är inte lika.')).toBeTruthy();
    expect(change).not.toHaveBeenCalled();
    fill('tillfälligt-1', 'en lång mening här', 'en lång mening här');
    await waitFor(() => expect(change).toHaveBeenCalledWith('tillfälligt-1', 'en lång mening här'));
    expect(await screen.findByText('Lösenordet är bytt')).toBeTruthy();
  });

  it('says so when the current password is wrong', async () => {
    render(<ChangePassword required onChange={async () => Promise.reject(new ApiFailure(401, 'unauthenticated', 'Fel lösenord.'))} />);
    fill('fel-lösenord', 'en lång mening här', 'en lång mening här');
    expect(await screen.findByText('Det nuvarande lösenordet stämmer inte.')).toBeTruthy();
  });
});
