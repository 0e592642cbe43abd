// The report's charts as SVG strings, drawn by Vega-Lite/Vega headless in Node (no canvas, no
// browser, no native module) and embedded in the PDF as vector graphics by pdfmake.
//
// Labels are formatted here (Swedish style) and passed as data, so a bar's number reads exactly as
// the tables do. Sizes are in PDF points: one SVG pixel becomes one point, so font sizes stay true.
// Charts of the committee's document take disclosed figures: a withheld count (null) draws no bar
// (it would show its size) and its label reads as the tables do ("<3").
import { LADDER_STEPS, MunicipalityFigures, QuarterSteps, StepCount } from '@crm/domain';
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import { Count, countOn, MovementKind, MovementSummaryRow, stepLabel } from './report-model';

/** A count as the document prints it ("12 345", or "<3" when withheld). */
type CountLabel = (n: Count) => string;

/** Light to dark: the higher the step, the darker (Region Västerbotten-like blues). */
export const STEP_COLOURS: readonly string[] = ['#c6dbef', '#9ecae1', '#6baed6', '#2f7bbf', '#08427a'];

const MOVEMENT_COLOURS: Record<Exclude<MovementKind, 'none'>, string> = {
  up: '#2e8b57',
  same: '#9e9e9e',
  down: '#d9822b',
  entered: '#2f7bbf',
  left: '#b0413e',
};

const FONT = 'Roboto';

// Swedish number format for any axis Vega formats itself (thousands separated by a space).
const SV_LOCALE = {
  number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], minus: '\u2212' },
};

const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 8, titleFontSize: 8, titleFontWeight: 'normal' },
  legend: {
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: 8,
    titleFontSize: 8,
    orient: 'bottom',
    direction: 'horizontal',
    symbolType: 'square',
    labelLimit: 0,
  },
  title: { font: FONT, fontSize: 10 },
  text: { font: FONT, fontSize: 8 },
  locale: SV_LOCALE,
} as const;

// Without a canvas Vega guesses text widths at 0.8 em a character, far wider than Roboto, which
// pushes legends off the chart. Measure with Roboto's average advance per kind of character
// instead (within a few per cent of the real widths). This replaces Vega's estimate process-wide;
// nothing else in the worker draws with Vega.
const EM_PER_CHAR: [RegExp, number][] = [
  [/[ \u00a0]/, 0.25],
  [/[ijlftrI.,:;'|!()-]/, 0.27],
  [/[mwMW%]/, 0.82],
  [/[0-9+\u2212]/, 0.56],
  [/[A-ZÅÄÖÉ]/, 0.65],
];

export function robotoTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += EM_PER_CHAR.find(([re]) => re.test(ch))?.[1] ?? 0.54;
  return em * fontSize * (bold ? 1.04 : 1);
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}
const textMetrics = (
  vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }
).textMetrics;
textMetrics.width = (item, text) => {
  const value = text === undefined ? item.text : text;
  const str = value == null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  const weight = item.fontWeight;
  return robotoTextWidth(
    str,
    item.fontSize ?? 11,
    weight === 'bold' || (typeof weight === 'number' && weight >= 600),
  );
};

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const vegaSpec = compile(spec).spec;
  // Nothing is loaded from anywhere: every chart carries its data inline.
  const loader = vega.loader();
  loader.load = () => Promise.reject(new Error('Report charts load no external data'));
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function base(width: number, height: number) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    config: CONFIG,
  } as const;
}

const stepOrder = LADDER_STEPS.map(stepLabel);
const stepColour = { domain: stepOrder, range: [...STEP_COLOURS] };

/** Actors per step at the end of each of the last five quarters: stacked bars, total above each. */
export async function ladderHistoryChart(
  history: readonly QuarterSteps<Count>[],
  engagedAt: Readonly<Record<string, Count>>,
  label: CountLabel,
  width: number,
): Promise<string> {
  const values = history.flatMap((q) =>
    LADDER_STEPS.map((step, i) => ({
      quarter: q.label,
      step: stepLabel(step),
      order: i,
      count: countOn(q.steps, step) ?? 0,
    })),
  );
  // The total stands above the bars drawn: a withheld step draws nothing.
  const totals = history.map((q) => ({
    quarter: q.label,
    total: LADDER_STEPS.reduce((sum, step) => sum + (countOn(q.steps, step) ?? 0), 0),
    label: label(engagedAt[q.label] ?? null),
  }));
  const quarters = history.map((q) => q.label);
  return toSvg({
    ...base(width, 230),
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'quarter', type: 'nominal', sort: quarters, title: null, axis: { labelAngle: 0 } },
          y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'Aktörer vid kvartalets slut' },
          color: { field: 'step', type: 'nominal', scale: stepColour, sort: stepOrder, title: null },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', dy: -6, fontWeight: 'bold' },
        encoding: {
          x: { field: 'quarter', type: 'nominal', sort: quarters },
          y: { field: 'total', type: 'quantitative' },
          text: { field: 'label' },
        },
      },
    ],
  } as TopLevelSpec);
}

/** How many moved up, stood still, went down, came onto or left the ladder during the quarter. */
export async function movementChart(
  rows: readonly MovementSummaryRow[],
  label: CountLabel,
  width: number,
): Promise<string> {
  const values = rows.map((r) => ({
    label: r.labelSv,
    count: r.count ?? 0,
    text: label(r.count),
    kind: r.kind,
  }));
  const y = { field: 'label', type: 'nominal', sort: rows.map((r) => r.labelSv), title: null } as const;
  return toSvg({
    ...base(width, 24 * rows.length + 30),
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'count', type: 'quantitative', title: 'Aktörer' },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: rows.map((r) => r.kind), range: rows.map((r) => MOVEMENT_COLOURS[r.kind]) },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3 },
        encoding: { y, x: { field: 'count', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec);
}

/** Engaged actors per county municipality, largest first; a municipality with none shows "0". */
export async function municipalityChart(
  municipalities: readonly MunicipalityFigures<Count>[],
  label: CountLabel,
  width: number,
): Promise<string> {
  const sorted = [...municipalities].sort(
    (a, b) => (b.engaged.current ?? 0) - (a.engaged.current ?? 0) || a.nameSv.localeCompare(b.nameSv, 'sv'),
  );
  const values = sorted.map((m) => ({
    name: m.nameSv,
    count: m.engaged.current ?? 0,
    text: label(m.engaged.current),
  }));
  const y = { field: 'name', type: 'nominal', sort: sorted.map((m) => m.nameSv), title: null } as const;
  return toSvg({
    ...base(width, 16 * sorted.length + 30),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: STEP_COLOURS[3] },
        encoding: {
          y,
          x: { field: 'count', type: 'quantitative', title: 'Engagerade aktörer vid kvartalets slut' },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3 },
        encoding: { y, x: { field: 'count', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec);
}

/** The ladder mix of several groups (meeting places, sectors) as 100 % stacked bars. */
export async function ladderMixChart(
  groups: readonly { labelSv: string; steps: readonly StepCount<Count>[] }[],
  width: number,
): Promise<string> {
  // Shares of what is published: a withheld step draws no bar.
  const values = groups.flatMap((g) =>
    LADDER_STEPS.map((step, i) => ({
      group: g.labelSv,
      step: stepLabel(step),
      order: i,
      count: countOn(g.steps, step) ?? 0,
    })),
  );
  const y = { field: 'group', type: 'nominal', sort: groups.map((g) => g.labelSv), title: null } as const;
  return toSvg({
    ...base(width, 24 * groups.length + 50),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y,
      x: {
        field: 'count',
        type: 'quantitative',
        stack: 'normalize',
        title: 'Andel per steg',
        axis: { labelExpr: "format(datum.value * 100, 'd') + '\u00a0%'" },
      },
      color: {
        field: 'step',
        type: 'nominal',
        scale: stepColour,
        sort: stepOrder,
        title: null,
        legend: { columns: 3 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  } as TopLevelSpec);
}
