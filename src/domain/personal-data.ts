// The guard that keeps personal data about the public out of free text. It errs
// on the side of refusing: a false alarm costs the officer a rephrase, a miss
// stores a personnummer on a phone.

export type PersonalDataFinding = 'personnummer' | 'registration_number';

// YYMMDD or YYYYMMDD, optional - or +, then four digits. Day 61–91 covers samordningsnummer.
const PERSONNUMMER = /(?<!\d)(?:(?:19|20)\d{2}|\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])\s?[-+]?\s?\d{4}(?!\d)/;

// Swedish plates: three letters (no I, Q, V, Å, Ä, Ö) then two digits and a digit or
// a letter (not O), optionally separated by a space or dash: "ABC 123", "ABC12D".
const REGISTRATION_NUMBER = /(?<![\p{L}\d])[A-HJ-PR-UW-Z]{3}[ -]?\d{2}[\dA-HJ-NPR-UW-Z](?![\p{L}\d])/iu;

export function findPersonalData(text: string): PersonalDataFinding | null {
  if (PERSONNUMMER.test(text)) return 'personnummer';
  if (REGISTRATION_NUMBER.test(text)) return 'registration_number';
  return null;
}

export const PERSONAL_DATA_MESSAGE: Record<PersonalDataFinding, string> = {
  personnummer:
    'Texten ser ut att innehålla ett personnummer. Skriv inga personuppgifter om allmänheten – bara antal, åldersgrupp och plats.',
  registration_number:
    'Texten ser ut att innehålla ett registreringsnummer. Skriv inga uppgifter som pekar ut en enskild person eller ett fordon.',
};
