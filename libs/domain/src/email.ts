import { DomainValidationError } from './validation';

const MAX_LENGTH = 254; // RFC 5321 path limit minus the angle brackets
const MAX_LOCAL_LENGTH = 64;
const MAX_LABEL_LENGTH = 63;

// Dot-atom local part (no quoted strings: nobody registers for a seminar with one), Unicode letters
// allowed because Swedish addresses such as åsa@exempel.se do occur (RFC 6531).
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const NUMERIC = /^\d+$/;

/**
 * Canonical form used for matching people across imports: trimmed, NFC, lower-case.
 * Blank means "no address" (null), not an error, because registration lists often leave it empty.
 */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const email = raw.trim().normalize('NFC').toLowerCase();
  if (email === '') return null;

  const fail = (): never => {
    throw new DomainValidationError('email', 'is not a valid email address');
  };
  if ([...email].length > MAX_LENGTH || /\s/u.test(email)) fail();

  const parts = email.split('@');
  if (parts.length !== 2) fail();
  const [local, domain] = parts as [string, string];

  if (local.length === 0 || [...local].length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) fail();

  const labels = domain.split('.');
  if (labels.length < 2) fail();
  for (const label of labels) {
    if ([...label].length > MAX_LABEL_LENGTH || !DOMAIN_LABEL.test(label)) fail();
  }
  // A numeric top-level label means an IP address or a typo, never a mailbox domain.
  const tld = labels[labels.length - 1] as string;
  if (tld.length < 2 || NUMERIC.test(tld)) fail();

  return email;
}
