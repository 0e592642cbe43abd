import { normaliseEmail } from './email';
import { DomainValidationError } from './validation';

function errorOf(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('normaliseEmail', () => {
  it.each([
    ['  Anna.Berg@RegionVasterbotten.SE ', 'anna.berg@regionvasterbotten.se'],
    ['first+tag@sub.example.com', 'first+tag@sub.example.com'],
    ['Åsa@Exempel.se', 'åsa@exempel.se'],
    ["o'neil@example.co.uk", "o'neil@example.co.uk"],
    ['info@umeå.se', 'info@umeå.se'],
    ['a@b-c.se', 'a@b-c.se'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it('composes decomposed Swedish letters (NFC)', () => {
    expect(normaliseEmail('a\u030Asa@exempel.se')).toBe('\u00E5sa@exempel.se');
  });

  it.each([null, undefined, '', '   \t '])('treats %p as no address', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it.each([
    'plainaddress',
    '@example.se',
    'anna@',
    'anna@example',
    'anna@@example.se',
    'an na@example.se',
    'anna@exa mple.se',
    'anna@example..se',
    'anna@-example.se',
    'anna@example-.se',
    'anna@.example.se',
    'anna@example.se.',
    '.anna@example.se',
    'anna.@example.se',
    'an..na@example.se',
    'anna@127.0.0.1',
    'anna@example.s',
    'a@b@example.se',
    `${'a'.repeat(65)}@example.se`,
    `a@${'b'.repeat(64)}.se`,
    `${'a'.repeat(60)}@${Array.from({ length: 5 }, () => 'b'.repeat(40)).join('.')}.se`,
  ])('rejects %p on field email', (raw) => {
    const error = errorOf(() => normaliseEmail(raw));
    expect(error.field).toBe('email');
    expect(error.message).toBe('is not a valid email address');
  });

  it('accepts up to 254 characters', () => {
    const domain = `${Array.from({ length: 4 }, () => 'b'.repeat(60)).join('.')}.se`; // 246 characters
    const email = `${'a'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(email).toHaveLength(254);
    expect(normaliseEmail(email)).toBe(email);
    expect(() => normaliseEmail(`a${email}`)).toThrow(DomainValidationError);
  });

  it('is idempotent', () => {
    const once = normaliseEmail(' Kalle.Anka@Example.SE ');
    expect(normaliseEmail(once)).toBe(once);
  });
});
