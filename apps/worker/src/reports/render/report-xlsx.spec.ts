import { COUNTY_MUNICIPALITIES, discloseReport, ReportFigures } from '@crm/domain';
import { CellValue, ValueType, Workbook, Worksheet } from 'exceljs';
import { renderReportXlsx, XLSX_SHEET_NAMES } from './report-xlsx';
import { SAMPLE_CHANGES, SAMPLE_FIGURES } from './sample-figures';

const GENERATED_AT = new Date('2026-10-05T07:12:00Z');

async function open(buffer: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function rowValues(ws: Worksheet, row: number): CellValue[] {
  const values: CellValue[] = [];
  ws.getRow(row).eachCell({ includeEmpty: true }, (cell, col) => {
    values[col - 1] = cell.value;
  });
  return values;
}

function header(ws: Worksheet): CellValue[] {
  return rowValues(ws, 1);
}

/** The first row whose column A holds `label`. */
function rowOf(ws: Worksheet, label: string): CellValue[] {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return rowValues(ws, r);
  throw new Error(`No row "${label}" in ${ws.name}`);
}

function sheetOf(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`No sheet ${name}`);
  return ws;
}

describe('renderReportXlsx', () => {
  let wb: Workbook;

  beforeAll(async () => {
    wb = await open(
      await renderReportXlsx(SAMPLE_FIGURES, {
        version: 2,
        generatedAt: GENERATED_AT,
        minCount: 3,
        changes: SAMPLE_CHANGES,
      }),
    );
  });

  it('has one sheet per section, "Ändringar" last', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([...XLSX_SHEET_NAMES]);
  });

  it('has no "Ändringar" sheet in version 1', async () => {
    const v1 = await open(
      await renderReportXlsx(SAMPLE_FIGURES, {
        version: 1,
        generatedAt: GENERATED_AT,
        minCount: 3,
        changes: null,
      }),
    );
    expect(v1.worksheets.map((ws) => ws.name)).toEqual(XLSX_SHEET_NAMES.filter((n) => n !== 'Ändringar'));
  });

  it('freezes a bold header row on every sheet and sets column widths', () => {
    for (const ws of wb.worksheets) {
      expect({ sheet: ws.name, view: ws.views[0] }).toMatchObject({
        sheet: ws.name,
        view: { state: 'frozen', ySplit: 1 },
      });
      expect({ sheet: ws.name, bold: ws.getRow(1).getCell(1).font?.bold }).toEqual({
        sheet: ws.name,
        bold: true,
      });
      expect(ws.getColumn(1).width).toBeGreaterThan(8);
    }
  });

  it('has Swedish column headers', () => {
    expect(header(sheetOf(wb, 'Sammanfattning'))).toEqual([
      'Mått',
      '2026 K3',
      '2026 K2',
      '2025 K3',
      'Förändring mot 2026 K2',
      'Förändring mot 2025 K3',
    ]);
    expect(header(sheetOf(wb, 'Stegen'))[0]).toBe('Steg vid kvartalets slut');
    expect(header(sheetOf(wb, 'Förflyttningar'))).toEqual([
      'Från (rad) / till (kolumn)',
      'Inte engagerad',
      '1. Medvetenhet',
      '2. Intresse',
      '3. Deltagande',
      '4. Samverkan',
      '5. Påverkan och handling',
      'Summa vid kvartalets början',
    ]);
    expect(header(sheetOf(wb, 'Historik'))[0]).toBe('Kvartal');
    expect(header(sheetOf(wb, 'Mötesplatser')).slice(0, 4)).toEqual([
      'Mötesplats',
      'Evenemang 2026 K3',
      'Evenemang 2026 K2',
      'Evenemang 2025 K3',
    ]);
    expect(header(sheetOf(wb, 'Sektorer'))[0]).toBe('Sektor');
    expect(header(sheetOf(wb, 'Initiativ'))).toEqual([
      'Initiativ',
      'Typ',
      'Sektorer',
      'Antal sektorer',
      'Medlemmar',
    ]);
    expect(header(sheetOf(wb, 'Kommuner'))).toEqual([
      'Kommunkod',
      'Område',
      'Typ av område',
      'Delregion',
      'Engagerade 2026 K3',
      'Engagerade 2026 K2',
      'Engagerade 2025 K3',
      'Deltagare 2026 K3',
      'Deltagare 2026 K2',
      'Deltagare 2025 K3',
    ]);
    expect(header(sheetOf(wb, 'Kön')).slice(0, 8)).toEqual([
      'Grupp',
      'Typ av grupp',
      'Urval',
      'Kvinna',
      'Man',
      'Icke-binär',
      'Ej angivet',
      'Totalt',
    ]);
    expect(header(sheetOf(wb, 'Steg 5'))).toEqual(['Organisation', 'Datum', 'Varför']);
    expect(header(sheetOf(wb, 'Ändringar'))).toEqual(['Siffra', 'Före', 'Efter', 'Skillnad']);
  });

  it('puts the summary figures in as numbers', () => {
    const ws = sheetOf(wb, 'Sammanfattning');
    expect(rowOf(ws, 'Engagerade aktörer')).toEqual(['Engagerade aktörer', 412, 355, 292, 57, 120]);
    expect(rowOf(ws, 'Aktörer vid två eller fler mötesplatser')).toEqual([
      'Aktörer vid två eller fler mötesplatser',
      57,
      49,
      38,
      8,
      19,
    ]);
    // The largest changes, chosen among the figures the committee may see.
    expect(rowOf(ws, 'Västerbotten i Almedalen, unika aktörer').slice(0, 2)).toEqual([
      'Västerbotten i Almedalen, unika aktörer',
      -83,
    ]);
    expect(rowOf(ws, 'Version')).toEqual(['Version', 2]);
  });

  it('has the steps, the movement matrix and the history', () => {
    expect(rowOf(sheetOf(wb, 'Stegen'), '1. Medvetenhet')).toEqual(['1. Medvetenhet', 168, 150, 131, 18, 37]);
    expect(rowOf(sheetOf(wb, 'Stegen'), 'Totalt engagerade')).toEqual([
      'Totalt engagerade',
      412,
      355,
      292,
      57,
      120,
    ]);
    const active = rowOf(sheetOf(wb, 'Stegen'), 'Andel aktiva (steg 3–5)');
    expect(active[1]).toBeCloseTo(132 / 412, 10);

    const movement = sheetOf(wb, 'Förflyttningar');
    // 1..2 withheld, and a second cell wherever a row's or column's sum would give one away.
    expect(rowOf(movement, 'Inte engagerad')).toEqual(['Inte engagerad', null, 44, 11, '<3', '<3', 0, 61]);
    expect(rowOf(movement, '1. Medvetenhet')).toEqual(['1. Medvetenhet', '<3', 118, 22, 6, '<3', 0, 150]);
    expect(rowOf(movement, 'Summa vid kvartalets slut').slice(0, 7)).toEqual([
      'Summa vid kvartalets slut',
      4,
      168,
      112,
      74,
      42,
      16,
    ]);
    expect(rowOf(movement, 'Klev upp')).toEqual(['Klev upp', 66]);
    expect(rowOf(movement, 'Gick ned')).toEqual(['Gick ned', 18]);

    const history = sheetOf(wb, 'Historik');
    expect(history.rowCount).toBe(1 + 5);
    expect(rowOf(history, '2026 K3').slice(0, 7)).toEqual(['2026 K3', 168, 112, 74, 42, 16, 412]);
  });

  it('has every meeting place with its ladder mix, and the synergy', () => {
    const ws = sheetOf(wb, 'Mötesplatser');
    expect(rowOf(ws, 'Mötesplats Lycksele').slice(0, 18)).toEqual([
      'Mötesplats Lycksele',
      7,
      1,
      6,
      171,
      22,
      150,
      143,
      19,
      121,
      31,
      4,
      26,
      44,
      37,
      31,
      20,
      11,
    ]);
    expect(rowOf(ws, 'Aktörer vid två eller fler mötesplatser')).toEqual([
      'Aktörer vid två eller fler mötesplatser',
      57,
      49,
      38,
    ]);
  });

  it('has sectors and cross-sector initiatives', () => {
    expect(rowOf(sheetOf(wb, 'Sektorer'), 'Näringsliv').slice(0, 9)).toEqual([
      'Näringsliv',
      58,
      36,
      20,
      10,
      4,
      128,
      108,
      86,
    ]);
    expect(rowOf(sheetOf(wb, 'Initiativ'), 'Påverkansarbete för Norrbotniabanan')).toEqual([
      'Påverkansarbete för Norrbotniabanan',
      'Eget initiativ',
      'Näringsliv, Offentlig sektor',
      2,
      9,
    ]);
  });

  it('lists the 15 municipalities in county order with numbers, zeros included, then the other areas', () => {
    const ws = sheetOf(wb, 'Kommuner');
    const municipalities = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const values = rowValues(ws, r);
      if (values[2] === 'Kommun') municipalities.push(values);
    }
    expect(municipalities).toHaveLength(15);
    expect(municipalities.map((m) => m[0])).toEqual(COUNTY_MUNICIPALITIES.map((m) => m.code));
    const disclosed = discloseReport(SAMPLE_FIGURES, 3).figures;
    const shown = (n: number | null) => (n === null ? '<3' : n);
    municipalities.forEach((values, i) => {
      const m = disclosed.municipalities[i];
      expect(values.slice(1)).toEqual([
        m.nameSv,
        'Kommun',
        expect.any(String),
        shown(m.engaged.current),
        shown(m.engaged.previousQuarter),
        shown(m.engaged.yearEarlier),
        shown(m.participants.current),
        shown(m.participants.previousQuarter),
        shown(m.participants.yearEarlier),
      ]);
      for (const value of values.slice(4)) expect([1, 2]).not.toContain(value);
    });
    expect(rowOf(ws, '2422').slice(4)).toEqual(['<3', '<3', 0, '<3', 0, 0]);
    expect(rowOf(ws, '2403').slice(0, 5)).toEqual(['2403', 'Bjurholm', 'Kommun', 'Umeåregionen', 0]);
    const types = [];
    for (let r = 2; r <= ws.rowCount; r++) types.push(rowValues(ws, r)[2]);
    expect(types.slice(15)).toEqual(['Delregion', 'Delregion', 'Delregion', 'Utanför länet', 'Okänd ort']);
    expect(rowValues(ws, 17).slice(1)).toEqual([
      'Umeåregionen',
      'Delregion',
      'Umeåregionen',
      198,
      176,
      144,
      133,
      114,
      129,
    ]);
    expect(rowValues(ws, 20)).toEqual([
      null,
      'Utanför länet',
      'Utanför länet',
      null,
      88,
      79,
      61,
      64,
      102,
      58,
    ]);
    expect(rowValues(ws, 21)).toEqual([null, 'Okänd ort', 'Okänd ort', null, 9, 8, 7, 4, 5, 3]);
  });

  it('has gender counts and shares for all participants and on stage', () => {
    const ws = sheetOf(wb, 'Kön');
    const first = rowValues(ws, 2);
    expect(first.slice(0, 8)).toEqual(['2026 K3', 'Hela kvartalet', 'Alla deltagare', 131, 118, 3, 19, 271]);
    expect(first[8]).toBeCloseTo(131 / 271, 10);
    const onStage = rowValues(ws, 3);
    expect(onStage.slice(2, 8)).toEqual(['På scen', 24, 29, '<3', '<3', 56]);
    expect(onStage.slice(10, 12)).toEqual(['..', '..']); // shares of withheld counts
    expect(ws.rowCount).toBe(1 + 2 * (1 + 4 + 4));
  });

  it('names organisations that reached step 5, with real dates, and only counts persons', () => {
    const ws = sheetOf(wb, 'Steg 5');
    const first = rowValues(ws, 2);
    expect(first[0]).toBe('Näringslivsföreningen Kusten');
    expect(first[1]).toEqual(new Date(Date.UTC(2026, 7, 19)));
    expect(ws.getRow(2).getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(rowOf(ws, 'Personer per sektor').slice(0, 2)).toEqual(['Personer per sektor', 'Personer']);
    expect(rowOf(ws, 'Offentlig sektor').slice(0, 2)).toEqual(['Offentlig sektor', '<3']);
    expect(rowOf(ws, 'Totalt').slice(0, 2)).toEqual(['Totalt', '<3']);
    expect(rowOf(ws, 'Mötesplats Lycksele').slice(0, 2)).toEqual(['Mötesplats Lycksele', '<3']);
    const all: CellValue[] = [];
    ws.eachRow((row) => row.eachCell((cell) => all.push(cell.value)));
    expect(JSON.stringify(all)).not.toMatch(/Verksamhetschef|Forskare/);
  });

  it('lists the changes since the previous version', () => {
    const ws = sheetOf(wb, 'Ändringar');
    expect(rowValues(ws, 2)).toEqual(['Stegen vid kvartalets slut › Deltagande', 73, 74, 1]);
    expect(rowValues(ws, 3)).toEqual(['Kommuner › Sorsele › Engagerade aktörer', '<3', '<3', '..']);
  });

  it('writes text that looks like a formula as a string cell, never a formula', async () => {
    const f: ReportFigures = structuredClone(SAMPLE_FIGURES);
    f.crossSectorInitiatives[0].name = '=HYPERLINK("http://x","klicka")';
    f.reachedInfluence[0].descriptionSv = '+SUM(A1)';
    f.reachedInfluence[0].reasonSv = '@SUM(1+1)*cmd|"/C calc"!A0';
    const hostile = await open(
      await renderReportXlsx(f, { version: 1, generatedAt: GENERATED_AT, minCount: 3, changes: null }),
    );
    const cells = [
      sheetOf(hostile, 'Initiativ').getRow(2).getCell(1),
      sheetOf(hostile, 'Steg 5').getRow(2).getCell(1),
      sheetOf(hostile, 'Steg 5').getRow(2).getCell(3),
    ];
    expect(cells.map((c) => c.value)).toEqual([
      '=HYPERLINK("http://x","klicka")',
      '+SUM(A1)',
      '@SUM(1+1)*cmd|"/C calc"!A0',
    ]);
    for (const cell of cells) {
      expect(cell.type).toBe(ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('stores no number as text (municipality codes are identifiers, not numbers)', () => {
    const numberLike = /^[+\-\u2212]?\d[\d\s\u00a0]*(,\d+)?\s?%?$/;
    for (const ws of wb.worksheets) {
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (ws.name === 'Kommuner' && c === 1) return;
          if (typeof cell.value === 'string' && numberLike.test(cell.value.trim()))
            throw new Error(`${ws.name}!R${r}C${c} holds a number as text: ${cell.value}`);
        });
      });
    }
  });
});
