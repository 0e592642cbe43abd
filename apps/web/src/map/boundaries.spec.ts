import { geoArea } from 'd3-geo';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COUNTY_MUNICIPALITIES } from '@crm/domain/regions';
import { forD3, type Boundaries } from './boundaries';

const read = (file: string) =>
  JSON.parse(readFileSync(path.join(__dirname, 'data', file), 'utf8')) as Boundaries;

describe('boundaries for d3-geo', () => {
  it('turns every ring so that each municipality is its own small area, not the rest of the globe', () => {
    for (const file of ['vasterbotten-municipalities.geojson', 'sweden-municipalities.geojson']) {
      const raw = read(file);
      const turned = forD3(raw);
      // The globe is 4π steradians; Sweden's largest municipality (Kiruna) is well under 0.001.
      expect(turned.features.every((f) => geoArea(f) < 0.001)).toBe(true);
      expect(raw.features.every((f) => geoArea(f) > 12)).toBe(true);
    }
  });

  it('has the county’s 15 municipalities and Sweden’s 290, with codes and names', () => {
    const county = read('vasterbotten-municipalities.geojson').features.map((f) => f.properties);
    const sweden = read('sweden-municipalities.geojson').features.map((f) => f.properties);
    expect(county).toHaveLength(15);
    expect(sweden).toHaveLength(290);
    expect(county).toContainEqual({ code: '2481', name: 'Lycksele' });
    // The page names the county's municipalities from the register of regions: the same names.
    expect(new Map(county.map((m) => [m.code, m.name]))).toEqual(
      new Map(COUNTY_MUNICIPALITIES.map((m) => [m.code, m.nameSv])),
    );
    expect(
      sweden
        .filter((m) => m.county === '24')
        .map((m) => m.code)
        .sort(),
    ).toEqual(county.map((m) => m.code).sort());
  });
});
