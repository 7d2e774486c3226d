// Temporary passwords an admin hands over (read aloud or written down): four groups of
// four from an alphabet without look-alikes (no 0/o, 1/l/i), e.g. "k7mp-2xqa-9fhd-t3we".
// 31^16 ≈ 2^79: far beyond guessing, and the user must change it at first login anyway.
import { randomInt } from 'node:crypto';

export const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
