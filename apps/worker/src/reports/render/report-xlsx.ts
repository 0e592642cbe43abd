// The numbers behind the committee's report as a Swedish spreadsheet: one sheet per section, every
// figure a number cell, header rows bold and frozen. Pure: figures in, bytes out.
//
// The committee's document: the figures go through disclosure control here, and a withheld count
// is the text "<3" (a change or share that would need one is ".."). Text from the database
// (organisation, initiative and event names, reasons) is always a string cell, never a formula,
// however it begins ("=HYPERLINK(…)", "+SUM(A1)"); exceljs 4.4 has no quotePrefix style to add.
import {
  Compared,
  DisclosedReport,
  FigureChange,
  Gender,
  GenderSplit,
  genderLabelSv,
  LADDER_STEPS,
  ReportFigures,
  sectorLabelSv,
  StepCount,
  suppressedLabel,
} from '@crm/domain';
import { Workbook, Worksheet } from 'exceljs';
import { ReportDocumentMeta } from './document-meta';
import { calendarDate, formatGeneratedAt, shareOf, WITHHELD_SV } from './format';
import {
  Count,
  countOn,
  DisclosedFigures,
  documentChanges,
  documentReport,
  GENDERS,
  genderCount,
  levelLabel,
  MOVEMENT_LEVELS,
  movementSummary,
  quarterLabel,
  reportTitle,
  stepLabel,
  subRegionName,
  summaryLines,
  SYNERGY_LABEL_SV,
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

/**
 * A cell: text, a count, a date, empty, or a number with its own format (shares, changes). Text is
 * always written as a string cell, whatever it begins with.
 */
type Cell = string | number | Date | null | { value: number | null; numFmt: string };

/** What a withheld count reads as ("<3"): set by each render before it builds the workbook. */
let withheld = suppressedLabel(3);

/** A disclosed count: the number, or "<3". */
const count = (n: Count): Cell => (n === null ? withheld : n);
const pct = (part: Count, whole: Count): Cell =>
  part === null || whole === null ? WITHHELD_SV : { value: shareOf(part, whole), numFmt: SHARE_FORMAT };
const diff = (current: Count, before: Count): Cell =>
  current === null || before === null ? WITHHELD_SV : { value: current - before, numFmt: CHANGE_FORMAT };

/**
 * The committee's spreadsheet. The figures go through disclosure control here (k = meta.minCount),
 * so it never shows a count of 1..k−1 persons, nor one that would give such a count away.
 */
export async function renderReportXlsx(figures: ReportFigures, meta: ReportDocumentMeta): Promise<Buffer> {
  const report = documentReport(figures, meta.minCount);
  const f = report.figures;
  withheld = suppressedLabel(meta.minCount);
  const changes = documentChanges(meta.changes, meta.minCount);
  const wb = new Workbook();
  wb.creator = 'Region Västerbotten';
  wb.lastModifiedBy = 'Region Västerbottens engagemangs-CRM';
  wb.title = reportTitle(f);
  wb.subject = `Siffrorna bakom engagemangsrapporten ${quarterLabel(f)}, version ${meta.version}`;
  wb.created = meta.generatedAt;
  wb.modified = meta.generatedAt;

  summarySheet(wb, report, meta);
  stepsSheet(wb, report);
  movementSheet(wb, report);
  historySheet(wb, report);
  meetingPlacesSheet(wb, report);
  sectorsSheet(wb, report);
  initiativesSheet(wb, f);
  municipalitiesSheet(wb, f);
  genderSheet(wb, report);
  influenceSheet(wb, f);
  if (changes !== null) changesSheet(wb, meta, changes);

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
      // A string is a string cell: never a formula, a hyperlink or a number, however it begins.
      if (typeof c === 'string') {
        cell.value = c;
        if (c === withheld || c === WITHHELD_SV) cell.alignment = { horizontal: 'right' };
      } else if (typeof c === 'number') cell.numFmt = COUNT_FORMAT;
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

function comparedHeaders(f: DisclosedFigures, prefix = ''): string[] {
  return [`${prefix}${quarterLabel(f)}`, `${prefix}${f.previousLabel}`, `${prefix}${f.yearEarlierLabel}`];
}

function changeHeaders(f: DisclosedFigures): string[] {
  return [`Förändring mot ${f.previousLabel}`, `Förändring mot ${f.yearEarlierLabel}`];
}

function compared(c: Compared<Count>): Cell[] {
  return [count(c.current), count(c.previousQuarter), count(c.yearEarlier)];
}

function changes(c: Compared<Count>): Cell[] {
  return [diff(c.current, c.previousQuarter), diff(c.current, c.yearEarlier)];
}

const stepHeaders = () => LADDER_STEPS.map(stepLabel);
const stepCells = (steps: readonly StepCount<Count>[]): Cell[] =>
  LADDER_STEPS.map((s) => count(countOn(steps, s)));

// ---------------------------------------------------------------------------------------------
// The sheets

function summarySheet(wb: Workbook, report: DisclosedReport, meta: ReportDocumentMeta): void {
  const f = report.figures;
  const lines = [
    ...summaryLines(f, report.minCount).map((l) => ({ label: l.labelSv, c: l.figure })),
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
    f.summary.largestChanges.map((c) => [c.subjectSv, { value: c.change, numFmt: CHANGE_FORMAT }, c.textSv]),
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
      [
        'Röjandeskydd',
        `Antal som omfattar personer och är mindre än ${report.minCount} visas som ”${withheld}”, liksom ett annat antal ` +
          'i samma tabell när summan annars skulle avslöja det; förändringar och andelar som skulle kräva ett sådant antal visas som ”..”.',
      ],
    ],
  );
  // Long texts (descriptions, the report's title) run on into the empty cells to their right
  // rather than widening the number columns.
  fitColumns(ws, 24);
  ws.getColumn(1).width = 48;
}

function stepsSheet(wb: Workbook, report: DisclosedReport): void {
  const f = report.figures;
  const l = f.ladder;
  const active = (label: string) => report.extras.activeAt[label] ?? null;
  const rows: Cell[][] = LADDER_STEPS.map((step) => {
    const c: Compared<Count> = {
      current: countOn(l.atEnd, step),
      previousQuarter: countOn(l.atEndPreviousQuarter, step),
      yearEarlier: countOn(l.atEndYearEarlier, step),
    };
    return [stepLabel(step), ...compared(c), ...changes(c)];
  });
  const totals = f.summary.engagedActors;
  rows.push(['Totalt engagerade', ...compared(totals), ...changes(totals)]);
  rows.push([
    'Andel aktiva (steg 3–5)',
    pct(active(quarterLabel(f)), totals.current),
    pct(active(f.previousLabel), totals.previousQuarter),
    pct(active(f.yearEarlierLabel), totals.yearEarlier),
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

function movementSheet(wb: Workbook, report: DisclosedReport): void {
  const m = report.extras.movement;
  const rows: Cell[][] = MOVEMENT_LEVELS.map((from, r) => [
    levelLabel(from),
    ...m.counts[r].map((n, c) => (r === 0 && c === 0 ? null : count(n))),
    count(m.rowTotals[r]),
  ]);
  rows.push(['Summa vid kvartalets slut', ...m.columnTotals.map(count), null]);
  const ws = sheet(
    wb,
    'Förflyttningar',
    ['Från (rad) / till (kolumn)', ...MOVEMENT_LEVELS.map(levelLabel), 'Summa vid kvartalets början'],
    rows,
  );
  addSubTable(
    ws,
    ['Förflyttning under kvartalet', 'Aktörer'],
    movementSummary(report).map((r) => [r.labelSv, count(r.count)]),
  );
  fitColumns(ws);
}

function historySheet(wb: Workbook, report: DisclosedReport): void {
  const { engagedAt, activeAt } = report.extras;
  const ws = sheet(
    wb,
    'Historik',
    ['Kvartal', ...stepHeaders(), 'Totalt engagerade', 'Andel aktiva (steg 3–5)'],
    report.figures.ladder.history.map((q) => [
      q.label,
      ...stepCells(q.steps),
      count(engagedAt[q.label] ?? null),
      pct(activeAt[q.label] ?? null, engagedAt[q.label] ?? null),
    ]),
  );
  fitColumns(ws);
}

function meetingPlacesSheet(wb: Workbook, report: DisclosedReport): void {
  const f = report.figures;
  const mix = (code: string) => report.extras.meetingPlaceMix[code];
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
      count(mix(m.code).total),
      pct(mix(m.code).active, mix(m.code).total),
    ]),
  );
  addSubTable(ws, ['Synergi', ...comparedHeaders(f)], [[SYNERGY_LABEL_SV, ...compared(f.synergy)]]);
  fitColumns(ws, 30);
  ws.getColumn(1).width = 42;
}

function sectorsSheet(wb: Workbook, report: DisclosedReport): void {
  const f = report.figures;
  const ws = sheet(
    wb,
    'Sektorer',
    ['Sektor', ...stepHeaders(), ...comparedHeaders(f, 'Engagerade '), 'Andel aktiva (steg 3–5)'],
    f.sectors.map((s) => [
      s.labelSv,
      ...stepCells(s.ladderMix),
      ...compared(s.engaged),
      pct(report.extras.sectorActive[s.sector] ?? null, s.engaged.current),
    ]),
  );
  fitColumns(ws);
}

function initiativesSheet(wb: Workbook, f: DisclosedFigures): void {
  const ws = sheet(
    wb,
    'Initiativ',
    ['Initiativ', 'Typ', 'Sektorer', 'Antal sektorer', 'Medlemmar'],
    f.crossSectorInitiatives.map((i) => [
      i.name,
      i.kindSv,
      i.sectors.map((s) => sectorLabelSv[s]).join(', '),
      i.sectors.length,
      count(i.members),
    ]),
  );
  fitColumns(ws);
}

function municipalitiesSheet(wb: Workbook, f: DisclosedFigures): void {
  const area = (
    code: string | null,
    name: string,
    kind: string,
    subRegion: string | null,
    a: { engaged: Compared<Count>; participants: Compared<Count> },
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

function genderSheet(wb: Workbook, report: DisclosedReport): void {
  const f = report.figures;
  const g = f.gender;
  const totals = report.extras.genderTotals;
  const groups: (GenderSplit<Count> & { label: string; kind: string; key: string })[] = [
    {
      label: quarterLabel(f),
      kind: 'Hela kvartalet',
      key: quarterLabel(f),
      participants: g.participants,
      onStage: g.onStage,
    },
    ...g.perMeetingPlace.map((m) => ({ ...m, label: m.nameSv, kind: 'Mötesplats', key: m.code })),
    ...g.lastFourQuarters.map((q) => ({ ...q, label: q.label, kind: 'Kvartal', key: q.label })),
  ];
  const rows: Cell[][] = groups.flatMap((grp) =>
    (
      [
        ['Alla deltagare', grp.participants, totals[grp.key].participants],
        ['På scen', grp.onStage, totals[grp.key].onStage],
      ] as const
    ).map(([selection, counts, sum]) => [
      grp.label,
      grp.kind,
      selection,
      ...GENDERS.map((gender) => count(genderCount(counts, gender))),
      count(sum),
      ...GENDERS.map((gender) => pct(genderCount(counts, gender), sum)),
    ]),
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

function influenceSheet(wb: Workbook, f: DisclosedFigures): void {
  const organisations = [...f.reachedInfluence].sort((a, b) => a.reachedOn.localeCompare(b.reachedOn));
  const ws = sheet(
    wb,
    'Steg 5',
    ['Organisation', 'Datum', 'Varför'],
    organisations.map((r) => [r.descriptionSv, calendarDate(r.reachedOn), r.reasonSv]),
  );
  // Persons who reached step 5: counted, never described.
  const persons = f.reachedInfluencePersons;
  if (persons) {
    addSubTable(
      ws,
      ['Personer per sektor', 'Personer'],
      [
        ...persons.perSector.map((s): Cell[] => [s.labelSv, count(s.count)]),
        ['Totalt', count(persons.total)],
      ],
    );
    if (persons.perMeetingPlace.length > 0) {
      addSubTable(
        ws,
        ['Personer per mötesplats där de deltog under kvartalet', 'Personer'],
        persons.perMeetingPlace.map((p): Cell[] => [p.nameSv, count(p.count)]),
      );
    }
  }
  fitColumns(ws, 80);
  ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

function changesSheet(wb: Workbook, meta: ReportDocumentMeta, list: readonly FigureChange<Count>[]): void {
  const ws = sheet(
    wb,
    'Ändringar',
    ['Siffra', 'Före', 'Efter', 'Skillnad'],
    list.map((c) => [c.whatSv, count(c.before), count(c.after), diff(c.after, c.before)]),
  );
  if (list.length === 0) ws.addRow([`Inga siffror har ändrats sedan version ${meta.version - 1}.`]);
  fitColumns(ws);
}
