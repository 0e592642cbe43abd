// ECharts options for the dashboard's charts, built without ECharts itself (a plain object), so the
// library stays in the chart's own chunk and these can be tested. Each step keeps its colour, symbol
// and pattern (decal) in every chart; the legend names the steps, and the table beside each chart
// carries the same numbers, so nothing depends on colour alone.
import type { EChartsCoreOption } from 'echarts/core';
import type { LadderStep } from '../gql/graphql';
import { STEPS } from '../actors/labels';
import { stepLabel } from './labels';

/** Five colours with at least 4.5:1 against white, told apart by hue and lightness. */
export const STEP_COLOURS: Record<LadderStep, string> = {
  AWARENESS: '#0072b2',
  INTEREST: '#b35900',
  PARTICIPATION: '#007a5e',
  COLLABORATION: '#a8447f',
  INFLUENCE: '#3b3f45',
};
const STEP_SYMBOLS: Record<LadderStep, string> = {
  AWARENESS: 'circle',
  INTEREST: 'rect',
  PARTICIPATION: 'triangle',
  COLLABORATION: 'diamond',
  INFLUENCE: 'pin',
};
const STEP_LINES: Record<LadderStep, 'solid' | 'dashed' | 'dotted'> = {
  AWARENESS: 'solid',
  INTEREST: 'dashed',
  PARTICIPATION: 'solid',
  COLLABORATION: 'dotted',
  INFLUENCE: 'dashed',
};

const TEXT = '#1b1f23';
const MUTED = '#4a5560';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/** A row of the distribution: its name and the five counts (null: withheld, left out of the bars). */
export interface ChartRow {
  label: string;
  counts: readonly (number | null)[];
}

const base = (): EChartsCoreOption => ({
  animation: false,
  textStyle: { color: TEXT, fontFamily: FONT, fontSize: 13 },
  // Patterns besides colours; ECharts' own aria labels are moot (the canvas is hidden from assistive
  // technology: the table is the accessible equivalent).
  aria: { enabled: true, decal: { show: true } },
});

/** How many lines the five-step legend takes at a width. */
const legendLines = (width: number): number => (width < 420 ? 3 : width < 760 ? 2 : 1);

const legend = (width: number) => ({
  top: 0,
  left: 0,
  itemGap: width < 420 ? 10 : 16,
  textStyle: { color: TEXT, fontSize: 13 },
  data: STEPS.map(stepLabel),
});

/** Height in pixels of the distribution chart for a number of rows. */
export const distributionHeight = (rows: number, width: number, grouped: boolean): number =>
  grouped ? legendLines(width) * 24 + 40 + Math.max(rows, 1) * 36 : 5 * 44 + 40;

/**
 * Ungrouped: one horizontal bar per step, the lowest step at the bottom like a ladder. Grouped: a
 * bar per group (in the table's order, top down), its steps stacked.
 */
export function distributionOption(
  rows: readonly ChartRow[],
  grouped: boolean,
  width: number,
): EChartsCoreOption {
  const narrow = width < 480;
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: MUTED },
    splitLine: { lineStyle: { color: '#d5dbe0' } },
  };
  const categoryLabel = {
    color: TEXT,
    width: narrow ? 96 : 180,
    overflow: 'break',
    lineHeight: 15,
  };
  if (!grouped) {
    const counts = rows[0]?.counts ?? STEPS.map(() => 0);
    return {
      ...base(),
      grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
      xAxis: valueAxis,
      yAxis: { type: 'category', data: STEPS.map(stepLabel), axisLabel: categoryLabel },
      series: [
        {
          type: 'bar',
          name: '',
          barMaxWidth: 32,
          label: { show: true, position: 'right', color: TEXT },
          data: STEPS.map((step, i) => ({
            value: counts[i] ?? '-',
            itemStyle: { color: STEP_COLOURS[step] },
          })),
        },
      ],
    };
  }
  return {
    ...base(),
    legend: legend(width),
    grid: { left: 8, right: 24, top: legendLines(width) * 24 + 8, bottom: 24, containLabel: true },
    xAxis: valueAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: categoryLabel,
    },
    series: STEPS.map((step, i) => ({
      type: 'bar',
      name: stepLabel(step),
      stack: 'steps',
      barMaxWidth: 28,
      itemStyle: { color: STEP_COLOURS[step], borderColor: '#ffffff', borderWidth: 1 },
      data: rows.map((r) => r.counts[i] ?? '-'),
    })),
  };
}

export const trendHeight = (width: number): number => legendLines(width) * 24 + (width < 480 ? 300 : 320);

/** A line per step over the quarters, each with its own symbol and dash. */
export function trendOption(
  quarters: readonly string[],
  counts: readonly (readonly (number | null)[])[],
  width: number,
): EChartsCoreOption {
  const narrow = width < 480;
  return {
    ...base(),
    legend: legend(width),
    grid: {
      left: 8,
      right: 16,
      top: legendLines(width) * 24 + 16,
      bottom: 8,
      containLabel: true,
    },
    xAxis: {
      type: 'category',
      data: [...quarters],
      boundaryGap: false,
      axisLabel: { color: MUTED, rotate: narrow ? 45 : 0, interval: 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: '#d5dbe0' } },
    },
    series: STEPS.map((step, i) => ({
      type: 'line',
      name: stepLabel(step),
      symbol: STEP_SYMBOLS[step],
      symbolSize: 9,
      connectNulls: false,
      itemStyle: { color: STEP_COLOURS[step] },
      lineStyle: { color: STEP_COLOURS[step], width: 2.5, type: STEP_LINES[step] },
      data: counts.map((quarter) => quarter[i] ?? '-'),
    })),
  };
}
