import { Gender, ParticipationRole, ParticipationStatus } from '../enums';
import { ColumnMapping, recogniseColumns } from './columns';
import { interpretRow, RegistrationRow, RowResult } from './rows';

const HEADERS = [
  'Förnamn',
  'Efternamn',
  'Namn',
  'E-post',
  'Organisation',
  'Org.nr',
  'Titel',
  'Kommun',
  'Roll',
  'Status',
  'Närvaro',
  'Kön',
  'Tidstämpel',
];
const mapping = recogniseColumns(HEADERS);

/** A row of the table above with the given cells filled in. */
function cells(values: Partial<Record<(typeof HEADERS)[number], string>>): string[] {
  return HEADERS.map((header) => values[header] ?? '');
}

function accepted(result: RowResult | null): RegistrationRow {
  if (!result || !result.ok) throw new Error(`expected an accepted row, got ${JSON.stringify(result)}`);
  return result.row;
}

function reasonOf(result: RowResult | null): string {
  if (!result || result.ok) throw new Error(`expected a rejected row, got ${JSON.stringify(result)}`);
  return result.reason;
}

const row = (values: Partial<Record<string, string>>, line = 7): RowResult | null =>
  interpretRow(cells({ Förnamn: 'Anna', Efternamn: 'Berg', ...values }), mapping, line);

describe('interpretRow', () => {
  it('reads a complete row', () => {
    const result = interpretRow(
      cells({
        Förnamn: ' Åsa ',
        Efternamn: 'Öberg',
        'E-post': '  Asa.Oberg@Skelleftea.SE ',
        Organisation: '  Skellefteå   kommun ',
        'Org.nr': '212000-2650',
        Titel: 'Kulturchef',
        Kommun: ' Skellefteå ',
        Roll: 'Talare',
        Status: 'Anmäld',
        Närvaro: 'Ja',
        Kön: 'Kvinna',
        Tidstämpel: '2025-03-01 10:00',
      }),
      mapping,
      12,
    );
    expect(result).toEqual({
      ok: true,
      row: {
        line: 12,
        name: 'Åsa Öberg',
        email: 'asa.oberg@skelleftea.se',
        organisation: 'Skellefteå kommun',
        organisationNumber: '212000-2650',
        title: 'Kulturchef',
        municipality: 'Skellefteå',
        role: ParticipationRole.SPEAKER,
        status: ParticipationStatus.ATTENDED,
        gender: Gender.WOMAN,
      },
    });
  });

  it('gives blank optional cells as null and the role as AUDIENCE', () => {
    expect(accepted(row({}))).toEqual({
      line: 7,
      name: 'Anna Berg',
      email: null,
      organisation: null,
      organisationNumber: null,
      title: null,
      municipality: null,
      role: ParticipationRole.AUDIENCE,
      status: null,
      gender: null,
    });
  });

  it('returns null for a row whose cells are all blank', () => {
    expect(interpretRow(cells({}), mapping, 3)).toBeNull();
    expect(interpretRow(['  ', '\t', ''], mapping, 3)).toBeNull();
    expect(interpretRow([], mapping, 3)).toBeNull();
  });

  it('reads a row shorter than the header row (missing trailing cells are blank)', () => {
    expect(accepted(interpretRow(['Anna', 'Berg'], mapping, 2)).name).toBe('Anna Berg');
  });

  describe('name', () => {
    it('prefers the full name column, else joins first and last name', () => {
      expect(accepted(row({ Namn: 'Anna-Karin Berg' })).name).toBe('Anna-Karin Berg');
      expect(accepted(row({ Förnamn: 'Anna', Efternamn: '' })).name).toBe('Anna');
      expect(accepted(row({ Förnamn: '', Efternamn: 'Berg' })).name).toBe('Berg');
    });

    it('is NFC, trimmed, with inner whitespace (line breaks too) collapsed', () => {
      expect(accepted(row({ Förnamn: '  A\u030Asa \n Karin ', Efternamn: ' Öberg  ' })).name).toBe(
        'Åsa Karin Öberg',
      );
    });

    it('without a last name column the first name is the name', () => {
      const firstOnly = recogniseColumns(['Förnamn', 'E-post']);
      expect(accepted(interpretRow(['Anna', 'anna@x.se'], firstOnly, 2)).name).toBe('Anna');
    });

    it.each([[{ Förnamn: '', Efternamn: '' }], [{ Förnamn: '  ', Efternamn: '\t' }]])(
      'rejects a row without a name: %p',
      (values) => {
        expect(row({ ...values, 'E-post': 'anna@x.se' })).toEqual({
          ok: false,
          line: 7,
          reason: 'Namn saknas',
        });
      },
    );

    it('rejects a name longer than 200 characters and accepts exactly 200', () => {
      expect(accepted(row({ Namn: 'å'.repeat(200) })).name).toHaveLength(200);
      expect(reasonOf(row({ Namn: 'å'.repeat(201) }))).toBe('Namnet är för långt (högst 200 tecken)');
    });
  });

  describe('email', () => {
    it('trims and lower-cases, and drops a mailto: prefix', () => {
      expect(accepted(row({ 'E-post': '  ANNA.Berg@Umea.SE ' })).email).toBe('anna.berg@umea.se');
      expect(accepted(row({ 'E-post': 'mailto:Anna@umea.se' })).email).toBe('anna@umea.se');
    });

    it.each(['anna@@x', 'anna.berg', 'anna@umea', 'anna berg@umea.se', 'lars.olsson(at)umea.se'])(
      'rejects %p naming the value',
      (email) => {
        expect(row({ 'E-post': email })).toEqual({
          ok: false,
          line: 7,
          reason: 'Ogiltig e-postadress (adressen upprepas inte här: rätta den i filen på den raden)',
        });
      },
    );

    it('quotes the trimmed value', () => {
      expect(reasonOf(row({ 'E-post': '  anna@@x  ' }))).toBe(
        'Ogiltig e-postadress (adressen upprepas inte här: rätta den i filen på den raden)',
      );
    });
  });

  describe('organisation and organisation number', () => {
    it('cleans the organisation name', () => {
      expect(accepted(row({ Organisation: '  Norrmejerier   AB ' })).organisation).toBe('Norrmejerier AB');
    });

    it('rejects an organisation name or title longer than 200 characters', () => {
      expect(reasonOf(row({ Organisation: 'x'.repeat(201) }))).toBe(
        'Organisationens namn är för långt (högst 200 tecken)',
      );
      expect(reasonOf(row({ Titel: 'x'.repeat(201) }))).toBe('Titeln är för lång (högst 200 tecken)');
    });

    it.each([
      ['556036-0793', '556036-0793'],
      ['5560360793', '556036-0793'],
      ['16556036-0793', '556036-0793'],
      [' 556036 0793 ', '556036-0793'],
      ['SE556036079301', '556036-0793'],
    ])('normalises %p to %p', (raw, expected) => {
      expect(accepted(row({ 'Org.nr': raw })).organisationNumber).toBe(expected);
    });

    it('rejects a malformed organisation number naming the value', () => {
      expect(reasonOf(row({ 'Org.nr': '55603-0793' }))).toBe(
        'Ogiltigt organisationsnummer: "55603-0793" (ska ha formen NNNNNN-NNNN)',
      );
    });

    it('rejects an organisation number with a wrong check digit', () => {
      expect(reasonOf(row({ 'Org.nr': '556036-0794' }))).toBe(
        'Ogiltigt organisationsnummer: "556036-0794" (fel kontrollsiffra)',
      );
    });

    it.each(['850101-1234', '19850101-1234', '198501011234', '8501011234'])(
      'rejects a personal identity number (%p) without repeating it',
      (raw) => {
        const reason = reasonOf(row({ 'Org.nr': raw }));
        expect(reason).toBe(
          'Organisationsnumret är ett personnummer (enskild firma) och sparas inte; lämna fältet tomt',
        );
        expect(reason).not.toContain('1234');
      },
    );
  });

  describe('title and municipality', () => {
    it('keeps the text, trimmed', () => {
      const result = accepted(row({ Titel: '  Enhetschef ', Kommun: '  Umeå ' }));
      expect(result.title).toBe('Enhetschef');
      expect(result.municipality).toBe('Umeå');
    });

    it('keeps a municipality code and restores the leading zero Excel drops', () => {
      expect(accepted(row({ Kommun: '2480' })).municipality).toBe('2480');
      expect(accepted(row({ Kommun: '114' })).municipality).toBe('0114');
    });
  });

  describe('role', () => {
    it.each<[string, ParticipationRole]>([
      ['Publik', ParticipationRole.AUDIENCE],
      ['Deltagare', ParticipationRole.AUDIENCE],
      ['Åhörare', ParticipationRole.AUDIENCE],
      ['ahorare', ParticipationRole.AUDIENCE],
      ['Attendee', ParticipationRole.AUDIENCE],
      ['Audience', ParticipationRole.AUDIENCE],
      ['Participant', ParticipationRole.AUDIENCE],
      ['Besökare', ParticipationRole.AUDIENCE],
      ['Panel', ParticipationRole.PANELIST],
      ['Paneldeltagare', ParticipationRole.PANELIST],
      ['Panelist', ParticipationRole.PANELIST],
      ['Talare', ParticipationRole.SPEAKER],
      ['TALARE', ParticipationRole.SPEAKER],
      ['Föreläsare', ParticipationRole.SPEAKER],
      ['Speaker', ParticipationRole.SPEAKER],
      ['Presenter', ParticipationRole.SPEAKER],
      ['Inledare', ParticipationRole.SPEAKER],
      ['Moderator', ParticipationRole.MODERATOR],
      ['Samtalsledare', ParticipationRole.MODERATOR],
      ['Host', ParticipationRole.MODERATOR],
      ['Arrangör', ParticipationRole.ORGANISER],
      ['arrangor', ParticipationRole.ORGANISER],
      ['Organisatör', ParticipationRole.ORGANISER],
      ['Organiser', ParticipationRole.ORGANISER],
      ['Organizer', ParticipationRole.ORGANISER],
      ['Medarrangör', ParticipationRole.ORGANISER],
      ['  talare  ', ParticipationRole.SPEAKER],
      ['Talare/Moderator', ParticipationRole.MODERATOR],
      ['Panel och talare', ParticipationRole.SPEAKER],
    ])('reads %p as %p', (raw, role) => {
      expect(accepted(row({ Roll: raw })).role).toBe(role);
    });

    it('is AUDIENCE when the cell is blank or there is no role column', () => {
      expect(accepted(row({ Roll: ' ' })).role).toBe(ParticipationRole.AUDIENCE);
      const noRole = recogniseColumns(['Namn']);
      expect(accepted(interpretRow(['Anna'], noRole, 2)).role).toBe(ParticipationRole.AUDIENCE);
    });

    it.each(['Gäst VIP', 'Talare/Gäst'])('rejects the unknown role %p naming the value', (raw) => {
      expect(row({ Roll: raw })).toEqual({
        ok: false,
        line: 7,
        reason: `Okänd roll: "${raw}" (använd t.ex. Publik, Talare, Moderator, Panel, Arrangör)`,
      });
    });
  });

  describe('status and check-in', () => {
    it.each<[string, ParticipationStatus]>([
      ['Anmäld', ParticipationStatus.REGISTERED],
      ['anmald', ParticipationStatus.REGISTERED],
      ['Registrerad', ParticipationStatus.REGISTERED],
      ['Registered', ParticipationStatus.REGISTERED],
      ['Attending', ParticipationStatus.REGISTERED],
      ['Bekräftad', ParticipationStatus.REGISTERED],
      ['Confirmed', ParticipationStatus.REGISTERED],
      ['Deltog', ParticipationStatus.ATTENDED],
      ['Närvarande', ParticipationStatus.ATTENDED],
      ['Incheckad', ParticipationStatus.ATTENDED],
      ['Attended', ParticipationStatus.ATTENDED],
      ['Checked In', ParticipationStatus.ATTENDED],
      ['checked-in', ParticipationStatus.ATTENDED],
      ['Present', ParticipationStatus.ATTENDED],
      ['Uteblev', ParticipationStatus.NO_SHOW],
      ['No-show', ParticipationStatus.NO_SHOW],
      ['No show', ParticipationStatus.NO_SHOW],
      ['Absent', ParticipationStatus.NO_SHOW],
      ['Avanmäld', ParticipationStatus.CANCELLED],
      ['Avbokad', ParticipationStatus.CANCELLED],
      ['Återbud', ParticipationStatus.CANCELLED],
      ['Cancelled', ParticipationStatus.CANCELLED],
      ['Canceled', ParticipationStatus.CANCELLED],
      ['Refunded', ParticipationStatus.CANCELLED],
    ])('reads the status %p as %p', (raw, status) => {
      expect(accepted(row({ Status: raw })).status).toBe(status);
    });

    it.each([
      'Ja',
      'J',
      'Yes',
      'y',
      'X',
      'x',
      '1',
      'True',
      'SANT',
      '✓',
      '✔',
      '2025-03-14',
      '2025-03-14 09:12',
      '14/3/2025 9:12',
      '09:12',
    ])('reads the check-in %p as ATTENDED', (raw) => {
      expect(accepted(row({ Närvaro: raw })).status).toBe(ParticipationStatus.ATTENDED);
    });

    it.each(['Nej', 'No', 'N', '0', 'False', 'Falskt', '', '  '])(
      'reads the check-in %p as nothing',
      (raw) => {
        expect(accepted(row({ Närvaro: raw })).status).toBeNull();
        expect(accepted(row({ Närvaro: raw, Status: 'Anmäld' })).status).toBe(ParticipationStatus.REGISTERED);
      },
    );

    it('reads status words in the check-in column', () => {
      expect(accepted(row({ Närvaro: 'Uteblev' })).status).toBe(ParticipationStatus.NO_SHOW);
      expect(accepted(row({ Närvaro: 'Deltog' })).status).toBe(ParticipationStatus.ATTENDED);
    });

    it('lets an ATTENDED from either column win', () => {
      expect(accepted(row({ Status: 'Anmäld', Närvaro: 'Ja' })).status).toBe(ParticipationStatus.ATTENDED);
      expect(accepted(row({ Status: 'Avbokad', Närvaro: 'Ja' })).status).toBe(ParticipationStatus.ATTENDED);
      expect(accepted(row({ Status: 'Deltog', Närvaro: 'Nej' })).status).toBe(ParticipationStatus.ATTENDED);
      expect(accepted(row({ Status: 'Deltog', Närvaro: 'Uteblev' })).status).toBe(
        ParticipationStatus.ATTENDED,
      );
    });

    it('takes the status column over a non-attended check-in word', () => {
      expect(accepted(row({ Status: 'Avbokad', Närvaro: 'Uteblev' })).status).toBe(
        ParticipationStatus.CANCELLED,
      );
    });

    it('is null when neither column is present', () => {
      const bare = recogniseColumns(['Namn', 'E-post']);
      expect(accepted(interpretRow(['Anna', ''], bare, 2)).status).toBeNull();
    });

    it('rejects an unknown status naming the value', () => {
      expect(row({ Status: 'Väntelista' })).toEqual({
        ok: false,
        line: 7,
        reason: 'Okänd status: "Väntelista" (använd t.ex. Anmäld, Deltog, Uteblev, Avanmäld)',
      });
    });

    it('rejects an unknown check-in value naming the value', () => {
      expect(reasonOf(row({ Närvaro: 'kanske' }))).toBe(
        'Okänt värde för närvaro: "kanske" (använd Ja eller Nej, eller t.ex. Deltog eller Uteblev)',
      );
    });
  });

  describe('gender', () => {
    it.each<[string, Gender | null]>([
      ['Kvinna', Gender.WOMAN],
      ['K', Gender.WOMAN],
      ['Woman', Gender.WOMAN],
      ['Female', Gender.WOMAN],
      ['F', Gender.WOMAN],
      ['Man', Gender.MAN],
      ['M', Gender.MAN],
      ['Male', Gender.MAN],
      ['Icke-binär', Gender.NON_BINARY],
      ['icke binar', Gender.NON_BINARY],
      ['Non-binary', Gender.NON_BINARY],
      ['Annat', Gender.NON_BINARY],
      ['Vill ej ange', Gender.NOT_STATED],
      ['Prefer not to say', Gender.NOT_STATED],
      ['', null],
      ['vet ej', null],
    ])('reads %p as %p', (raw, gender) => {
      expect(accepted(row({ Kön: raw })).gender).toBe(gender);
    });
  });

  it('reports the first problem of a row with several', () => {
    expect(reasonOf(row({ Förnamn: '', Efternamn: '', 'E-post': 'x@@y', Roll: 'Gäst' }))).toBe('Namn saknas');
  });

  it('never throws, whatever the cells hold', () => {
    const mappings: ColumnMapping[] = [
      mapping,
      recogniseColumns(['Namn']),
      { columns: { fullName: 5 }, ignoredColumns: [] },
    ];
    const values = [
      '',
      ' ',
      'Anna',
      '@',
      '"',
      '\u0000',
      '💡',
      'x'.repeat(300),
      '2025-01-01',
      'Ja',
      '556036-0794',
    ];
    for (const m of mappings) {
      for (const a of values) {
        for (const b of values) {
          expect(() => interpretRow([a, b, a, b, a, b, a, b, a, b, a, b, a], m, 1)).not.toThrow();
        }
      }
    }
  });
});
