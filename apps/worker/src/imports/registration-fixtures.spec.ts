// Holds test/fixtures/registrations/README.md to the truth: reads every fixture the way the import does
// (sniff, readRegistrationTable, recogniseColumns, interpretRow) and checks the README's tables, which
// the end-to-end tests of the import take their expected counts from.
import {
  interpretRow,
  recogniseColumns,
  RegistrationFileKind,
  RegistrationRow,
  sniffRegistrationFile,
} from '@crm/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegistrationTable } from './registration-file';

const DIR = join(__dirname, '../../../../test/fixtures/registrations');

interface Expected {
  kind: RegistrationFileKind;
  dataRows: number;
  ignoredColumns: string[];
  rejected: [line: number, reason: string][];
  /** Person key (email, or name for a row without one) → lines of the accepted rows. */
  persons: Record<string, number[]>;
}

const EXPECTED: Record<string, Expected> = {
  'eventbrite-export.csv': {
    kind: 'CSV',
    dataRows: 9,
    ignoredColumns: [
      'Order #',
      'Order Date',
      'Quantity',
      'Ticket Type',
      'Attendee #',
      'Barcode #',
      'Buyer Last Name',
      'Buyer First Name',
      'Buyer Email',
    ],
    rejected: [
      [6, 'Ogiltig e-postadress (adressen upprepas inte här: rätta den i filen på den raden)'],
      [8, 'Namn saknas'],
    ],
    persons: {
      'anna.lindqvist@umea.se': [2, 7],
      'erik.nordin@norrmejerier.se': [3],
      'maria.holm@skelleftea.se': [4],
      'Lena Ek': [9],
      'peter@sundstrom-konsult.se': [10],
      'fatima.haddad@regionvasterbotten.se': [11],
    },
  },
  'excel-semikolon-win1252.csv': {
    kind: 'CSV',
    dataRows: 9,
    ignoredColumns: [],
    rejected: [
      [8, 'Namn saknas'],
      [11, 'Ogiltig e-postadress (adressen upprepas inte här: rätta den i filen på den raden)'],
      [12, 'Okänd roll: "Gäst VIP" (använd t.ex. Publik, Talare, Moderator, Panel, Arrangör)'],
    ],
    persons: {
      'asa.oberg@skelleftea.se': [2, 7],
      'jorgen.arlig@norrmejerier.se': [3],
      'Märta Nyström': [5],
      'goran.odmark@foretagarna.se': [6],
      'eric.savstrom@regionvasterbotten.se': [9],
    },
  },
  'forms-with-linebreaks.csv': {
    kind: 'CSV',
    dataRows: 9,
    ignoredColumns: ['Tidstämpel', 'Övriga kommentarer'],
    rejected: [
      [9, 'Ogiltig e-postadress (adressen upprepas inte här: rätta den i filen på den raden)'],
      [11, 'Namn saknas'],
      [15, 'Okänd roll: "Volontär" (använd t.ex. Publik, Talare, Moderator, Panel, Arrangör)'],
    ],
    persons: {
      'karin.lundstrom@umu.se': [2, 10],
      'nils.persson@norrmejerier.se': [4],
      'Sara Berglund': [7],
      'mikael.astrom@lansstyrelsen.se': [12],
      'johan.strand@skelleftea.se': [16],
    },
  },
  'lyyti-export.xlsx': {
    kind: 'XLSX',
    dataRows: 8,
    ignoredColumns: ['Anmäld'],
    rejected: [
      [6, 'Okänd status: "Väntelista" (använd t.ex. Anmäld, Deltog, Uteblev, Avanmäld)'],
      [7, 'Namn saknas'],
      [8, 'Ogiltigt organisationsnummer: "556677-8890" (fel kontrollsiffra)'],
    ],
    persons: {
      'asa.oberg@skelleftea.se': [2, 9],
      'jorgen.arlig@norrmejerier.se': [3],
      'Märta Nyström': [5],
      'hanna.wikstrom@norrmejerier.se': [10],
    },
  },
};

interface Read {
  kind: RegistrationFileKind | null;
  ignoredColumns: string[];
  dataRows: number;
  accepted: RegistrationRow[];
  rejected: [number, string][];
  persons: Record<string, number[]>;
}

async function read(name: string): Promise<Read> {
  const bytes = readFileSync(join(DIR, name));
  const kind = sniffRegistrationFile(bytes);
  const table = await readRegistrationTable(bytes, kind ?? 'CSV');
  const mapping = recogniseColumns(table.headers);
  const results = table.rows
    .map((row) => interpretRow(row.cells, mapping, row.line))
    .filter((r) => r !== null);
  const accepted = results.flatMap((r) => (r.ok ? [r.row] : []));
  const persons: Record<string, number[]> = {};
  for (const row of accepted) (persons[row.email ?? row.name] ??= []).push(row.line);
  return {
    kind,
    ignoredColumns: mapping.ignoredColumns,
    dataRows: results.length,
    accepted,
    rejected: results.flatMap((r) => (r.ok ? [] : [[r.line, r.reason] as [number, string]])),
    persons,
  };
}

/** The README's tables, by the text of their first header cell: rows of trimmed cells, backticks removed. */
function readmeTables(): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  let current: string[][] | null = null;
  const cellsOf = (line: string): string[] =>
    line
      .trim()
      .replace(/^\||\|$/gu, '')
      .split('|')
      .map((cell) => cell.trim().replace(/^`(.*)`$/u, '$1'));
  for (const line of readFileSync(join(DIR, 'README.md'), 'utf8').split('\n')) {
    if (!line.trim().startsWith('|')) {
      current = null;
    } else if (current === null) {
      current = [];
      tables.set(cellsOf(line).join(' | '), current);
    } else if (!/^\|[\s:|-]+\|$/u.test(line.trim())) {
      current.push(cellsOf(line));
    }
  }
  return tables;
}

describe('registration fixtures (test/fixtures/registrations)', () => {
  const tables = readmeTables();
  const table = (header: string): string[][] => {
    const rows = tables.get(header);
    if (!rows) throw new Error(`README.md has no table headed "${header}"`);
    return rows;
  };

  describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    let actual: Read;
    beforeAll(async () => {
      actual = await read(name);
    });

    it('is sniffed as its kind and maps its columns', () => {
      expect(actual.kind).toBe(expected.kind);
      expect(actual.ignoredColumns).toEqual(expected.ignoredColumns);
    });

    it('has the data rows, rejections and persons listed here', () => {
      expect(actual.dataRows).toBe(expected.dataRows);
      expect(actual.rejected).toEqual(expected.rejected);
      expect(actual.persons).toEqual(expected.persons);
      expect(actual.accepted).toHaveLength(expected.dataRows - expected.rejected.length);
    });

    it('matches the README', () => {
      const accepted = expected.dataRows - expected.rejected.length;
      expect(
        table('Fixture | Kind | Data rows | Accepted | Rejected | Distinct persons').filter(
          (r) => r[0] === name,
        ),
      ).toEqual([
        [
          name,
          expected.kind,
          String(expected.dataRows),
          String(accepted),
          String(expected.rejected.length),
          String(Object.keys(expected.persons).length),
        ],
      ]);
      expect(table('Fixture | Line | Reason').filter((r) => r[0] === name)).toEqual(
        expected.rejected.map(([line, reason]) => [name, String(line), reason]),
      );
      expect(
        table('Fixture | Person (email, or name without one) | Accepted lines').filter((r) => r[0] === name),
      ).toEqual(Object.entries(expected.persons).map(([person, lines]) => [name, person, lines.join(', ')]));
    });
  });

  it('reads the Swedish letters of the Windows-1252 file', async () => {
    const { accepted } = await read('excel-semikolon-win1252.csv');
    expect(accepted.map((row) => row.name)).toEqual([
      'Åsa Öberg',
      'Jörgen Ärlig',
      'Märta Nyström',
      'Göran Ödmark',
      'Åsa Öberg',
      'Éric Sävström',
    ]);
    expect(accepted.map((row) => row.municipality)).toEqual([
      'Skellefteå',
      'Umeå',
      'Vilhelmina',
      'Stockholm',
      'Skellefteå',
      'Umeå',
    ]);
  });

  it('reads the rows of the Eventbrite export as the event tool meant them', async () => {
    const { accepted } = await read('eventbrite-export.csv');
    expect(accepted.map((row) => [row.line, row.organisation, row.title, row.status])).toEqual([
      [2, 'Umeå kommun', 'Näringslivsutvecklare', 'ATTENDED'],
      [3, 'Norrmejerier AB', 'Inköpschef', 'REGISTERED'],
      [4, 'Skellefteå kommun', 'Kommunstrateg', 'ATTENDED'],
      [7, 'Umeå kommun', 'Näringslivsutvecklare', 'ATTENDED'],
      [9, 'NORRMEJERIER', 'Controller', 'CANCELLED'],
      [10, 'Sundström Konsult', 'VD', 'CANCELLED'],
      [11, 'Region Västerbotten', 'Utvecklingsstrateg', 'ATTENDED'],
    ]);
  });

  it('reads the Lyyti workbook cell types', async () => {
    const { accepted } = await read('lyyti-export.xlsx');
    expect(
      accepted.map((row) => [row.name, row.email, row.organisationNumber, row.title, row.municipality]),
    ).toEqual([
      ['Åsa Öberg', 'asa.oberg@skelleftea.se', '212000-2650', 'Kulturchef', 'Skellefteå'],
      ['Jörgen Ärlig', 'jorgen.arlig@norrmejerier.se', '769600-0608', 'PRODUKTIONSCHEF', '2480'],
      ['Märta Nyström', null, '212000-2460', 'Kommundirektör', '2462'],
      ['Åsa Öberg', 'asa.oberg@skelleftea.se', null, 'Kulturchef', 'Skellefteå'],
      ['Hanna Wikström', 'hanna.wikstrom@norrmejerier.se', null, 'Hållbarhetschef', 'Umeå'],
    ]);
    expect(accepted.map((row) => [row.role, row.status, row.gender])).toEqual([
      ['SPEAKER', 'ATTENDED', 'WOMAN'],
      ['AUDIENCE', 'REGISTERED', 'MAN'],
      ['MODERATOR', 'NO_SHOW', 'NOT_STATED'],
      ['PANELIST', 'REGISTERED', 'WOMAN'],
      ['PANELIST', 'ATTENDED', 'WOMAN'],
    ]);
  });
});
