import { useCallback, useMemo } from 'react';
import { ChartBox } from './ChartBox';
import type { LadderDashboardQuery, LadderGrouping } from '../gql/graphql';
import { formatDate, t } from '../i18n/i18n';
import { distributionHeight, distributionOption } from './chart-options';
import { bucketLabel, groupingLabel } from './labels';
import { allZero, hasSuppressed, stepCounts, StepTable, type StepCountRow } from './parts';

type Bucket = LadderDashboardQuery['ladderDistribution'][number];

export interface DistributionRow extends StepCountRow {
  group: string;
}

/** The buckets as rows with Swedish names and the counts in step order. */
export function distributionRows(
  buckets: readonly Bucket[],
  grouping: LadderGrouping,
  meetingPlaceName: (code: string) => string,
): DistributionRow[] {
  return buckets.map((b) => ({
    group: b.group,
    label: bucketLabel(grouping, b.group, b.label, meetingPlaceName),
    ...stepCounts(b.steps),
    total: b.suppressed ? null : (b.total ?? null),
    totalSuppressed: b.suppressed || b.total === null,
  }));
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
  const anySuppressed = hasSuppressed(rows);
  const option = useCallback((width: number) => distributionOption(rows, grouped, width), [rows, grouped]);
  const height = useCallback(
    (width: number) => distributionHeight(rows.length, width, grouped),
    [rows.length, grouped],
  );
  const empty = useMemo(() => allZero(rows), [rows]);

  return (
    <>
      {rows.length === 0 || (grouped && empty) ? (
        <p>{t('ladder.distribution.none')}</p>
      ) : (
        <>
          <StepTable
            caption={caption}
            rowHeader={grouped ? groupingLabel(grouping) : t('ladder.distribution.group')}
            rows={rows}
            rowKey={(row) => row.group}
            className="ladder-table"
            testId="ladder-distribution"
          />
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
