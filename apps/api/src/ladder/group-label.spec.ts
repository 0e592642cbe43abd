import { groupLabel } from './ladder.service';

describe('the Swedish name of a ladder group', () => {
  it('names every kind of group in Swedish, as the dashboard and the map show it', () => {
    expect(groupLabel('NONE', 'ALL')).toBe('Alla');
    expect(groupLabel('SECTOR', 'ACADEMIA')).toBe('Akademi');
    expect(groupLabel('MEETING_PLACE', 'GRAND_HOTEL')).toBe('Västerbotten på Grand Hôtel');
    expect(groupLabel('GENDER', 'ORGANISATION')).toBe('Organisationer');
    expect(groupLabel('GENDER', 'UNKNOWN')).toBe('Okänt');
    expect(groupLabel('KIND', 'PERSON')).toBe('Person');
    expect(groupLabel('MUNICIPALITY', 'NO')).toBe('Norge');
    expect(groupLabel('MUNICIPALITY', 'SE')).toBe('Sverige');
  });

  it('keeps a code it has no name for rather than inventing one', () => {
    expect(groupLabel('MUNICIPALITY', '2480')).toBe('2480'); // the name comes from the municipality table
    expect(groupLabel('SECTOR', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
