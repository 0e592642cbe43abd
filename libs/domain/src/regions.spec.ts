import {
  COUNTY_MUNICIPALITIES,
  COUNTY_MUNICIPALITY_CODES,
  SUB_REGIONS,
  VASTERBOTTEN_COUNTY_CODE,
  isCountyMunicipality,
  subRegionOf,
} from './regions';

describe('regions', () => {
  it('lists the 15 municipalities of Västerbotten County', () => {
    expect(VASTERBOTTEN_COUNTY_CODE).toBe('24');
    expect([...COUNTY_MUNICIPALITY_CODES].sort()).toEqual([
      '2401',
      '2403',
      '2404',
      '2409',
      '2417',
      '2418',
      '2421',
      '2422',
      '2425',
      '2460',
      '2462',
      '2463',
      '2480',
      '2481',
      '2482',
    ]);
    expect(COUNTY_MUNICIPALITIES.find((m) => m.code === '2463')?.nameSv).toBe('Åsele');
    for (const code of COUNTY_MUNICIPALITY_CODES)
      expect(code.startsWith(VASTERBOTTEN_COUNTY_CODE)).toBe(true);
  });

  it('puts every county municipality in exactly one sub-region', () => {
    const all = SUB_REGIONS.flatMap((r) => r.municipalityCodes);
    expect(all).toHaveLength(15);
    expect([...all].sort()).toEqual([...COUNTY_MUNICIPALITY_CODES].sort());
  });

  it('defines Umeåregionen, Inlandet and Skellefteå', () => {
    expect(SUB_REGIONS.map((r) => [r.code, r.nameSv, r.municipalityCodes.length])).toEqual([
      ['UMEA_REGION', 'Umeåregionen', 6],
      ['INLAND', 'Inlandet', 8],
      ['SKELLEFTEA', 'Skellefteå', 1],
    ]);
  });

  it.each([
    ['2480', 'UMEA_REGION'],
    ['2460', 'UMEA_REGION'],
    ['2481', 'INLAND'],
    ['2425', 'INLAND'],
    ['2482', 'SKELLEFTEA'],
    ['0180', null],
    ['2580', null],
    ['', null],
  ])('subRegionOf(%p) is %p', (code, expected) => {
    expect(subRegionOf(code)).toBe(expected);
  });

  it('knows which municipalities are in the county', () => {
    expect(isCountyMunicipality('2418')).toBe(true);
    expect(isCountyMunicipality('2581')).toBe(false);
  });
});
