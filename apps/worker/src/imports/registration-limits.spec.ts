import { DomainValidationError } from '@crm/domain';
/* eslint-disable @nx/enforce-module-boundaries -- the zip writer for hostile files is shared with
   the end-to-end tests and stays out of the build */
import { inlineRow, repeated, SHEET_END, SHEET_START, xlsxEntries, zip } from '../../../../test/support/zip';
/* eslint-enable @nx/enforce-module-boundaries */
import { DEFAULT_IMPORT_LIMITS, ImportLimits } from './import-limits';
import { readRegistrationTable } from './registration-file';
import { MAX_COLUMNS, MAX_SHARED_STRINGS } from './xlsx-reader';

async function errorOf(promise: Promise<unknown>): Promise<DomainValidationError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

const small: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxRows: 50 };
const ROWS_REASON = /^Listan har fler än 50 000 rader \(tomma rader som filen innehåller räknas också\)/u;

function csvRows(count: number, from = 1): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += `Person ${i};person${i}@example.se\n`;
  return text;
}

async function sheet(rows: Iterable<Buffer> | string, extra: Parameters<typeof xlsxEntries>[1] = []) {
  const body = typeof rows === 'string' ? [Buffer.from(SHEET_START + rows + SHEET_END)] : rows;
  return zip(xlsxEntries({ data: body }, extra));
}

function* sheetOf(rowChunks: Iterable<string>): Iterable<Buffer> {
  yield Buffer.from(SHEET_START);
  for (const chunk of rowChunks) yield Buffer.from(chunk);
  yield Buffer.from(SHEET_END);
}

describe('registration lists larger than a list can be', () => {
  it('refuses a CSV of 60,000 rows with the row reason, and reads one of exactly the limit', async () => {
    const over = Buffer.from(`Namn;E-post\n${csvRows(60_000)}`);
    const error = await errorOf(readRegistrationTable(over, 'CSV'));
    expect(error.field).toBe('file');
    expect(error.message).toMatch(ROWS_REASON);

    const atLimit = await readRegistrationTable(Buffer.from(`Namn;E-post\n${csvRows(50)}`), 'CSV', small);
    expect(atLimit.rows).toHaveLength(50);
    const oneMore = await errorOf(
      readRegistrationTable(Buffer.from(`Namn;E-post\n${csvRows(51)}`), 'CSV', small),
    );
    expect(oneMore.message).toMatch(/^Listan har fler än 50 rader/u);
  });

  it('counts blank records (";;;") a CSV stores towards the limit, but not as data rows', async () => {
    const blanks = (n: number) => ';;;\n'.repeat(n);
    const few = await readRegistrationTable(
      Buffer.from(`Namn;E-post;;\n${csvRows(50)}${blanks(90)}`),
      'CSV',
      small,
    );
    expect(few.rows).toHaveLength(50);
    // 4 million of them: refused as soon as the reader passes the limit, without reading them all.
    const error = await errorOf(
      readRegistrationTable(Buffer.from(`Namn;E-post;;\n${csvRows(3)}${blanks(4_000_000)}`), 'CSV'),
    );
    expect(error.message).toMatch(ROWS_REASON);
  });

  it('refuses a CSV with a filled cell right of the column limit', async () => {
    const wide = `Namn${';'.repeat(MAX_COLUMNS)}Extra\nAnna${';'.repeat(MAX_COLUMNS)}x\n`;
    const error = await errorOf(readRegistrationTable(Buffer.from(wide), 'CSV'));
    expect(error.message).toMatch(/^Listan har uppgifter i fler än 1 000 kolumner/u);
    // Empty cells out there are dropped, not refused.
    const trailing = await readRegistrationTable(Buffer.from(`Namn${';'.repeat(2_000)}\nAnna\n`), 'CSV');
    expect(trailing.headers).toHaveLength(MAX_COLUMNS);
  });

  it('refuses an .xlsx of 60,000 rows with the row reason', async () => {
    const rows = function* () {
      yield inlineRow(1, ['Namn', 'E-post']);
      for (let r = 2; r <= 60_001; r++) yield inlineRow(r, [`Person ${r}`, `p${r}@example.se`]);
    };
    const error = await errorOf(readRegistrationTable(await sheet(sheetOf(rows())), 'XLSX'));
    expect(error.message).toMatch(ROWS_REASON);
  });

  it('stops reading an .xlsx of 4 million empty rows at the limit', async () => {
    const rows = function* () {
      yield inlineRow(1, ['Namn', 'E-post']);
      yield inlineRow(2, ['Anna Berg', 'anna@example.se']);
      for (let r = 3; r < 4_000_000; r += 10_000) {
        let chunk = '';
        for (let i = r; i < r + 10_000; i++) chunk += `<row r="${i}"/>`;
        yield chunk;
      }
    };
    const bytes = await zip(xlsxEntries({ data: sheetOf(rows()), level: 1 }));
    expect(bytes.length).toBeLessThan(20 * 1_048_576); // it passes the upload limit
    const error = await errorOf(readRegistrationTable(bytes, 'XLSX'));
    expect(error.message).toMatch(ROWS_REASON);
  });

  it('reads an .xlsx whose limits are just met, in Excel part order (sheet before strings and styles)', async () => {
    const sharedStrings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Namn</t></si><si><r><t>Å</t></r><r><t>sa</t></r><rPh><t>ア</t></rPh></si><si><t>Anmäld</t></si></sst>`;
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    let rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>`;
    for (let r = 2; r <= 51; r++) {
      rows += `<row r="${r}"><c r="A${r}" t="s"><v>1</v></c><c r="B${r}" s="${r % 2 ? 1 : 2}"><v>45730</v></c></row>`;
    }
    const bytes = await sheet(rows, [
      { name: 'xl/sharedStrings.xml', data: sharedStrings },
      { name: 'xl/styles.xml', data: styles },
    ]);
    const table = await readRegistrationTable(bytes, 'XLSX', small);
    expect(table.headers).toEqual(['Namn', 'Anmäld']);
    expect(table.rows).toHaveLength(50);
    expect(table.rows[0]).toEqual({ line: 2, cells: ['Åsa', '2025-03-14'] });
  });

  it('decodes letters split between two inflated chunks', async () => {
    const rows = function* () {
      yield inlineRow(1, ['Namn', 'Kommun']);
      for (let r = 2; r <= 3_001; r++) yield inlineRow(r, ['Åsa Öberg', 'Skellefteå']);
    };
    const table = await readRegistrationTable(await sheet(sheetOf(rows())), 'XLSX');
    expect(table.rows).toHaveLength(3_000);
    expect(new Set(table.rows.map((row) => row.cells.join('|')))).toEqual(new Set(['Åsa Öberg|Skellefteå']));
  });

  it('refuses an .xlsx whose sheet inflates to more than its header declares', async () => {
    const body = repeated(inlineRow(2, ['Anna Berg', 'anna@example.se']).repeat(1_000), 50);
    const lying = await zip(xlsxEntries({ data: body, declaredSize: 4_096 }));
    const error = await errorOf(readRegistrationTable(lying, 'XLSX'));
    expect(error.message).toMatch(/^Excel-filen är skadad/u);
  });

  it('refuses an .xlsx with more shared strings than a list can use, before holding them all', async () => {
    const strings = function* () {
      yield Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
      for (let i = 0; i <= MAX_SHARED_STRINGS; i += 10_000) {
        let chunk = '';
        for (let j = i; j < i + 10_000; j++) chunk += `<si><t>${j}</t></si>`;
        yield Buffer.from(chunk);
      }
      yield Buffer.from('</sst>');
    };
    const bytes = await sheet(`${inlineRow(1, ['Namn'])}${inlineRow(2, ['Anna'])}`, [
      { name: 'xl/sharedStrings.xml', data: strings() },
    ]);
    const error = await errorOf(readRegistrationTable(bytes, 'XLSX'));
    expect(error.message).toMatch(/^Listan innehåller mer data än en deltagarlista kan ha/u);
  });
});
