// The numbers behind the committee's report as a Swedish spreadsheet: one sheet per section, every
// figure a number cell (never text), header rows bold and frozen. Pure: figures in, bytes out.
import {
  actorKindLabelSv,
  Compared,
  Gender,
  GenderSplit,
  genderLabelSv,
  LADDER_STEPS,
  ReportFigures,
  sectorLabelSv,
  StepCount,
} from '@crm/domain';
import { Workbook, Worksheet } from 'exceljs';
import { ReportDocumentMeta } from './document-meta';
import { calendarDate, formatGeneratedAt, shareOf } from './format';
import {
  activeCount,
  countOn,
  GENDERS,
  genderCount,
  levelLabel,
  MOVEMENT_LEVELS,
  movementMatrix,
  movementSummary,
  quarterLabel,
  reportTitle,
  stepLabel,
  subRegionName,
  summaryLines,
  SYNERGY_LABEL_SV,
  total,
} from './report-model';

/** Sheet names in workbook order ("Ändringar" only when the document has a version to compare with). */
export const XLSX_SHEET_NAMES = [
  'Sammanfattning',
  'Stegen',
  'Förflyttningar',
  'Historik',
  'Mötesplatser',
  'Sektorer',
  'Initiativ',
  'Kommuner',
  'Kön',
  'Steg 5',
  'Ändringar',
] as const;

const GENDER_SHARE_HEADER: Record<Gender, string> = {
  [Gender.WOMAN]: 'Andel kvinnor',
  [Gender.MAN]: 'Andel män',
  [Gender.NON_BINARY]: 'Andel icke-binära',
  [Gender.NOT_STATED]: 'Andel ej angivet',
};

const COUNT_FORMAT = '#,##0';
const CHANGE_FORMAT = '+#,##0;-#,##0;0';
const SHARE_FORMAT = '0 %';
const DATE_FORMAT = 'yyyy-mm-dd';
const HEADER_FILL = 'FFE8EEF6';

/** A cell: text, a count, a date, empty, or a number with its own format (shares, changes). */
type Cell = string | number | Date | null | { value: number | null; numFmt: string };

const pct = (part: number, whole: number): Cell => ({ value: shareOf(part, whole), numFmt: SHARE_FORMAT });
const diff = (n: number): Cell => ({ value: n, numFmt: CHANGE_FORMAT });

export async function renderReportXlsx(figures: ReportFigures, meta: ReportDocumentMeta): Promise<Buffer> {
  const f = figures;
  const wb = new Workbook();
  wb.creator = 'Region Västerbotten';
  wb.lastModifiedBy = 'Region Västerbottens engagemangs-CRM';
  wb.title = reportTitle(f);
  wb.subject = `Siffrorna bakom engagemangsrapporten ${quarterLabel(f)}, version ${meta.version}`;
  wb.created = meta.generatedAt;
  wb.modified = meta.generatedAt;

  summarySheet(wb, f, meta);
  stepsSheet(wb, f);
  movementSheet(wb, f);
  historySheet(wb, f);
  meetingPlacesSheet(wb, f);
  sectorsSheet(wb, f);
  initiativesSheet(wb, f);
  municipalitiesSheet(wb, f);
  genderSheet(wb, f);
  influenceSheet(wb, f);
  if (meta.changes !== null) changesSheet(wb, meta);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Sheet building

function sheet(
  wb: Workbook,
  name: (typeof XLSX_SHEET_NAMES)[number],
  header: string[],
  rows: Cell[][],
): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  addHeader(ws, header);
  addRows(ws, rows);
  return ws;
}

function addHeader(ws: Worksheet, header: string[]): void {
  const row = ws.addRow(header);
  row.font = { bold: true };
  row.alignment = { vertical: 'top', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
}

function addRows(ws: Worksheet, rows: Cell[][]): void {
  for (const cells of rows) {
    const row = ws.addRow(
      cells.map((c) => (c !== null && typeof c === 'object' && !(c instanceof Date) ? c.value : c)),
    );
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (typeof c === 'number') cell.numFmt = COUNT_FORMAT;
      else if (c instanceof Date) cell.numFmt = DATE_FORMAT;
      else if (c !== null && typeof c === 'object') cell.numFmt = c.numFmt;
    });
  }
}

/** A second table further down a sheet: a blank row, a bold header, its rows. */
function addSubTable(ws: Worksheet, header: string[], rows: Cell[][]): void {
  ws.addRow([]);
  addHeader(ws, header);
  addRows(ws, rows);
}

/** Widths from the longest text in each column (numbers get room for their formatted form). */
function fitColumns(ws: Worksheet, max = 60): void {
  const widths: number[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      const v = cell.value;
      const len =
        v instanceof Date
          ? 10
          : typeof v === 'number'
            ? String(Math.round(v)).length + 3
            : String(v ?? '')
                .split('\n')
                .reduce((m, line) => Math.max(m, line.length), 0);
      widths[col - 1] = Math.max(widths[col - 1] ?? 0, len);
    });
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(Math.max(w + 2, 10), max); // exceljs drops a width of 9 (its default)
  });
}

function comparedHeaders(f: ReportFigures, prefix = ''): string[] {
  return [`${prefix}${quarterLabel(f)}`, `${prefix}${f.previousLabel}`, `${prefix}${f.yearEarlierLabel}`];
}

function changeHeaders(f: ReportFigures): string[] {
  return [`Förändring mot ${f.previousLabel}`, `Förändring mot ${f.yearEarlierLabel}`];
}

function compared(c: Compared): Cell[] {
  return [c.current, c.previousQuarter, c.yearEarlier];
}

function changes(c: Compared): Cell[] {
  return [diff(c.current - c.previousQuarter), diff(c.current - c.yearEarlier)];
}

const stepHeaders = () => LADDER_STEPS.map(stepLabel);
const stepCells = (steps: readonly StepCount[]): Cell[] => LADDER_STEPS.map((s) => countOn(steps, s));

// ---------------------------------------------------------------------------------------------
// The sheets

function summarySheet(wb: Workbook, f: ReportFigures, meta: ReportDocumentMeta): void {
  const lines = [
    ...summaryLines(f).map((l) => ({ label: l.labelSv, c: l.figure })),
    { label: SYNERGY_LABEL_SV, c: f.synergy },
  ];
  const ws = sheet(
    wb,
    'Sammanfattning',
    ['Mått', ...comparedHeaders(f), ...changeHeaders(f)],
    lines.map((l) => [l.label, ...compared(l.c), ...changes(l.c)]),
  );
  addSubTable(
    ws,
    [`Största förändringarna jämfört med ${f.previousLabel}`, 'Förändring', 'Beskrivning'],
    f.summary.largestChanges.map((c) => [c.subjectSv, diff(c.change), c.textSv]),
  );
  addSubTable(
    ws,
    ['Om rapporten', 'Värde'],
    [
      ['Rapport', reportTitle(f)],
      ['Kvartal', quarterLabel(f)],
      ['Periodens första dag', calendarDate(f.periodStart)],
      ['Periodens sista dag', calendarDate(f.periodEnd)],
      ['Version', meta.version],
      ['Skapad', formatGeneratedAt(meta.generatedAt)],
    ],
  );
  // Long texts (descriptions, the report's title) run on into the empty cells to their right
  // rather than widening the number columns.
  fitColumns(ws, 24);
  ws.getColumn(1).width = 48;
}

function stepsSheet(wb: Workbook, f: ReportFigures): void {
  const l = f.ladder;
  const rows: Cell[][] = LADDER_STEPS.map((step) => {
    const c: Compared = {
      current: countOn(l.atEnd, step),
      previousQuarter: countOn(l.atEndPreviousQuarter, step),
      yearEarlier: countOn(l.atEndYearEarlier, step),
    };
    return [stepLabel(step), ...compared(c), ...changes(c)];
  });
  const totals: Compared = {
    current: total(l.atEnd),
    previousQuarter: total(l.atEndPreviousQuarter),
    yearEarlier: total(l.atEndYearEarlier),
  };
  rows.push(['Totalt engagerade', ...compared(totals), ...changes(totals)]);
  rows.push([
    'Andel aktiva (steg 3–5)',
    pct(activeCount(l.atEnd), totals.current),
    pct(activeCount(l.atEndPreviousQuarter), totals.previousQuarter),
    pct(activeCount(l.atEndYearEarlier), totals.yearEarlier),
  ]);
  const ws = sheet(
    wb,
    'Stegen',
    ['Steg vid kvartalets slut', ...comparedHeaders(f), ...changeHeaders(f)],
    rows,
  );
  ws.getRow(1 + LADDER_STEPS.length + 1).font = { bold: true }; // header, five steps, then the total
  fitColumns(ws);
}

function movementSheet(wb: Workbook, f: ReportFigures): void {
  const m = movementMatrix(f.ladder.movement);
  const rows: Cell[][] = MOVEMENT_LEVELS.map((from, r) => [levelLabel(from), ...m.counts[r], m.rowTotals[r]]);
  rows.push(['Summa vid kvartalets slut', ...m.columnTotals, null]);
  const ws = sheet(
    wb,
    'Förflyttningar',
    ['Från (rad) / till (kolumn)', ...MOVEMENT_LEVELS.map(levelLabel), 'Summa vid kvartalets början'],
    rows,
  );
  addSubTable(
    ws,
    ['Förflyttning under kvartalet', 'Aktörer'],
    movementSummary(f.ladder.movement).map((r) => [r.labelSv, r.count]),
  );
  fitColumns(ws);
}

function historySheet(wb: Workbook, f: ReportFigures): void {
  const ws = sheet(
    wb,
    'Historik',
    ['Kvartal', ...stepHeaders(), 'Totalt engagerade', 'Andel aktiva (steg 3–5)'],
    f.ladder.history.map((q) => [
      q.label,
      ...stepCells(q.steps),
      total(q.steps),
      pct(activeCount(q.steps), total(q.steps)),
    ]),
  );
  fitColumns(ws);
}

function meetingPlacesSheet(wb: Workbook, f: ReportFigures): void {
  const ws = sheet(
    wb,
    'Mötesplatser',
    [
      'Mötesplats',
      ...comparedHeaders(f, 'Evenemang '),
      ...comparedHeaders(f, 'Närvaro '),
      ...comparedHeaders(f, 'Unika aktörer '),
      ...comparedHeaders(f, 'Nya aktörer '),
      ...stepHeaders(),
      'Totalt på trappan',
      'Andel aktiva (steg 3–5)',
    ],
    f.meetingPlaces.map((m) => [
      m.nameSv,
      ...compared(m.eventsHeld),
      ...compared(m.attendance),
      ...compared(m.uniqueActors),
      ...compared(m.newActors),
      ...stepCells(m.ladderMix),
      total(m.ladderMix),
      pct(activeCount(m.ladderMix), total(m.ladderMix)),
    ]),
  );
  addSubTable(ws, ['Synergi', ...comparedHeaders(f)], [[SYNERGY_LABEL_SV, ...compared(f.synergy)]]);
  fitColumns(ws, 30);
  ws.getColumn(1).width = 42;
}

function sectorsSheet(wb: Workbook, f: ReportFigures): void {
  const ws = sheet(
    wb,
    'Sektorer',
    ['Sektor', ...stepHeaders(), ...comparedHeaders(f, 'Engagerade '), 'Andel aktiva (steg 3–5)'],
    f.sectors.map((s) => [
      s.labelSv,
      ...stepCells(s.ladderMix),
      ...compared(s.engaged),
      pct(activeCount(s.ladderMix), total(s.ladderMix)),
    ]),
  );
  fitColumns(ws);
}

function initiativesSheet(wb: Workbook, f: ReportFigures): void {
  const ws = sheet(
    wb,
    'Initiativ',
    ['Initiativ', 'Typ', 'Sektorer', 'Antal sektorer', 'Medlemmar'],
    f.crossSectorInitiatives.map((i) => [
      i.name,
      i.kindSv,
      i.sectors.map((s) => sectorLabelSv[s]).join(', '),
      i.sectors.length,
      i.members,
    ]),
  );
  fitColumns(ws);
}

function municipalitiesSheet(wb: Workbook, f: ReportFigures): void {
  const area = (
    code: string | null,
    name: string,
    kind: string,
    subRegion: string | null,
    a: { engaged: Compared; participants: Compared },
  ): Cell[] => [code, name, kind, subRegion, ...compared(a.engaged), ...compared(a.participants)];
  const rows: Cell[][] = [
    ...f.municipalities.map((m) => area(m.code, m.nameSv, 'Kommun', subRegionName(f, m.subRegion), m)),
    ...f.subRegions.map((r) => area(null, r.nameSv, 'Delregion', r.nameSv, r)),
    area(null, 'Utanför länet', 'Utanför länet', null, f.outsideCounty),
    area(null, 'Okänd ort', 'Okänd ort', null, f.unknownLocation),
  ];
  const ws = sheet(
    wb,
    'Kommuner',
    [
      'Kommunkod',
      'Område',
      'Typ av område',
      'Delregion',
      ...comparedHeaders(f, 'Engagerade '),
      ...comparedHeaders(f, 'Deltagare '),
    ],
    rows,
  );
  fitColumns(ws);
}

function genderSheet(wb: Workbook, f: ReportFigures): void {
  const g = f.gender;
  const groups: (GenderSplit & { label: string; kind: string })[] = [
    { label: quarterLabel(f), kind: 'Hela kvartalet', participants: g.participants, onStage: g.onStage },
    ...g.perMeetingPlace.map((m) => ({ ...m, label: m.nameSv, kind: 'Mötesplats' })),
    ...g.lastFourQuarters.map((q) => ({ ...q, label: q.label, kind: 'Kvartal' })),
  ];
  const rows: Cell[][] = groups.flatMap((grp) =>
    (
      [
        ['Alla deltagare', grp.participants],
        ['På scen', grp.onStage],
      ] as const
    ).map(([selection, counts]) => {
      const sum = total(counts);
      return [
        grp.label,
        grp.kind,
        selection,
        ...GENDERS.map((gender) => genderCount(counts, gender)),
        sum,
        ...GENDERS.map((gender) => pct(genderCount(counts, gender), sum)),
      ];
    }),
  );
  const ws = sheet(
    wb,
    'Kön',
    [
      'Grupp',
      'Typ av grupp',
      'Urval',
      ...GENDERS.map((gender) => genderLabelSv[gender]),
      'Totalt',
      ...GENDERS.map((gender) => GENDER_SHARE_HEADER[gender]),
    ],
    rows,
  );
  fitColumns(ws);
}

function influenceSheet(wb: Workbook, f: ReportFigures): void {
  const reached = [...f.reachedInfluence].sort((a, b) => a.reachedOn.localeCompare(b.reachedOn));
  const ws = sheet(
    wb,
    'Steg 5',
    ['Aktör', 'Typ', 'Datum', 'Varför'],
    reached.map((r) => [r.descriptionSv, actorKindLabelSv[r.kind], calendarDate(r.reachedOn), r.reasonSv]),
  );
  fitColumns(ws, 80);
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}

function changesSheet(wb: Workbook, meta: ReportDocumentMeta): void {
  const list = meta.changes ?? [];
  const ws = sheet(
    wb,
    'Ändringar',
    ['Siffra', 'Före', 'Efter', 'Skillnad'],
    list.map((c) => [c.whatSv, c.before, c.after, diff(c.after - c.before)]),
  );
  if (list.length === 0) ws.addRow([`Inga siffror har ändrats sedan version ${meta.version - 1}.`]);
  fitColumns(ws);
}
