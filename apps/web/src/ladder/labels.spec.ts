import { bucketLabel, stepLabel } from './labels';

const meetingPlace = (code: string) => (code === 'ALMEDALEN' ? 'Västerbotten i Almedalen' : code);

describe('names of steps and groups', () => {
  it('names the five steps and not engaged in Swedish', () => {
    expect(
      ['AWARENESS', 'INTEREST', 'PARTICIPATION', 'COLLABORATION', 'INFLUENCE'].map((s) =>
        stepLabel(s as never),
      ),
    ).toEqual(['Medvetenhet', 'Intresse', 'Deltagande', 'Samverkan', 'Påverkan och handling']);
    expect(stepLabel(null)).toBe('Inte engagerad');
  });

  it('names the groups the API gives as codes', () => {
    expect(bucketLabel('MEETING_PLACE', 'ALMEDALEN', 'ALMEDALEN', meetingPlace)).toBe(
      'Västerbotten i Almedalen',
    );
    expect(bucketLabel('GENDER', 'WOMAN', 'WOMAN', meetingPlace)).toBe('Kvinna');
    expect(bucketLabel('GENDER', 'ORGANISATION', 'ORGANISATION', meetingPlace)).toBe('Organisationer');
    expect(bucketLabel('GENDER', 'UNKNOWN', 'UNKNOWN', meetingPlace)).toBe('Okänt');
    expect(bucketLabel('SECTOR', 'CIVIL_SOCIETY', 'Civilsamhälle', meetingPlace)).toBe('Civilsamhälle');
    // Municipalities by the API's name; actors abroad by their country, in Swedish.
    expect(bucketLabel('MUNICIPALITY', '2480', 'Umeå', meetingPlace)).toBe('Umeå');
    expect(bucketLabel('MUNICIPALITY', 'NO', 'NO', meetingPlace)).toBe('Norge');
  });
});
