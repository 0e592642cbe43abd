import fc from 'fast-check';
import { DomainValidationError } from '../validation';
import { isIdempotencyKey, requireIdempotencyKey } from './idempotency-key';
import {
  CHECK_IN_CODE_ALPHABET,
  generateCheckInCode,
  isCanonicalCheckInCode,
  isCheckInCode,
  normaliseCheckInCode,
} from './check-in-code';

const bytes = fc.uint8Array({ minLength: 8, maxLength: 16 });

describe('check-in codes', () => {
  it('makes VB- and three groups of four Crockford characters from 8 random bytes', () => {
    expect(generateCheckInCode(new Uint8Array(8))).toBe('VB-0000-0000-0000');
    expect(generateCheckInCode(new Uint8Array(8).fill(0xff))).toBe('VB-ZZZZ-ZZZZ-ZZZZ');
    // The same bytes as the database's check_in_code_of('\x0123456789abcdef').
    expect(generateCheckInCode(Uint8Array.from([1, 35, 69, 103, 137, 171, 205, 239]))).toBe(
      'VB-04HM-ASW9-NF6Y',
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const code = generateCheckInCode(b);
        expect(isCanonicalCheckInCode(code)).toBe(true);
        expect(normaliseCheckInCode(code)).toBe(code);
      }),
    );
  });

  it('uses 60 bits: codes differ exactly when the first 60 bits do', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 59 }), (b, bit) => {
        const flipped = Uint8Array.from(b);
        flipped[bit >> 3] ^= 0x80 >> (bit & 7);
        expect(generateCheckInCode(flipped)).not.toBe(generateCheckInCode(b));
        const lastFour = Uint8Array.from(b);
        lastFour[7] ^= 0x0f; // bits 60–63 are not used
        expect(generateCheckInCode(lastFour)).toBe(generateCheckInCode(b));
      }),
    );
  });

  it('refuses fewer than 8 bytes', () => {
    expect(() => generateCheckInCode(new Uint8Array(7))).toThrow(RangeError);
  });

  it('reads a code typed in lower case, without dashes, with spaces and with O, I or L', () => {
    expect(normaliseCheckInCode('  vb-7k3m-9qxd-2htr ')).toBe('VB-7K3M-9QXD-2HTR');
    expect(normaliseCheckInCode('VB7K3M9QXD2HTR')).toBe('VB-7K3M-9QXD-2HTR');
    expect(normaliseCheckInCode('vb 7k3m 9qxd 2htr')).toBe('VB-7K3M-9QXD-2HTR');
    expect(normaliseCheckInCode('VB-O1IL-oiLl-0000')).toBe('VB-0111-0111-0000');
    fc.assert(
      fc.property(bytes, fc.boolean(), fc.boolean(), (b, lower, dashes) => {
        const code = generateCheckInCode(b);
        let typed = lower ? code.toLowerCase() : code;
        if (!dashes) typed = typed.replace(/-/g, '');
        expect(normaliseCheckInCode(typed)).toBe(code);
      }),
    );
  });

  it('tells a code from a name or anything else', () => {
    for (const notACode of [
      '',
      'Anna Berg',
      'annasvensson', // twelve letters of the alphabet, but no prefix
      '7K3M-9QXD-2HTR',
      'VB-7K3M-9QXD-2HT',
      'VB-7K3M-9QXD-2HTRX',
      'VB-7K3M-9QXD-2HTU', // U is never in a code
      'XB-7K3M-9QXD-2HTR',
      'VB-7K3M-9QXD-2HT!',
      'VB-7K3M-9QXD-2HTR'.repeat(5),
    ]) {
      expect(normaliseCheckInCode(notACode)).toBeNull();
      expect(isCheckInCode(notACode)).toBe(false);
    }
    expect(isCheckInCode('vb-7k3m-9qxd-2htr')).toBe(true);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const normal = normaliseCheckInCode(text);
        if (normal !== null) expect(isCanonicalCheckInCode(normal)).toBe(true);
      }),
    );
  });

  it('has the 32 characters of Crockford base32', () => {
    expect(new Set(CHECK_IN_CODE_ALPHABET).size).toBe(32);
    expect(CHECK_IN_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });
});

describe('idempotency keys', () => {
  it('takes a UUID or up to 64 of A-Z, a-z, 0-9, _ and -', () => {
    expect(requireIdempotencyKey('3f2c1a9e-8b7d-4c6e-9f01-23456789abcd')).toBe(
      '3f2c1a9e-8b7d-4c6e-9f01-23456789abcd',
    );
    expect(requireIdempotencyKey('desk-2_queue-17')).toBe('desk-2_queue-17');
    expect(requireIdempotencyKey('a'.repeat(64))).toBe('a'.repeat(64));
    expect(requireIdempotencyKey(null)).toBeNull();
    expect(requireIdempotencyKey(undefined)).toBeNull();
    for (const bad of ['', 'a'.repeat(65), 'has space', 'ünicode', 'semi;colon', '{uuid}']) {
      expect(isIdempotencyKey(bad)).toBe(false);
      expect(() => requireIdempotencyKey(bad)).toThrow(DomainValidationError);
    }
  });
});
