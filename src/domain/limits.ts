// Field limits, apart from the schemas (validation.ts) so a form can size its inputs
// without loading the validator: the log screen's first paint carries only this.
export const LIMITS = {
  placeMax: 80,
  noteMax: 500,
  idMax: 64,
  countMax: 10_000,
  durationMax: 24 * 60,
  voidReasonMin: 3,
  voidReasonMax: 300,
} as const;

/** The shortest password the server accepts (also checked on the device before sending). */
export const PASSWORD_MIN = 12;
