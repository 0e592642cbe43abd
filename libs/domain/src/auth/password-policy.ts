import { COMMON_PASSWORDS } from './common-passwords';

/** Shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 12;
/**
 * Longest password accepted, in characters: 256 characters are at most 1,024 bytes of UTF-8, the
 * most the sign-in route reads, so every accepted password can also be signed in with.
 */
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.normalize('NFC').toLowerCase()));

/**
 * Why a new password is refused, in Swedish (the reason may be shown to the person choosing it), or
 * null when it is acceptable: at least 12 characters (and at most 256), not one of the common
 * passwords (compared case-insensitively), not the person's own email address.
 */
export function passwordWeakness(password: string, context: { email: string | null }): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`;
  if (length > MAX_PASSWORD_LENGTH) return `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`;
  const folded = password.trim().normalize('NFC').toLowerCase();
  if (COMMON.has(folded)) {
    return 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna flera ord i följd.';
  }
  const email = context.email?.trim().normalize('NFC').toLowerCase();
  if (email && folded === email) return 'Lösenordet får inte vara din e-postadress.';
  return null;
}
