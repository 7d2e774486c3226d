import { describe, expect, it } from 'vitest';
import { checkNewPin, isWeakPin } from '../../../src/security/pin-rules.ts';

describe('a new PIN', () => {
  it('is 6–12 digits', () => {
    expect(checkNewPin('48291', '48291')).toBe('length');
    expect(checkNewPin('4829153746021', '4829153746021')).toBe('length');
    expect(checkNewPin('48291a', '48291a')).toBe('digits');
    expect(checkNewPin('482915', '482915')).toBeNull();
    expect(checkNewPin('482915374602', '482915374602')).toBeNull();
  });

  it('is not one of the first guesses', () => {
    for (const pin of ['000000', '111111', '123456', '654321', '234567', '890123', '121212', '123123', '1234567890', '112233', '159753']) {
      expect(isWeakPin(pin), pin).toBe(true);
      expect(checkNewPin(pin, pin)).toBe('weak');
    }
    for (const pin of ['482915', '730461', '120587', '13572468']) expect(isWeakPin(pin), pin).toBe(false);
  });

  it('must be typed the same twice', () => {
    expect(checkNewPin('482915', '482916')).toBe('mismatch');
  });
});
