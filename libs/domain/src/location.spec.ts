import { ISO_COUNTRY_CODES } from './countries';
import { isMunicipalityCode, resolveLocation } from './location';
import { DomainValidationError } from './validation';

const known = new Set(['2480', '0180', '2482']);
const knownMunicipality = (code: string) => known.has(code);

function errorOf(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('ISO_COUNTRY_CODES', () => {
  it('holds the 249 officially assigned alpha-2 codes', () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249);
    for (const code of ISO_COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    for (const code of ['SE', 'NO', 'FI', 'BE', 'DE', 'GB', 'US', 'AX', 'SS']) {
      expect(ISO_COUNTRY_CODES.has(code)).toBe(true);
    }
    for (const code of ['XK', 'UK', 'EU', 'SU']) expect(ISO_COUNTRY_CODES.has(code)).toBe(false);
  });
});

describe('isMunicipalityCode', () => {
  it.each(['2480', '0180', '0000'])('accepts %p', (code) => expect(isMunicipalityCode(code)).toBe(true));
  it.each(['248', '24800', '24a0', ' 2480', ''])('rejects %p', (code) =>
    expect(isMunicipalityCode(code)).toBe(false),
  );
});

describe('resolveLocation', () => {
  it('defaults to Sweden without a municipality', () => {
    expect(resolveLocation({}, knownMunicipality)).toEqual({ municipalityCode: null, country: 'SE' });
    expect(resolveLocation({ municipalityCode: null, country: null }, knownMunicipality)).toEqual({
      municipalityCode: null,
      country: 'SE',
    });
    expect(resolveLocation({ municipalityCode: ' ', country: '' }, knownMunicipality)).toEqual({
      municipalityCode: null,
      country: 'SE',
    });
  });

  it('places a known municipality in Sweden', () => {
    expect(resolveLocation({ municipalityCode: '2480' }, knownMunicipality)).toEqual({
      municipalityCode: '2480',
      country: 'SE',
    });
    expect(resolveLocation({ municipalityCode: '0180', country: 'se' }, knownMunicipality)).toEqual({
      municipalityCode: '0180',
      country: 'SE',
    });
  });

  it('accepts a foreign country, upper-cased, without a municipality', () => {
    expect(resolveLocation({ country: 'be' }, knownMunicipality)).toEqual({
      municipalityCode: null,
      country: 'BE',
    });
    expect(resolveLocation({ country: ' NO ' }, knownMunicipality)).toEqual({
      municipalityCode: null,
      country: 'NO',
    });
  });

  it.each([
    [{ municipalityCode: '248' }, 'municipalityCode', 'must be a four-digit municipality code'],
    [{ municipalityCode: 'Umeå' }, 'municipalityCode', 'must be a four-digit municipality code'],
    [{ municipalityCode: '9999' }, 'municipalityCode', 'is not a known municipality code'],
    [{ municipalityCode: '2480', country: 'NO' }, 'country', 'must be SE when a municipality is given'],
    [{ country: 'XX' }, 'country', 'is not an ISO 3166-1 alpha-2 country code'],
    [{ country: 'SWE' }, 'country', 'is not an ISO 3166-1 alpha-2 country code'],
    [{ country: 'UK' }, 'country', 'is not an ISO 3166-1 alpha-2 country code'],
  ])('rejects %p on field %s', (input, field, message) => {
    const error = errorOf(() => resolveLocation(input, knownMunicipality));
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });
});
