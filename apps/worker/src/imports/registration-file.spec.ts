import { DomainValidationError, sniffRegistrationFile } from '@crm/domain';
import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';
// The zip writer is shared with the end-to-end tests and stays out of the build.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { inlineRow, SHEET_START, xlsxEntries, zip } from '../../../../test/support/zip';
import { cellText, decodeCsv, readRegistrationTable, RegistrationTable } from './registration-file';

async function errorOf(promise: Promise<unknown>): Promise<DomainValidationError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

const csv = (text: string): Promise<RegistrationTable> =>
  readRegistrationTable(Buffer.from(text, 'utf8'), 'CSV');

async function xlsx(build: (workbook: Workbook) => void): Promise<Buffer> {
  const workbook = new Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readRegistrationTable: CSV', () => {
  it('reads a comma-separated file', async () => {
    expect(await csv('Namn,E-post\nAnna Berg,anna@x.se\nErik Ek,erik@x.se\n')).toEqual({
      headers: ['Namn', 'E-post'],
      rows: [
        { line: 2, cells: ['Anna Berg', 'anna@x.se'] },
        { line: 3, cells: ['Erik Ek', 'erik@x.se'] },
      ],
    });
  });

  it('reads semicolons (Swedish Excel) even when the cells contain commas', async () => {
    const table = await csv('Förnamn;Efternamn;Organisation\r\nÅsa;Öberg;Företagarna, Umeå\r\n');
    expect(table.headers).toEqual(['Förnamn', 'Efternamn', 'Organisation']);
    expect(table.rows).toEqual([{ line: 2, cells: ['Åsa', 'Öberg', 'Företagarna, Umeå'] }]);
  });

  it('reads tabs', async () => {
    const table = await csv('Namn\tE-post\nAnna, Berg\tanna@x.se\n');
    expect(table.rows).toEqual([{ line: 2, cells: ['Anna, Berg', 'anna@x.se'] }]);
  });

  it('takes the separator from the header line, ignoring separators inside quotes', async () => {
    const table = await csv('"Namn; fullständigt","E-post; jobb",Roll\n"Berg; Anna",a@x.se,Talare\n');
    expect(table.headers).toEqual(['Namn; fullständigt', 'E-post; jobb', 'Roll']);
    expect(table.rows[0]?.cells).toEqual(['Berg; Anna', 'a@x.se', 'Talare']);
  });

  it('follows Excel\'s "sep=" hint and keeps physical line numbers', async () => {
    const table = await csv('sep=;\r\nNamn;E-post\r\nAnna, Berg;anna@x.se\r\n');
    expect(table).toEqual({
      headers: ['Namn', 'E-post'],
      rows: [{ line: 3, cells: ['Anna, Berg', 'anna@x.se'] }],
    });
  });

  it('reads a single-column file', async () => {
    expect(await csv('Namn\nAnna Berg\n')).toEqual({
      headers: ['Namn'],
      rows: [{ line: 2, cells: ['Anna Berg'] }],
    });
  });

  it('decodes UTF-8 with a BOM, and the BOM does not end up in the first header', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Förnamn,E-post\nÅsa,å@x.se\n'),
    ]);
    const table = await readRegistrationTable(bytes, 'CSV');
    expect(table.headers).toEqual(['Förnamn', 'E-post']);
    expect(table.rows[0]?.cells).toEqual(['Åsa', 'å@x.se']);
  });

  it('decodes Windows-1252 bytes when they are not valid UTF-8', async () => {
    const text =
      'Förnamn;Efternamn;Kommun\r\nÅsa;Öberg;Skellefteå\r\nJörgen;Ärlig;Umeå\r\nÉric;Sävström;Malå\r\n';
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.includes(0xc5)).toBe(true); // Å as one byte: really not UTF-8
    const table = await readRegistrationTable(bytes, 'CSV');
    expect(table.headers).toEqual(['Förnamn', 'Efternamn', 'Kommun']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Åsa', 'Öberg', 'Skellefteå'],
      ['Jörgen', 'Ärlig', 'Umeå'],
      ['Éric', 'Sävström', 'Malå'],
    ]);
  });

  it('decodes the Windows-1252 characters outside Latin-1 (– and €)', () => {
    expect(decodeCsv(Buffer.from([0x96, 0x20, 0x80]))).toBe('– €');
  });

  it('decodes UTF-16LE with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const bytes = iconv.encode('Förnamn\tEfternamn\r\nÅsa\tÖberg\r\n', 'utf16le', { addBOM: true });
    expect(sniffRegistrationFile(bytes)).toBe('CSV');
    expect(await readRegistrationTable(bytes, 'CSV')).toEqual({
      headers: ['Förnamn', 'Efternamn'],
      rows: [{ line: 2, cells: ['Åsa', 'Öberg'] }],
    });
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', async () => {
    const text = [
      'Namn,Kommentar,E-post',
      '"Berg, Anna","Hon sa ""hej""",anna@x.se',
      'Erik Ek,"rad ett',
      'rad två',
      'rad tre",erik@x.se',
      'Lena Holm,"a\r\nb",lena@x.se',
      'Nils Nord,,nils@x.se',
    ].join('\n');
    const table = await csv(text);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Berg, Anna', 'Hon sa "hej"', 'anna@x.se'] },
      { line: 3, cells: ['Erik Ek', 'rad ett\nrad två\nrad tre', 'erik@x.se'] },
      { line: 6, cells: ['Lena Holm', 'a\r\nb', 'lena@x.se'] },
      { line: 8, cells: ['Nils Nord', '', 'nils@x.se'] },
    ]);
  });

  it('counts lines right after CRLF line breaks inside quotes (which csv-parse counts twice)', async () => {
    const text = 'Namn;Kommentar\r\nA;"1\r\n2\r\n3"\r\n\r\nB;"x\r\n\r\ny"\r\nC;z\r\n';
    const table = await csv(text);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'A'],
      [6, 'B'],
      [9, 'C'],
    ]);
  });

  it('skips empty and blank lines and all-blank records, keeping the line numbers of the others', async () => {
    const text = '\n\nNamn;E-post\n\n   \n;\n Anna ; anna@x.se \n\n\nErik;\n';
    expect(await csv(text)).toEqual({
      headers: ['Namn', 'E-post'],
      rows: [
        { line: 7, cells: ['Anna', 'anna@x.se'] },
        { line: 10, cells: ['Erik', ''] },
      ],
    });
  });

  it('trims and skips Unicode blanks (no-break and ideographic spaces), keeping the line numbers', async () => {
    const text = 'Namn;E-post\n\u00a0\nAnna;a@x.se\n\u00a0Erik\u202f;e@x.se\n\u3000\t\u00a0\nLena;l@x.se\n';
    expect((await csv(text)).rows).toEqual([
      { line: 3, cells: ['Anna', 'a@x.se'] },
      { line: 4, cells: ['Erik', 'e@x.se'] },
      { line: 6, cells: ['Lena', 'l@x.se'] },
    ]);
  });

  it('reads lines ending in CR only (old Mac Excel) and mixed endings', async () => {
    expect((await csv('Namn\rAnna\rErik')).rows).toEqual([
      { line: 2, cells: ['Anna'] },
      { line: 3, cells: ['Erik'] },
    ]);
    expect((await csv('Namn\r\nAnna\nErik\r\nLena')).rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('accepts rows with more or fewer cells than the header', async () => {
    expect((await csv('Namn,E-post\nAnna\nErik,e@x.se,extra\n')).rows).toEqual([
      { line: 2, cells: ['Anna'] },
      { line: 3, cells: ['Erik', 'e@x.se', 'extra'] },
    ]);
  });

  it('tolerates a quote inside an unquoted field', async () => {
    expect((await csv('Namn,E-post\nAnna "Ankan" Berg,a@x.se\n')).rows[0]?.cells).toEqual([
      'Anna "Ankan" Berg',
      'a@x.se',
    ]);
  });

  it('takes a title line above the table for what it is', async () => {
    const table = await csv(
      'Deltagarlista Grand Hotel 12 mars;;\r\n;;\r\nNamn;E-post;Roll\r\nAnna;a@x.se;Talare\r\n',
    );
    expect(table).toEqual({
      headers: ['Namn', 'E-post', 'Roll'],
      rows: [{ line: 4, cells: ['Anna', 'a@x.se', 'Talare'] }],
    });
  });

  it('keeps the first non-empty record as header when no later one names a name column', async () => {
    const table = await csv('Organisation;E-post\r\nUmeå kommun;a@x.se\r\n');
    expect(table.headers).toEqual(['Organisation', 'E-post']);
  });

  it.each([
    ['an empty file', ''],
    ['only blank lines', '\r\n  \r\n\r\n'],
    ['only separators', ';;;\n;;\n'],
  ])('refuses %s: no header row', async (_label, text) => {
    const error = await errorOf(csv(text));
    expect(error.field).toBe('file');
    expect(error.message).toBe('Filen är tom: den har ingen rubrikrad');
  });

  it('refuses an unclosed quote, naming the line where the record starts', async () => {
    const error = await errorOf(csv('Namn;Kommentar\r\nAnna;ok\r\n\r\nErik;"aldrig stängd\r\nLena;x\r\n'));
    expect(error.field).toBe('file');
    expect(error.message).toBe(
      'Filen kunde inte läsas som CSV: ett citattecken (") som börjar ett fält avslutas aldrig (posten som börjar på rad 4)',
    );
  });
});

describe('readRegistrationTable: XLSX', () => {
  it('reads text, rich text, hyperlinks, numbers, dates, booleans and formulas', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Deltagare');
      sheet.addRow([
        'Förnamn',
        'Efternamn',
        'E-post',
        'Kommun',
        'Anmäld',
        'Incheckad',
        'Närvaro',
        'Titel',
        'Poäng',
      ]);
      sheet.addRow([
        { richText: [{ text: 'Å', font: { bold: true } }, { text: 'sa' }] },
        'Öberg',
        { text: 'asa.oberg@skelleftea.se', hyperlink: 'mailto:asa.oberg@skelleftea.se' },
        2482,
        new Date(Date.UTC(2025, 2, 14)),
        new Date(Date.UTC(2025, 2, 14, 9, 12, 30)),
        true,
        { formula: 'UPPER("strateg")', result: 'STRATEG' },
        { formula: '0.1+0.2', result: 0.30000000000000004 },
      ]);
      sheet.addRow([
        'Jörgen',
        'Ärlig',
        { text: 'jorgen@x.se', hyperlink: 'mailto:jorgen@x.se' },
        1.5,
        null,
        null,
        false,
        { sharedFormula: 'H2', result: 'X' },
        { formula: 'NA()', result: { error: '#N/A' } },
      ]);
    });
    expect(sniffRegistrationFile(bytes)).toBe('XLSX');
    const table = await readRegistrationTable(bytes, 'XLSX');
    expect(table.headers).toEqual([
      'Förnamn',
      'Efternamn',
      'E-post',
      'Kommun',
      'Anmäld',
      'Incheckad',
      'Närvaro',
      'Titel',
      'Poäng',
    ]);
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: [
          'Åsa',
          'Öberg',
          'asa.oberg@skelleftea.se',
          '2482',
          '2025-03-14',
          '2025-03-14 09:12',
          'true',
          'STRATEG',
          '0.3',
        ],
      },
      { line: 3, cells: ['Jörgen', 'Ärlig', 'jorgen@x.se', '1.5', '', '', 'false', 'X', '#N/A'] },
    ]);
  });

  it('numbers rows as Excel does, skipping empty rows, and takes the first sheet with content', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('Tom');
      const sheet = workbook.addWorksheet('Lista');
      sheet.getCell('B3').value = 'Namn';
      sheet.getCell('C3').value = 'E-post';
      sheet.getCell('B4').value = 'Anna';
      sheet.getCell('B7').value = '  Erik  ';
      sheet.getCell('C7').value = 'erik@x.se';
      sheet.getCell('B8').value = '   ';
    });
    expect(await readRegistrationTable(bytes, 'XLSX')).toEqual({
      headers: ['', 'Namn', 'E-post'],
      rows: [
        { line: 4, cells: ['', 'Anna'] },
        { line: 7, cells: ['', 'Erik', 'erik@x.se'] },
      ],
    });
  });

  it('prefers a visible sheet to a hidden one', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('Koder', { state: 'hidden' }).addRow(['Kod', 'Namn']);
      workbook.addWorksheet('Deltagare').addRow(['Förnamn', 'Efternamn']);
    });
    expect((await readRegistrationTable(bytes, 'XLSX')).headers).toEqual(['Förnamn', 'Efternamn']);
  });

  it('shows a time-only cell as HH:mm, drops seconds, and shows a bare link as its address', () => {
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 14, 5)))).toBe('14:05');
    expect(cellText(new Date(Date.UTC(2025, 0, 2, 9, 59, 59, 700)))).toBe('2025-01-02 10:00');
    expect(cellText(new Date(Date.UTC(2025, 0, 2, 9, 59, 59)))).toBe('2025-01-02 09:59');
    expect(cellText({ text: '', hyperlink: 'mailto:Jorgen@x.se' })).toBe('Jorgen@x.se');
    expect(cellText(true)).toBe('true');
    expect(cellText(12345678901)).toBe('12345678901');
    expect(cellText(42)).toBe('42');
    expect(
      cellText({
        text: { richText: [{ text: 'a@' }, { text: 'x.se' }] } as unknown as string,
        hyperlink: 'x',
      }),
    ).toBe('a@x.se');
  });

  it('shows a cell holding nothing but a link as its address', async () => {
    const sheet =
      SHEET_START.replace(
        '<worksheet ',
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
      ) +
      inlineRow(1, ['Namn', 'E-post', 'Webb']) +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>Jörgen</t></is></c><c r="B2" s="1"/><c r="C2" t="inlineStr"><is><t>Hemsida</t></is></c></row>` +
      `</sheetData><hyperlinks><hyperlink ref="B2" r:id="rId1"/><hyperlink ref="C2" r:id="rId2"/></hyperlinks></worksheet>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:Jorgen@x.se" TargetMode="External"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://x.se" TargetMode="External"/></Relationships>`;
    const bytes = await zip(
      xlsxEntries({ data: sheet }, [{ name: 'xl/worksheets/_rels/sheet1.xml.rels', data: rels }]),
    );
    expect((await readRegistrationTable(bytes, 'XLSX')).rows).toEqual([
      { line: 2, cells: ['Jörgen', 'Jorgen@x.se', 'Hemsida'] },
    ]);
  });

  it('takes a title row above the table for what it is', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Lista');
      sheet.addRow(['Deltagarlista Digitala Västerbotten 2025']);
      sheet.mergeCells('A1:C1');
      sheet.addRow([]);
      sheet.addRow(['Namn', 'E-post', 'Roll']);
      sheet.addRow(['Anna', 'a@x.se', 'Talare']);
    });
    expect(await readRegistrationTable(bytes, 'XLSX')).toEqual({
      headers: ['Namn', 'E-post', 'Roll'],
      rows: [{ line: 4, cells: ['Anna', 'a@x.se', 'Talare'] }],
    });
  });

  it('refuses a workbook without sheets', async () => {
    const bytes = await xlsx(() => undefined);
    const error = await errorOf(readRegistrationTable(bytes, 'XLSX'));
    expect(error.field).toBe('file');
    expect(error.message).toBe('Excel-filen innehåller inga kalkylblad');
  });

  it('refuses a workbook whose sheets are all empty', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('Blad1');
      workbook.addWorksheet('Blad2').getCell('A1').value = '  ';
    });
    const error = await errorOf(readRegistrationTable(bytes, 'XLSX'));
    expect(error.message).toBe('Excel-filen är tom: inget kalkylblad har någon rubrikrad');
  });

  it('refuses bytes that are not a workbook', async () => {
    const error = await errorOf(readRegistrationTable(Buffer.from('PK\u0003\u0004 trasig'), 'XLSX'));
    expect(error.field).toBe('file');
    expect(error.message).toBe(
      'Filen kunde inte läsas som Excel-fil (.xlsx). Spara om den i Excel och försök igen.',
    );
  });
});
