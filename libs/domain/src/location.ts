import { ISO_COUNTRY_CODES } from './countries';
import { DomainValidationError } from './validation';

export interface Location {
  /** Official four-digit Swedish municipality code (kommunkod), any municipality in Sweden. */
  municipalityCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

const SWEDEN = 'SE';

/** Format check only; whether the municipality exists is the caller's reference data. */
export function isMunicipalityCode(code: string): boolean {
  return /^\d{4}$/.test(code);
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Where an actor is based. A municipality implies Sweden; actors abroad (EU level in Brussels,
 * say) give only a country. With nothing given we assume Sweden, the common case.
 */
export function resolveLocation(
  input: { municipalityCode?: string | null; country?: string | null },
  knownMunicipality: (code: string) => boolean,
): Location {
  const municipalityCode = blankToNull(input.municipalityCode);
  const country = blankToNull(input.country)?.toUpperCase() ?? null;

  if (municipalityCode !== null) {
    if (!isMunicipalityCode(municipalityCode)) {
      throw new DomainValidationError('municipalityCode', 'must be a four-digit municipality code');
    }
    if (!knownMunicipality(municipalityCode)) {
      throw new DomainValidationError('municipalityCode', 'is not a known municipality code');
    }
    if (country !== null && country !== SWEDEN) {
      throw new DomainValidationError('country', 'must be SE when a municipality is given');
    }
    return { municipalityCode, country: SWEDEN };
  }

  if (country === null) return { municipalityCode: null, country: SWEDEN };
  if (!ISO_COUNTRY_CODES.has(country)) {
    throw new DomainValidationError('country', 'is not an ISO 3166-1 alpha-2 country code');
  }
  return { municipalityCode: null, country };
}
