/**
 * Check-in codes: what a participant's ticket (a QR code, or the text under it) carries to the door.
 *
 * The shape is `VB-` and 12 characters of Crockford's base32 in three groups of four, e.g.
 * `VB-7K3M-9QXD-2HTR`: 60 bits of randomness, unguessable within any rate limit, short enough to type,
 * and recognisable, so a search box tells a scanned or typed code from a name. The database makes
 * every code (the column's default, `new_check_in_code()` in migrations/1764300000100-door.ts) from
 * the same bits in the same order as {@link generateCheckInCode}; a test holds the two together.
 */

/** Crockford's base32: digits and upper-case letters without I, L, O and U. */
export const CHECK_IN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const CHECK_IN_CODE_PREFIX = 'VB';

/** Characters of a code after its prefix (5 bits each). */
export const CHECK_IN_CODE_LENGTH = 12;

/** Random bytes a code is made from: the first 60 of their 64 bits, most significant first. */
export const CHECK_IN_CODE_RANDOM_BYTES = 8;

const CANONICAL = /^VB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A code from crypto randomness (`crypto.getRandomValues(new Uint8Array(8))`, `randomBytes(8)`):
 * the first 60 bits, five at a time, most significant first. Throws on fewer than 8 bytes.
 */
export function generateCheckInCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < CHECK_IN_CODE_RANDOM_BYTES) {
    throw new RangeError(`a check-in code needs ${CHECK_IN_CODE_RANDOM_BYTES} random bytes`);
  }
  let bits = 0n;
  for (let i = 0; i < CHECK_IN_CODE_RANDOM_BYTES; i += 1) bits = (bits << 8n) | BigInt(randomBytes[i]);
  let body = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i += 1) {
    const index = Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n);
    body += CHECK_IN_CODE_ALPHABET[index];
  }
  return formatBody(body);
}

/**
 * The canonical form of a scanned or typed code, or null when the input is not a code: upper-cased,
 * trimmed, spaces and dashes anywhere ignored, Crockford's confusables read as what they stand for
 * (O as 0, I and L as 1). `vb 7k3m 9qxd 2htr` and `VB7K3M9QXD2HTR` are both `VB-7K3M-9QXD-2HTR`.
 * The prefix is required: without it a twelve-letter name (`annasvensson`) would read as a code.
 * A U (never in a code) makes it null.
 */
export function normaliseCheckInCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
  if (!compact.startsWith(CHECK_IN_CODE_PREFIX)) return null;
  if (compact.length !== CHECK_IN_CODE_PREFIX.length + CHECK_IN_CODE_LENGTH) return null;
  const body = compact.slice(CHECK_IN_CODE_PREFIX.length).replace(/O/g, '0').replace(/[IL]/g, '1');
  for (const character of body) if (!CHECK_IN_CODE_ALPHABET.includes(character)) return null;
  return formatBody(body);
}

/** Whether the input reads as a check-in code (see {@link normaliseCheckInCode}). */
export function isCheckInCode(input: string): boolean {
  return normaliseCheckInCode(input) !== null;
}

/** Whether the text is a code exactly as the server writes it (`VB-XXXX-XXXX-XXXX`). */
export function isCanonicalCheckInCode(input: string): boolean {
  return CANONICAL.test(input);
}

function formatBody(body: string): string {
  return `${CHECK_IN_CODE_PREFIX}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
}
