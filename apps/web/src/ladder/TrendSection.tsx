import { useCallback, useMemo } from 'react';
import { ChartBox } from './ChartBox';
import type { LadderTrendQuery } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { trendHeight, trendOption } from './chart-options';
import { allZero, hasSuppressed, stepCounts, StepTable, type StepCountRow } from './parts';
import { quarterLabel } from './quarters';

export const TREND_KEYS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'] as const;

export interface TrendRow extends StepCountRow {
  date: string;
}

/** The trend's rows, oldest quarter first, from the eight aliased answers. */
export function trendRows(data: LadderTrendQuery, dates: readonly string[]): TrendRow[] {
  return TREND_KEYS.map((key, i) => {
    const bucket = data[key][0];
    return {
      date: dates[i],
      label: quarterLabel(dates[i]),
      ...stepCounts(bucket?.steps ?? []),
      total: bucket ? (bucket.suppressed ? null : (bucket.total ?? null)) : 0,
      totalSuppressed: bucket ? bucket.suppressed || bucket.total === null : false,
    };
  });
}

/** Section 3: the last eight quarter ends, a line per step, with its table. */
export function TrendSection({ rows }: { rows: readonly TrendRow[] }) {
  const caption = t('ladder.trend.caption');
  const anySuppressed = hasSuppressed(rows);
  const labels = useMemo(() => rows.map((r) => r.label), [rows]);
  const counts = useMemo(() => rows.map((r) => r.counts), [rows]);
  const option = useCallback((width: number) => trendOption(labels, counts, width), [labels, counts]);
  const empty = allZero(rows);
  return (
    <>
      <StepTable
        caption={caption}
        rowHeader={t('ladder.trend.quarter')}
        rows={rows}
        rowKey={(row) => row.date}
        className="ladder-table ladder-table--trend"
        testId="ladder-trend"
      />
      {anySuppressed ? <p className="hint">{t('ladder.suppressedExplanation')}</p> : null}
      <ChartBox option={option} height={trendHeight} empty={empty} anySuppressed={anySuppressed} />
    </>
  );
}
