import { Sector } from './enums';
import { guessOrganisationSector } from './sector-guess';

describe('guessOrganisationSector', () => {
  it.each([
    ['Umeå universitet', Sector.ACADEMIA],
    ['Sveriges lantbruksuniversitet (SLU)', Sector.ACADEMIA],
    ['Luleå tekniska universitet', Sector.ACADEMIA],
    ['Uminova Innovation', Sector.INNOVATION_SYSTEM],
    ['RISE Research Institutes of Sweden', Sector.INNOVATION_SYSTEM],
    ['Skellefteå kommun', Sector.PUBLIC_SECTOR],
    ['Region Västerbotten', Sector.PUBLIC_SECTOR],
    ['Länsstyrelsen Västerbotten', Sector.PUBLIC_SECTOR],
    ['Trafikverket', Sector.PUBLIC_SECTOR],
    ['Vindelns folkhögskola', Sector.CIVIL_SOCIETY],
    ['Hembygdsföreningen Lycksele', Sector.CIVIL_SOCIETY],
    ['Svenska kyrkan Umeå', Sector.CIVIL_SOCIETY],
    ['Norrmejerier AB', Sector.BUSINESS],
    ['Northvolt', Sector.BUSINESS],
  ])('%s is %s', (name, sector) => {
    expect(guessOrganisationSector(name)).toBe(sector);
  });

  it('does not read a region out of a word that only contains it', () => {
    expect(guessOrganisationSector('Regionalbanken')).toBe(Sector.BUSINESS);
  });
});
