// What a PIN must be: 6–12 digits, and not one of the first guesses a finder would try.
// A PIN is a short secret by nature; the five-attempt rule (unlock.ts) is what makes a
// 6-digit one hold, and this list removes the guesses that would come first.
export const PIN_MIN = 6;
export const PIN_MAX = 12;

export type PinProblem = 'digits' | 'length' | 'weak' | 'mismatch';

/** Common choices that no rule below catches (keypad patterns, mirrored runs). */
const COMMON = new Set(['112233', '123321', '147258', '147852', '159753', '159357', '258456', '852456', '741852', '963852', '789456', '456123', '246810', '135790', '010203', '102030', '199001', '200001']);

/** True when every digit steps by the same +1 or -1 (123456, 987654, 890123 wrapping). */
function isRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9) || steps.has(0));
}

/** A block of 1–3 digits repeated (000000, 121212, 123123, 1212121212). */
function isRepeat(pin: string): boolean {
  for (let n = 1; n <= 3; n++) {
    if (pin.length % n === 0 && pin.slice(0, n).repeat(pin.length / n) === pin) return true;
  }
  return false;
}

export function isWeakPin(pin: string): boolean {
  return isRun(pin) || isRepeat(pin) || COMMON.has(pin);
}

/** The first problem with a new PIN, or null. */
export function checkNewPin(pin: string, repeat: string): PinProblem | null {
  if (!/^\d*$/.test(pin)) return 'digits';
  if (pin.length < PIN_MIN || pin.length > PIN_MAX) return 'length';
  if (isWeakPin(pin)) return 'weak';
  if (pin !== repeat) return 'mismatch';
  return null;
}
