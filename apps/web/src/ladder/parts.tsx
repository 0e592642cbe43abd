import type { ReactNode } from 'react';
import { STEPS } from '../actors/labels';
import { formatNumber, t } from '../i18n/i18n';
import type { LadderStep } from '../gql/graphql';
import type { ChartRow } from './chart-options';
import { stepLabel } from './labels';

/** A count, or "–" with the words for a screen reader when disclosure control withholds it. */
export function Count({ value, suppressed }: { value: number | null | undefined; suppressed?: boolean }) {
  if (suppressed || value === null || value === undefined) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('ladder.suppressed')}</span>
      </>
    );
  }
  return <>{formatNumber(value)}</>;
}

/**
 * A table that scrolls sideways in its own box on a narrow screen (focusable, named by its caption).
 * The caption is shown above the box, where it wraps on a phone instead of scrolling out of sight;
 * the table's own <caption> (visually hidden) names it for assistive technology.
 */
export function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <>
      <p className="ladder-table-title" aria-hidden="true">
        {caption}
      </p>
      <div className="table-wrap ladder-table-wrap" tabIndex={0} role="region" aria-label={caption}>
        {children}
      </div>
    </>
  );
}

/** A row of counts, one a step in STEPS order and the total; a count may be withheld (suppressed). */
export interface StepCountRow extends ChartRow {
  suppressed: readonly boolean[];
  total: number | null;
  totalSuppressed: boolean;
}

/**
 * A bucket's counts in STEPS order: a step the API left out is 0, a withheld one null (and suppressed).
 */
export function stepCounts(
  steps: readonly { step: LadderStep; count?: number | null; suppressed: boolean }[],
): Pick<StepCountRow, 'counts' | 'suppressed'> {
  const byStep = new Map(steps.map((s) => [s.step, s]));
  return {
    counts: STEPS.map((step) => {
      const s = byStep.get(step);
      return s ? (s.suppressed ? null : (s.count ?? null)) : 0;
    }),
    suppressed: STEPS.map((step) => byStep.get(step)?.suppressed ?? false),
  };
}

/** Whether disclosure control withheld any count in the rows (then the page explains the "–"). */
export const hasSuppressed = (rows: readonly StepCountRow[]): boolean =>
  rows.some((r) => r.totalSuppressed || r.suppressed.some(Boolean));

/** Whether every step's count is zero (nothing to chart). */
export const allZero = (rows: readonly ChartRow[]): boolean =>
  rows.every((r) => r.counts.every((c) => c === 0));

/** A table of counts per step: a row per group or date, a column per step, and the total. */
export function StepTable<R extends StepCountRow>({
  caption,
  rowHeader,
  rows,
  rowKey,
  className,
  testId,
}: {
  caption: string;
  /** The first column's heading (what a row is). */
  rowHeader: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  className: string;
  testId: string;
}) {
  return (
    <ScrollTable caption={caption}>
      <table className={className} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
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
            <tr key={rowKey(row)}>
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
  );
}
