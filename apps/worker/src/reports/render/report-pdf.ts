// The quarterly engagement report to the regional development committee (RUN) as a Swedish PDF:
// A4 portrait, Roboto (bundled with pdfmake, so å ä ö render on any server), vector charts.
// Pure: figures in, bytes out; no database, no network, no file other than the bundled fonts.
import {
  Compared,
  DisclosedReport,
  FigureChange,
  GenderCount,
  GenderSplit,
  LADDER_STEPS,
  genderLabelSv,
  ReportFigures,
  sectorLabelSv,
  StepCount,
  suppressedLabel,
} from '@crm/domain';
import { configurePdfmake, PDFA_2B, pdfaInfo } from '@crm/persistence';
import type {
  Content,
  ContentTable,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { ladderHistoryChart, ladderMixChart, movementChart, municipalityChart } from './charts';
import { ReportDocumentMeta } from './document-meta';
import {
  formatCalendarDate,
  formatChangeOf,
  formatDisclosed,
  formatGeneratedAt,
  formatPeriod,
  formatShareOf,
} from './format';
import {
  comparisonSv,
  Count,
  countOn,
  DisclosedFigures,
  documentChanges,
  documentReport,
  GENDERS,
  genderCount,
  joinSv,
  levelLabel,
  MOVEMENT_LEVELS,
  movementKind,
  MovementKind,
  movementSummary,
  quarterLabel,
  reportTitle,
  stepLabel,
  subRegionName,
  summaryLines,
  zeroMunicipalities,
} from './report-model';

/** The seven sections, in order; tests and the table of contents read these. */
export const PDF_SECTION_HEADINGS = [
  'Sammanfattning',
  'Engagemangstrappan',
  'Mötesplatserna',
  'Penta-helix: sektorerna',
  'Kommunerna',
  'Jämn könsfördelning',
  'Nått steg 5 under kvartalet',
] as const;

const PAGE_MARGINS: [number, number, number, number] = [48, 48, 48, 56];
/** A4 is 595.28 pt wide. */
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

const COLOUR = {
  heading: '#08427a',
  muted: '#555555',
  rule: '#9aa9bb',
  ruleLight: '#d5dde8',
  headerFill: '#e8eef6',
  totalFill: '#f3f5f8',
  zeroFill: '#fde9d9',
  boxFill: '#fff7e6',
  boxBorder: '#e0a030',
};

// Heat-map colours of the movement matrix, per kind of movement (full strength at the largest count).
const HEAT: Record<MovementKind, [number, number, number]> = {
  up: [46, 139, 87],
  down: [217, 130, 43],
  same: [140, 140, 140],
  entered: [47, 123, 191],
  left: [176, 65, 62],
  none: [255, 255, 255],
};

/** What a withheld count reads as ("<3"): set by each render before it builds the document. */
let withheld = suppressedLabel(3);

/**
 * The committee's PDF. The figures go through disclosure control here (k = meta.minCount), so the
 * document never shows a count of 1..k−1 persons, nor one that would give such a count away.
 */
export async function renderReportPdf(figures: ReportFigures, meta: ReportDocumentMeta): Promise<Buffer> {
  const report = documentReport(figures, meta.minCount);
  const f = report.figures;
  const label = (n: Count) => formatDisclosed(n, meta.minCount);
  const [historySvg, movementSvg, municipalitySvg, placesMixSvg, sectorsMixSvg] = await Promise.all([
    ladderHistoryChart(f.ladder.history, report.extras.engagedAt, label, CONTENT_WIDTH),
    movementChart(movementSummary(report), label, CONTENT_WIDTH),
    municipalityChart(f.municipalities, label, CONTENT_WIDTH),
    ladderMixChart(
      f.meetingPlaces.map((m) => ({ labelSv: m.nameSv, steps: m.ladderMix })),
      CONTENT_WIDTH,
    ),
    ladderMixChart(
      f.sectors.map((s) => ({ labelSv: s.labelSv, steps: s.ladderMix })),
      CONTENT_WIDTH,
    ),
  ]);
  withheld = suppressedLabel(meta.minCount);
  const changes = documentChanges(meta.changes, meta.minCount);

  const title = reportTitle(f);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    // PDF/A-2b, so the committee's copy can be archived as it is; every font is the embedded Roboto,
    // also in the charts.
    ...PDFA_2B,
    info: pdfaInfo({
      title,
      author: 'Region Västerbotten',
      subject: `Uppföljning av engagemangstrappan ${quarterLabel(f)}, version ${meta.version}`,
      creationDate: meta.generatedAt,
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 17, bold: true, color: COLOUR.heading, margin: [0, 0, 0, 6] },
      subtitle: { fontSize: 9.5, color: COLOUR.muted },
      h1: { fontSize: 15, bold: true, color: COLOUR.heading, margin: [0, 0, 0, 8] },
      h2: { fontSize: 11, bold: true, color: COLOUR.heading, margin: [0, 12, 0, 5] },
      lead: { margin: [0, 0, 0, 6] },
      note: { fontSize: 8, color: COLOUR.muted, margin: [0, 3, 0, 0] },
      th: { bold: true, fontSize: 8 },
      td: { fontSize: 8.5 },
    },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0],
      fontSize: 8,
      color: COLOUR.muted,
      columns: [
        { text: `Engagemangsrapport ${quarterLabel(f)}, version ${meta.version}` },
        { text: `Sida ${currentPage} av ${pageCount}`, alignment: 'right' },
      ],
    }),
    content: [
      titleBlock(f, meta),
      summarySection(report, meta, changes),
      ladderSection(report, historySvg, movementSvg),
      meetingPlaceSection(report, placesMixSvg),
      sectorSection(report, sectorsMixSvg),
      municipalitySection(f, municipalitySvg),
      genderSection(report),
      influenceSection(f),
    ],
  };

  return configurePdfmake().createPdf(doc).getBuffer();
}

// ---------------------------------------------------------------------------------------------
// Building blocks

function h1(text: string, pageBreak = true): Content {
  return { text, style: 'h1', outline: true, ...(pageBreak ? { pageBreak: 'before' as const } : {}) };
}

function h2(text: string): Content {
  return { text, style: 'h2' };
}

function th(text: string, alignment: 'left' | 'right' | 'center' = 'left', extra: object = {}): TableCell {
  return { text, style: 'th', alignment, ...extra };
}

function td(text: string, extra: object = {}): TableCell {
  return { text, style: 'td', ...extra };
}

/** A count, "<3" when withheld. */
function num(n: Count, extra: object = {}): TableCell {
  return { text: n === null ? withheld : formatDisclosed(n, 0), style: 'td', alignment: 'right', ...extra };
}

/** current − before, ".." when either is withheld. */
function change(current: Count, before: Count, extra: object = {}): TableCell {
  return { text: formatChangeOf(current, before), style: 'td', alignment: 'right', ...extra };
}

function share(part: Count, whole: Count, extra: object = {}): TableCell {
  return { text: formatShareOf(part, whole), style: 'td', alignment: 'right', ...extra };
}

/** current, previous quarter, a year earlier, change against each. */
function comparedCells(c: Compared<Count>, extra: object = {}): TableCell[] {
  return [
    num(c.current, { bold: true, ...extra }),
    num(c.previousQuarter, extra),
    num(c.yearEarlier, extra),
    change(c.current, c.previousQuarter, extra),
    change(c.current, c.yearEarlier, extra),
  ];
}

function comparedHeaders(f: DisclosedFigures): TableCell[] {
  return [
    th(quarterLabel(f), 'right'),
    th(f.previousLabel, 'right'),
    th(f.yearEarlierLabel, 'right'),
    th(`Förändring mot ${f.previousLabel}`, 'right'),
    th(`Förändring mot ${f.yearEarlierLabel}`, 'right'),
  ];
}

const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) =>
    i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: (i, node) =>
    i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0)
      ? COLOUR.rule
      : COLOUR.ruleLight,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
  fillColor: (rowIndex, node) => (rowIndex < (node.table.headerRows ?? 0) ? COLOUR.headerFill : null),
};

function table(
  body: TableCell[][],
  widths: ContentTable['table']['widths'],
  headerRows = 1,
  extra: Partial<ContentTable> = {},
): Content {
  return {
    table: { headerRows, widths, body, dontBreakRows: true },
    layout: TABLE_LAYOUT,
    margin: [0, 2, 0, 6],
    ...extra,
  };
}

function chart(svg: string, margin: [number, number, number, number] = [0, 6, 0, 6]): Content {
  return { svg, width: CONTENT_WIDTH, margin };
}

/** Kept on one page: a heading stays with its table or chart. */
function keep(...content: Content[]): Content {
  return { stack: content, unbreakable: true };
}

function note(text: string): Content {
  return { text, style: 'note' };
}

// ---------------------------------------------------------------------------------------------
// Title and 1. Sammanfattning

function titleBlock(f: DisclosedFigures, meta: ReportDocumentMeta): Content {
  return {
    stack: [
      { text: reportTitle(f), style: 'title' },
      {
        text: [
          `Version ${meta.version}`,
          '  ·  ',
          `Skapad ${formatGeneratedAt(meta.generatedAt)}`,
          '  ·  ',
          `Period ${formatPeriod(f.periodStart, f.periodEnd)}`,
        ],
        style: 'subtitle',
      },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1, lineColor: COLOUR.heading },
        ],
        margin: [0, 8, 0, 14],
      },
    ],
  };
}

function summarySection(
  report: DisclosedReport,
  meta: ReportDocumentMeta,
  changes: FigureChange<Count>[] | null,
): Content {
  const f = report.figures;
  const lines = summaryLines(f, report.minCount).map((line) => ({
    text: [{ text: line.sentenceSv, bold: true }, ' ', comparisonSv(f, line.figure)],
    margin: [0, 0, 0, 4] as [number, number, number, number],
  }));
  const largest = f.summary.largestChanges;
  return [
    h1('Sammanfattning', false),
    {
      text:
        `Så här såg engagemanget i Region Västerbottens mötesplatser ut under ${f.year} kvartal ${f.quarter} ` +
        `(${formatPeriod(f.periodStart, f.periodEnd)}), jämfört med kvartalet före (${f.previousLabel}) ` +
        `och samma kvartal ett år tidigare (${f.yearEarlierLabel}). En aktör är en person eller en organisation.`,
      style: 'lead',
    },
    { ul: lines, margin: [0, 4, 0, 4] },
    h2(`Största förändringarna jämfört med ${f.previousLabel}`),
    largest.length > 0
      ? { ol: largest.map((c) => c.textSv), margin: [0, 0, 0, 4] }
      : { text: 'Inga förändringar att lyfta fram.' },
    changesBox(meta, changes),
    note(
      'Passiva aktörer står på steg 1–2 (Medvetenhet, Intresse), aktiva på steg 3–5 (Deltagande, Samverkan, ' +
        'Påverkan och handling). Siffrorna frystes när rapporten skapades; rättelser i efterhand redovisas i en ny version.',
    ),
    note(disclosureNote(report.minCount)),
  ];
}

/** How the document protects persons, in Swedish. */
export function disclosureNote(minCount: number): string {
  return (
    `Ingen uppgift i rapporten pekar ut enskilda personer: ett antal som omfattar personer och är mindre än ` +
    `${minCount} visas som ”${suppressedLabel(minCount)}”, liksom ett annat antal i samma tabell när summan annars ` +
    `skulle avslöja det. Förändringar och andelar som skulle kräva ett sådant antal visas som ”..”.`
  );
}

function changesBox(meta: ReportDocumentMeta, changes: FigureChange<Count>[] | null): Content {
  if (changes === null) return [];
  const previous = meta.version - 1;
  const inner: Content =
    changes.length === 0
      ? { text: `Inga siffror har ändrats sedan version ${previous}.` }
      : changesTable(changes);
  return {
    margin: [0, 14, 0, 10],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              {
                text: `Ändringar sedan version ${previous}`,
                bold: true,
                fontSize: 10.5,
                margin: [0, 0, 0, 4],
              },
              {
                text: `Denna version (${meta.version}) ersätter version ${previous}.`,
                fontSize: 8.5,
                margin: [0, 0, 0, 4],
              },
              inner,
            ],
            fillColor: COLOUR.boxFill,
            margin: [6, 6, 6, 4],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      hLineColor: () => COLOUR.boxBorder,
      vLineColor: () => COLOUR.boxBorder,
    },
  };
}

function changesTable(changes: readonly FigureChange<Count>[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*', 50, 50, 55],
      body: [
        [th('Siffra'), th('Före', 'right'), th('Efter', 'right'), th('Skillnad', 'right')],
        ...changes.map((c) => [td(c.whatSv), num(c.before), num(c.after), change(c.after, c.before)]),
      ],
    },
    layout: {
      ...TABLE_LAYOUT,
      fillColor: () => null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Engagemangstrappan

function ladderSection(report: DisclosedReport, historySvg: string, movementSvg: string): Content {
  const f = report.figures;
  const l = f.ladder;
  const stepRows = LADDER_STEPS.map((step) => [
    td(stepLabel(step)),
    ...comparedCells({
      current: countOn(l.atEnd, step),
      previousQuarter: countOn(l.atEndPreviousQuarter, step),
      yearEarlier: countOn(l.atEndYearEarlier, step),
    }),
  ]);
  const totals = f.summary.engagedActors;
  const fill = { fillColor: COLOUR.totalFill };
  const active = (label: string) => report.extras.activeAt[label] ?? null;
  const activeRow = [
    td('Andel aktiva (steg 3–5)', { italics: true }),
    share(active(quarterLabel(f)), totals.current, { bold: true }),
    share(active(f.previousLabel), totals.previousQuarter),
    share(active(f.yearEarlierLabel), totals.yearEarlier),
    td(''),
    td(''),
  ];
  return [
    h1('Engagemangstrappan'),
    {
      text: `Antal aktörer på varje steg vid kvartalets slut (${formatCalendarDate(f.periodEnd)}), jämfört med slutet av ${f.previousLabel} och ${f.yearEarlierLabel}.`,
      style: 'lead',
    },
    table(
      [
        [th('Steg'), ...comparedHeaders(f)],
        ...stepRows,
        [td('Totalt engagerade', { bold: true, ...fill }), ...comparedCells(totals, fill)],
        activeRow,
      ],
      ['*', 52, 52, 52, 68, 68],
    ),
    keep(
      h2('De fem senaste kvartalen'),
      { text: 'Aktörer per steg vid slutet av varje kvartal.', style: 'lead' },
      chart(historySvg),
    ),
    keep(
      h2('Förflyttningar under kvartalet'),
      {
        text:
          `Rad: steget på kvartalets första dag (${formatCalendarDate(f.periodStart)}). Kolumn: steget på dess sista dag ` +
          `(${formatCalendarDate(f.periodEnd)}). Grönt: klev upp, orange: gick ned, grått: stod kvar, blått: kom in i ` +
          'trappan, rött: lämnade trappan. Ju starkare färg, desto fler aktörer.',
        style: 'lead',
      },
      movementTable(report),
    ),
    keep(
      { text: 'Förflyttningar sammantaget', bold: true, margin: [0, 8, 0, 0] },
      chart(movementSvg, [0, 2, 0, 6]),
    ),
  ];
}

function heat(kind: MovementKind, count: Count, max: number): string | undefined {
  if (count === null || count <= 0 || max <= 0) return undefined;
  // Square root, so a handful of actors still shows; capped so the numbers stay readable.
  const t = 0.1 + 0.6 * Math.sqrt(Math.min(count / max, 1));
  const [r, g, b] = HEAT[kind];
  const mix = (c: number) =>
    Math.round(255 + (c - 255) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(r)}${mix(g)}${mix(b)}`;
}

function movementTable(report: DisclosedReport): Content {
  const m = report.extras.movement;
  // One scale for every kind of movement, so colour strength compares across the matrix; those who
  // stood still (the diagonal, by far the largest cells) get a grey scale of their own.
  let maxMoved = 0;
  let maxSame = 0;
  MOVEMENT_LEVELS.forEach((from, r) =>
    MOVEMENT_LEVELS.forEach((to, c) => {
      const n = r === 0 && c === 0 ? 0 : (m.counts[r][c] ?? 0);
      if (movementKind(from, to) === 'same') maxSame = Math.max(maxSame, n);
      else maxMoved = Math.max(maxMoved, n);
    }),
  );
  const header = [
    th('Från (rad) / till (kolumn)'),
    ...MOVEMENT_LEVELS.map((to) => th(levelLabel(to), 'right')),
    th('Summa', 'right'),
  ];
  const rows = MOVEMENT_LEVELS.map((from, r) => [
    td(levelLabel(from), { bold: true }),
    ...MOVEMENT_LEVELS.map((to, c) => {
      if (r === 0 && c === 0) return td('–', { alignment: 'right', color: COLOUR.muted });
      const count = m.counts[r][c];
      const kind = movementKind(from, to);
      return num(count, {
        fillColor: heat(kind, count, kind === 'same' ? maxSame : maxMoved),
        color: count === 0 ? '#aaaaaa' : undefined,
      });
    }),
    num(m.rowTotals[r], { fillColor: COLOUR.totalFill }),
  ]);
  const fill = { fillColor: COLOUR.totalFill };
  return [
    table(
      [
        header,
        ...rows,
        [td('Summa', { bold: true, ...fill }), ...m.columnTotals.map((n) => num(n, fill)), td('', fill)],
      ],
      [78, '*', '*', '*', '*', '*', '*', 40],
    ),
    note(
      `Summa per rad: aktörer på steget vid kvartalets början (raden ${'"'}Inte engagerad${'"'}: de som kom in i trappan). ` +
        `Summa per kolumn: aktörer på steget vid kvartalets slut (kolumnen ${'"'}Inte engagerad${'"'}: de som lämnade trappan).`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// 3. Mötesplatserna

function mixRow(
  label: TableCell,
  steps: readonly StepCount<Count>[],
  sum: Count,
  active: Count,
  extra: object = {},
): TableCell[] {
  return [
    label,
    ...LADDER_STEPS.map((step) => num(countOn(steps, step), extra)),
    num(sum, { bold: true, ...extra }),
    share(active, sum, extra),
  ];
}

function mixHeaders(first: string): TableCell[] {
  return [
    th(first),
    ...LADDER_STEPS.map((s) => th(stepLabel(s), 'right')),
    th('Totalt', 'right'),
    th('Andel aktiva (steg 3–5)', 'right'),
  ];
}

const MIX_WIDTHS = ['*', 50, 42, 52, 48, 56, 38, 48];

function meetingPlaceSection(report: DisclosedReport, mixSvg: string): Content {
  const f = report.figures;
  const metricRows = f.meetingPlaces.flatMap((m) => [
    [
      { text: m.nameSv, bold: true, colSpan: 6, fillColor: COLOUR.totalFill, style: 'td' },
      {},
      {},
      {},
      {},
      {},
    ] as TableCell[],
    [td('Evenemang'), ...comparedCells(m.eventsHeld)],
    [td('Närvaro (deltaganden)'), ...comparedCells(m.attendance)],
    [td('Unika aktörer'), ...comparedCells(m.uniqueActors)],
    [td('Nya aktörer'), ...comparedCells(m.newActors)],
  ]);
  const s = f.synergy;
  return [
    h1('Mötesplatserna'),
    {
      text:
        'Evenemang som startade under kvartalet vid varje mötesplats, närvaron (deltaganden med status deltog), ' +
        'unika aktörer som deltog och nya aktörer (som aldrig deltagit i något evenemang före kvartalet).',
      style: 'lead',
    },
    table([[th('Mötesplats och mått'), ...comparedHeaders(f)], ...metricRows], ['*', 52, 52, 52, 68, 68]),
    h2('Synergi mellan mötesplatserna'),
    {
      text: [
        {
          text: `${formatDisclosed(s.current, report.minCount)} ${s.current === 1 ? 'aktör' : 'aktörer'}`,
          bold: true,
        },
        ` deltog vid två eller fler mötesplatser under kvartalet ${comparisonSv(f, s)}.`,
      ],
    },
    keep(
      h2('Deltagarnas steg i trappan'),
      {
        text: 'Steget vid kvartalets slut för de aktörer som deltog vid respektive mötesplats.',
        style: 'lead',
      },
      table(
        [
          mixHeaders('Mötesplats'),
          ...f.meetingPlaces.map((m) => {
            const mix = report.extras.meetingPlaceMix[m.code];
            return mixRow(td(m.nameSv), m.ladderMix, mix.total, mix.active);
          }),
        ],
        MIX_WIDTHS,
      ),
      chart(mixSvg),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// 4. Penta-helix: sektorerna

function sectorSection(report: DisclosedReport, mixSvg: string): Content {
  const f = report.figures;
  const initiatives = f.crossSectorInitiatives;
  return [
    h1('Penta-helix: sektorerna'),
    {
      text: `Engagerade aktörer per sektor och steg vid kvartalets slut, och antalet engagerade jämfört med ${f.previousLabel} och ${f.yearEarlierLabel}.`,
      style: 'lead',
    },
    table(
      [
        mixHeaders('Sektor'),
        ...f.sectors.map((s) =>
          mixRow(td(s.labelSv), s.ladderMix, s.engaged.current, report.extras.sectorActive[s.sector] ?? null),
        ),
      ],
      MIX_WIDTHS,
    ),
    table(
      [
        [th('Sektor'), ...comparedHeaders(f)],
        ...f.sectors.map((s) => [td(s.labelSv), ...comparedCells(s.engaged)]),
      ],
      ['*', 52, 52, 52, 68, 68],
    ),
    chart(mixSvg),
    h2('Sektorsöverskridande initiativ'),
    {
      text: 'Initiativ som var aktiva under kvartalet och vars medlemmar kommer från två eller fler sektorer.',
      style: 'lead',
    },
    initiatives.length === 0
      ? { text: 'Inga sektorsöverskridande initiativ var aktiva under kvartalet.' }
      : table(
          [
            [th('Initiativ'), th('Typ'), th('Sektorer'), th('Medlemmar', 'right')],
            ...initiatives.map((i) => [
              td(i.name),
              td(i.kindSv),
              td(i.sectors.map((s) => sectorLabelSv[s]).join(', ')),
              num(i.members),
            ]),
          ],
          ['*', 70, 170, 52],
        ),
  ];
}

// ---------------------------------------------------------------------------------------------
// 5. Kommunerna

function areaCells(engaged: Compared<Count>, participants: Compared<Count>, extra: object = {}): TableCell[] {
  const zero = engaged.current === 0 ? { fillColor: COLOUR.zeroFill } : {};
  return [
    num(engaged.current, { bold: true, ...extra, ...zero }),
    num(engaged.previousQuarter, extra),
    num(engaged.yearEarlier, extra),
    num(participants.current, {
      bold: true,
      ...extra,
      ...(participants.current === 0 ? { fillColor: COLOUR.zeroFill } : {}),
    }),
    num(participants.previousQuarter, extra),
    num(participants.yearEarlier, extra),
  ];
}

function areaHeaders(f: DisclosedFigures, first: string, second: string): TableCell[][] {
  return [
    [
      th(''),
      th(''),
      th('Engagerade aktörer vid kvartalets slut', 'center', { colSpan: 3 }),
      {},
      {},
      th('Deltagare under kvartalet', 'center', { colSpan: 3 }),
      {},
      {},
    ],
    [
      th(first),
      th(second),
      th(quarterLabel(f), 'right'),
      th(f.previousLabel, 'right'),
      th(f.yearEarlierLabel, 'right'),
      th(quarterLabel(f), 'right'),
      th(f.previousLabel, 'right'),
      th(f.yearEarlierLabel, 'right'),
    ],
  ];
}

const AREA_WIDTHS = ['*', 80, 45, 45, 45, 45, 45, 45];

function municipalitySection(f: DisclosedFigures, chartSvg: string): Content {
  const noneEngaged = zeroMunicipalities(f, 'engaged');
  const noneTookPart = zeroMunicipalities(f, 'participants');
  const count = f.municipalities.length;
  return [
    h1('Kommunerna'),
    {
      text:
        `Alla länets ${count} kommuner redovisas, även de där ingen aktör är engagerad: en nolla är också ett resultat. ` +
        'Engagerade aktörer räknas vid kvartalets slut, deltagare är de aktörer som deltog i något evenemang under kvartalet.',
      style: 'lead',
    },
    {
      ul: [
        noneEngaged.length > 0
          ? `Ingen engagerad aktör vid kvartalets slut i ${joinSv(noneEngaged)}.`
          : `Alla ${count} kommuner har minst en engagerad aktör.`,
        noneTookPart.length > 0
          ? `Ingen deltagare under kvartalet från ${joinSv(noneTookPart)}.`
          : `Alla ${count} kommuner hade minst en deltagare under kvartalet.`,
      ],
      margin: [0, 0, 0, 6],
    },
    table(
      [
        ...areaHeaders(f, 'Kommun', 'Delregion'),
        ...f.municipalities.map((m) => [
          td(m.nameSv),
          td(subRegionName(f, m.subRegion)),
          ...areaCells(m.engaged, m.participants),
        ]),
      ],
      AREA_WIDTHS,
      2,
    ),
    h2('Delregioner, utanför länet och okänd ort'),
    table(
      [
        ...areaHeaders(f, 'Område', ''),
        ...f.subRegions.map((r) => [td(r.nameSv), td('Delregion'), ...areaCells(r.engaged, r.participants)]),
        [
          td('Utanför länet'),
          td('Övriga Sverige och utlandet'),
          ...areaCells(f.outsideCounty.engaged, f.outsideCounty.participants),
        ],
        [
          td('Okänd ort'),
          td('Ort saknas'),
          ...areaCells(f.unknownLocation.engaged, f.unknownLocation.participants),
        ],
      ],
      AREA_WIDTHS,
      2,
    ),
    keep(h2('Engagerade aktörer per kommun'), chart(chartSvg)),
  ];
}

// ---------------------------------------------------------------------------------------------
// 6. Jämn könsfördelning

function genderCells(counts: readonly GenderCount<Count>[], sum: Count): TableCell[] {
  return [
    ...GENDERS.map((g) => {
      const n = genderCount(counts, g);
      const text = n === null ? withheld : `${formatDisclosed(n, 0)} (${formatShareOf(n, sum)})`;
      return td(text, { alignment: 'right' });
    }),
    num(sum, { bold: true }),
  ];
}

type GenderGroup = GenderSplit<Count> & { labelSv: string; totals: { participants: Count; onStage: Count } };

function genderTable(first: string, groups: readonly GenderGroup[]): Content {
  return table(
    [
      [th(first), th('Urval'), ...GENDERS.map((g) => th(genderLabelSv[g], 'right')), th('Totalt', 'right')],
      ...groups.flatMap((g) => [
        [
          td(g.labelSv, { bold: true, rowSpan: 2 }),
          td('Alla deltagare'),
          ...genderCells(g.participants, g.totals.participants),
        ],
        [{}, td('På scen'), ...genderCells(g.onStage, g.totals.onStage)],
      ]),
    ],
    ['*', 62, 56, 56, 56, 56, 38],
  );
}

function genderSection(report: DisclosedReport): Content {
  const f = report.figures;
  const g = f.gender;
  const totals = (key: string) => report.extras.genderTotals[key];
  return [
    h1('Jämn könsfördelning'),
    {
      text:
        'Personer som deltog under kvartalet och, för sig, de som stod på scen som talare, moderator eller ' +
        'paneldeltagare: antal och andel. Kön är självuppgivet och frivilligt; den som inte angett kön räknas som ' +
        '”Ej angivet”. Organisationer ingår inte.',
      style: 'lead',
    },
    h2('Hela kvartalet'),
    genderTable('Kvartal', [
      {
        labelSv: quarterLabel(f),
        participants: g.participants,
        onStage: g.onStage,
        totals: totals(quarterLabel(f)),
      },
    ]),
    h2('Per mötesplats'),
    genderTable(
      'Mötesplats',
      g.perMeetingPlace.map((m) => ({
        labelSv: m.nameSv,
        participants: m.participants,
        onStage: m.onStage,
        totals: totals(m.code),
      })),
    ),
    h2('De fyra senaste kvartalen'),
    genderTable(
      'Kvartal',
      g.lastFourQuarters.map((q) => ({
        labelSv: q.label,
        participants: q.participants,
        onStage: q.onStage,
        totals: totals(q.label),
      })),
    ),
    note('Andelarna är avrundade till hela procent och summerar därför inte alltid till 100 %.'),
  ];
}

// ---------------------------------------------------------------------------------------------
// 7. Nått steg 5 under kvartalet

function influenceSection(f: DisclosedFigures): Content {
  const organisations = [...f.reachedInfluence].sort((a, b) => a.reachedOn.localeCompare(b.reachedOn));
  const persons = f.reachedInfluencePersons;
  return [
    h1('Nått steg 5 under kvartalet'),
    {
      text:
        'Aktörer som nådde steg 5, Påverkan och handling, under kvartalet: engagemanget har lett till konkret ' +
        'handling och beslut. Organisationer anges med namn; personer redovisas bara som antal, per sektor och ' +
        'per mötesplats där de deltog under kvartalet.',
      style: 'lead',
    },
    h2('Organisationer'),
    organisations.length === 0
      ? { text: 'Ingen organisation nådde steg 5 under kvartalet.' }
      : table(
          [
            [th('Organisation'), th('Datum'), th('Varför')],
            ...organisations.map((r) => [
              td(r.descriptionSv, { bold: true }),
              td(formatCalendarDate(r.reachedOn), { noWrap: true }),
              td(r.reasonSv),
            ]),
          ],
          [150, 72, '*'],
        ),
    h2('Personer'),
    !persons || persons.total === 0
      ? { text: 'Ingen person nådde steg 5 under kvartalet.' }
      : [
          {
            text: [
              {
                text: `${persons.total === null ? withheld : formatDisclosed(persons.total, 0)} personer`,
                bold: true,
              },
              ' nådde steg 5 under kvartalet.',
            ],
            style: 'lead',
          },
          persons.perSector.length === 0
            ? []
            : table(
                [
                  [th('Sektor'), th('Personer', 'right')],
                  ...persons.perSector.map((s) => [td(s.labelSv), num(s.count)]),
                  [td('Totalt', { bold: true }), num(persons.total, { bold: true })],
                ],
                ['*', 60],
              ),
          persons.perMeetingPlace.length === 0
            ? []
            : table(
                [
                  [th('Mötesplats där de deltog under kvartalet'), th('Personer', 'right')],
                  ...persons.perMeetingPlace.map((p) => [td(p.nameSv), num(p.count)]),
                ],
                ['*', 60],
              ),
          persons.perMeetingPlace.length === 0
            ? []
            : note('En person som deltog vid flera mötesplatser räknas vid var och en av dem.'),
        ],
  ];
}
