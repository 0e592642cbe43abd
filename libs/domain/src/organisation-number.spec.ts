import fc from 'fast-check';
import { luhnCheckDigit, luhnValid, normaliseOrganisationNumber } from './organisation-number';
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

// Nine leading digits of a legal entity: group digit 1–9, any, then third digit 2–9.
const entityPrefix = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: 2, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
  )
  .map(([a, b, c, rest]) => `${a}${b}${c}${rest.join('')}`);

describe('luhn', () => {
  it('validates known numbers', () => {
    expect(luhnValid('5560360793')).toBe(true);
    expect(luhnValid('5560360794')).toBe(false);
    expect(luhnCheckDigit('556036079')).toBe(3);
  });
});

describe('normaliseOrganisationNumber', () => {
  it.each([
    ['556036-0793', '556036-0793'], // AB Volvo
    ['5560360793', '556036-0793'],
    ['16556036-0793', '556036-0793'],
    ['165560360793', '556036-0793'],
    ['  232100-0016 ', '232100-0016'], // Region Västerbotten
    ['2120002742', '212000-2742'], // Umeå kommun
  ])('normalises %p to %p', (raw, expected) => {
    expect(normaliseOrganisationNumber(raw)).toBe(expected);
  });

  it.each([null, undefined, '', '  '])('treats %p as absent', (raw) => {
    expect(normaliseOrganisationNumber(raw)).toBeNull();
  });

  it.each([
    ['556036-0794', 'has an invalid check digit'],
    ['232100-0017', 'has an invalid check digit'],
    ['556036+0793', 'must have the form NNNNNN-NNNN'],
    ['55603-60793', 'must have the form NNNNNN-NNNN'],
    ['556036-079', 'must have the form NNNNNN-NNNN'],
    ['195560360793', 'must have the form NNNNNN-NNNN'],
    ['abc', 'must have the form NNNNNN-NNNN'],
    ['556036--0793', 'must have the form NNNNNN-NNNN'],
    // A personal identity number (19811218-9876 style, third digit < 2) with a valid check digit.
    ['811218-9876', 'is a personal identity number, not an organisation number'],
  ])('rejects %p on field organisationNumber: %s', (raw, message) => {
    const error = errorOf(() => normaliseOrganisationNumber(raw));
    expect(error.field).toBe('organisationNumber');
    expect(error.message).toBe(message);
  });

  it('accepts every legal-entity number with a correct check digit, in all accepted spellings', () => {
    fc.assert(
      fc.property(entityPrefix, fc.constantFrom('', '-'), fc.boolean(), (nine, sep, prefixed) => {
        const digits = `${nine}${luhnCheckDigit(nine)}`;
        const canonical = `${digits.slice(0, 6)}-${digits.slice(6)}`;
        const raw = `${prefixed ? '16' : ''}${digits.slice(0, 6)}${sep}${digits.slice(6)}`;
        expect(normaliseOrganisationNumber(raw)).toBe(canonical);
        expect(normaliseOrganisationNumber(canonical)).toBe(canonical);
      }),
    );
  });

  it('rejects every wrong check digit', () => {
    fc.assert(
      fc.property(entityPrefix, fc.integer({ min: 1, max: 9 }), (nine, offset) => {
        const wrong = (luhnCheckDigit(nine) + offset) % 10;
        const error = errorOf(() => normaliseOrganisationNumber(`${nine}${wrong}`));
        expect(error.field).toBe('organisationNumber');
      }),
    );
  });

  it('refuses personal identity numbers even when their check digit is valid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 1 }),
        (digits, third) => {
          digits[2] = third;
          const nine = digits.join('');
          const error = errorOf(() => normaliseOrganisationNumber(`${nine}${luhnCheckDigit(nine)}`));
          expect(error.message).toBe('is a personal identity number, not an organisation number');
        },
      ),
    );
  });
});
