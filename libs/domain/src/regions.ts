import { DomainValidationError } from './validation';
// Reference data for Västerbotten County (Västerbottens län); official SCB codes.

export const VASTERBOTTEN_COUNTY_CODE = '24';

export const COUNTY_MUNICIPALITIES: readonly { code: string; nameSv: string }[] = Object.freeze([
  { code: '2401', nameSv: 'Nordmaling' },
  { code: '2403', nameSv: 'Bjurholm' },
  { code: '2404', nameSv: 'Vindeln' },
  { code: '2409', nameSv: 'Robertsfors' },
  { code: '2417', nameSv: 'Norsjö' },
  { code: '2418', nameSv: 'Malå' },
  { code: '2421', nameSv: 'Storuman' },
  { code: '2422', nameSv: 'Sorsele' },
  { code: '2425', nameSv: 'Dorotea' },
  { code: '2460', nameSv: 'Vännäs' },
  { code: '2462', nameSv: 'Vilhelmina' },
  { code: '2463', nameSv: 'Åsele' },
  { code: '2480', nameSv: 'Umeå' },
  { code: '2481', nameSv: 'Lycksele' },
  { code: '2482', nameSv: 'Skellefteå' },
]);

export const COUNTY_MUNICIPALITY_CODES: readonly string[] = Object.freeze(
  COUNTY_MUNICIPALITIES.map((m) => m.code),
);

export interface SubRegion {
  code: string;
  nameSv: string;
  municipalityCodes: readonly string[];
}

// Groupings used in the follow-up to RUN; every county municipality belongs to exactly one.
export const SUB_REGIONS: readonly SubRegion[] = Object.freeze([
  {
    code: 'UMEA_REGION',
    nameSv: 'Umeåregionen',
    municipalityCodes: Object.freeze(['2480', '2403', '2401', '2409', '2404', '2460']),
  },
  {
    code: 'INLAND',
    nameSv: 'Inlandet',
    municipalityCodes: Object.freeze(['2463', '2462', '2421', '2422', '2417', '2418', '2481', '2425']),
  },
  {
    code: 'SKELLEFTEA',
    nameSv: 'Skellefteå',
    municipalityCodes: Object.freeze(['2482']),
  },
]);

export function isCountyMunicipality(code: string): boolean {
  return COUNTY_MUNICIPALITY_CODES.includes(code);
}

/** Sub-region code for a municipality, or null for municipalities outside the county. */
export function subRegionOf(code: string): string | null {
  return SUB_REGIONS.find((r) => r.municipalityCodes.includes(code))?.code ?? null;
}

/** The sub-region a filter names, or a validation error on `field` listing the valid codes. */
export function requireSubRegion(code: string, field = 'subRegion'): SubRegion {
  const region = SUB_REGIONS.find((r) => r.code === code);
  if (!region)
    throw new DomainValidationError(field, `must be one of ${SUB_REGIONS.map((r) => r.code).join(', ')}`);
  return region;
}
