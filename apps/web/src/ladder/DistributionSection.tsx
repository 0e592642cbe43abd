import { useCallback, useMemo } from 'react';
import { ChartBox } from './ChartBox';
import type { LadderDashboardQuery, LadderGrouping } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';
import { distributionHeight, distributionOption, type ChartRow } from './chart-options';
import { bucketLabel, groupingLabel, STEPS, stepLabel } from './labels';
import { Count, ScrollTable } from './parts';

type Bucket = LadderDashboardQuery['ladderDistribution'][number];

export interface DistributionRow extends ChartRow {
  group: string;
  total: number | null;
  totalSuppressed: boolean;
  suppressed: readonly boolean[];
}

/** The buckets as rows with Swedish names and the counts in step order. */
export function distributionRows(
  buckets: readonly Bucket[],
  grouping: LadderGrouping,
  meetingPlaceName: (code: string) => string,
): DistributionRow[] {
  return buckets.map((b) => {
    const byStep = new Map(b.steps.map((s) => [s.step, s]));
    return {
      group: b.group,
      label: bucketLabel(grouping, b.group, b.label, meetingPlaceName),
      counts: STEPS.map((step) => {
        const s = byStep.get(step);
        return s && !s.suppressed ? (s.count ?? null) : s ? null : 0;
      }),
      suppressed: STEPS.map((step) => byStep.get(step)?.suppressed ?? false),
      total: b.suppressed ? null : (b.total ?? null),
      totalSuppressed: b.suppressed || b.total === null,
    };
  });
}

/** Section 1: actors on each step on the chosen date, per group, as a table and a chart. */
export function DistributionSection({
  rows,
  grouping,
  asOf,
}: {
  rows: readonly DistributionRow[];
  grouping: LadderGrouping;
  asOf: string;
}) {
  const grouped = grouping !== 'NONE';
  const caption = grouped
    ? t('ladder.distribution.captionGrouped', {
        date: formatDate(`${asOf}T12:00:00Z`),
        grouping: groupingLabel(grouping).toLowerCase(),
      })
    : t('ladder.distribution.caption', { date: formatDate(`${asOf}T12:00:00Z`) });
  const anySuppressed = rows.some((r) => r.totalSuppressed || r.suppressed.some(Boolean));
  const option = useCallback((width: number) => distributionOption(rows, grouped, width), [rows, grouped]);
  const height = useCallback(
    (width: number) => distributionHeight(rows.length, width, grouped),
    [rows.length, grouped],
  );
  const empty = useMemo(() => rows.every((r) => r.counts.every((c) => c === 0)), [rows]);

  return (
    <>
      {rows.length === 0 || (grouped && empty) ? (
        <p>{t('ladder.distribution.none')}</p>
      ) : (
        <>
          <ScrollTable caption={caption}>
            <table className="ladder-table" data-testid="ladder-distribution">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{grouped ? groupingLabel(grouping) : t('ladder.distribution.group')}</th>
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
                  <tr key={row.group}>
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
          {grouping === 'MEETING_PLACE' ? (
            <p className="hint">{t('ladder.distribution.meetingPlaceNote')}</p>
          ) : null}
          {anySuppressed ? <p className="hint">{t('ladder.suppressedExplanation')}</p> : null}
          <ChartBox option={option} height={height} empty={empty} anySuppressed={anySuppressed} />
        </>
      )}
    </>
  );
}
