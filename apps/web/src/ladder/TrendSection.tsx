import { useCallback, useMemo } from 'react';
import { ChartBox } from './ChartBox';
import type { LadderTrendQuery } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { trendHeight, trendOption } from './chart-options';
import { STEPS, stepLabel } from './labels';
import { Count, ScrollTable } from './parts';
import { quarterLabel } from './quarters';

export const TREND_KEYS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'] as const;

export interface TrendRow {
  date: string;
  label: string;
  counts: (number | null)[];
  suppressed: boolean[];
  total: number | null;
  totalSuppressed: boolean;
}

/** The trend's rows, oldest quarter first, from the eight aliased answers. */
export function trendRows(data: LadderTrendQuery, dates: readonly string[]): TrendRow[] {
  return TREND_KEYS.map((key, i) => {
    const bucket = data[key][0];
    const byStep = new Map(bucket?.steps.map((s) => [s.step, s]) ?? []);
    return {
      date: dates[i],
      label: quarterLabel(dates[i]),
      counts: STEPS.map((step) => {
        const s = byStep.get(step);
        return s ? (s.suppressed ? null : (s.count ?? null)) : 0;
      }),
      suppressed: STEPS.map((step) => byStep.get(step)?.suppressed ?? false),
      total: bucket ? (bucket.suppressed ? null : (bucket.total ?? null)) : 0,
      totalSuppressed: bucket ? bucket.suppressed || bucket.total === null : false,
    };
  });
}

/** Section 3: the last eight quarter ends, a line per step, with its table. */
export function TrendSection({ rows }: { rows: readonly TrendRow[] }) {
  const caption = t('ladder.trend.caption');
  const anySuppressed = rows.some((r) => r.totalSuppressed || r.suppressed.some(Boolean));
  const labels = useMemo(() => rows.map((r) => r.label), [rows]);
  const counts = useMemo(() => rows.map((r) => r.counts), [rows]);
  const option = useCallback((width: number) => trendOption(labels, counts, width), [labels, counts]);
  const empty = rows.every((r) => r.counts.every((c) => c === 0));
  return (
    <>
      <ScrollTable caption={caption}>
        <table className="ladder-table ladder-table--trend" data-testid="ladder-trend">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ladder.trend.quarter')}</th>
              {STEPS.map((step) => (
                <th scope="col" key={step} className="ladder-table__number">
                  {stepLabel(step)}
                </th>
              ))}
              <th scope="col" className="ladder-table__number">
                {t('ladder.distribution.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.date}>
                <th scope="row">{row.label}</th>
                {STEPS.map((step, i) => (
                  <td key={step} className="ladder-table__number">
                    <Count value={row.counts[i]} suppressed={row.suppressed[i]} />
                  </td>
                ))}
                <td className="ladder-table__number">
                  <Count value={row.total} suppressed={row.totalSuppressed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {anySuppressed ? <p className="hint">{t('ladder.suppressedExplanation')}</p> : null}
      <ChartBox option={option} height={trendHeight} empty={empty} anySuppressed={anySuppressed} />
    </>
  );
}
