import { DomainValidationError } from './validation';

const FIELD = 'organisationNumber';
// Optional century prefix 16 (the one Skatteverket uses for legal entities), then 6 + 4 digits.
const FORMAT = /^(?:16)?(\d{6})-?(\d{4})$/;

/** Luhn (mod 10) check over a string of digits whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the check digit's left neighbour.
    const fromRight = digits.length - 1 - i;
    let d = Number(digits[i]);
    if (fromRight % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `nineDigits` + digit Luhn-valid. */
export function luhnCheckDigit(nineDigits: string): number {
  for (let c = 0; c <= 9; c++) {
    if (luhnValid(nineDigits + c)) return c;
  }
  throw new Error('unreachable: some digit always completes a Luhn sum');
}

/**
 * Swedish organisationsnummer in canonical 'NNNNNN-NNNN' form. Only legal entities: a third digit
 * below 2 means a personal identity number (a sole trader), which is personal data we refuse to store.
 */
export function normaliseOrganisationNumber(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;

  const match = FORMAT.exec(trimmed);
  if (!match) {
    throw new DomainValidationError(FIELD, 'must have the form NNNNNN-NNNN');
  }
  const digits = `${match[1]}${match[2]}`;
  if (Number(digits[2]) < 2) {
    throw new DomainValidationError(FIELD, 'is a personal identity number, not an organisation number');
  }
  if (!luhnValid(digits)) {
    throw new DomainValidationError(FIELD, 'has an invalid check digit');
  }
  return `${match[1]}-${match[2]}`;
}
