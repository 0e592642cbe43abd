import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';
import { t } from '../i18n/i18n';

const LadderChart = lazy(() => import('./LadderChart'));

/**
 * A chart (loaded after the table it repeats) with a line under it: that the table has the same
 * numbers, and that withheld ones are missing from it. Nothing to draw when every number is 0.
 */
export function ChartBox({
  option,
  height,
  empty,
  anySuppressed,
}: {
  option: (width: number) => EChartsCoreOption;
  height: (width: number) => number;
  empty: boolean;
  anySuppressed: boolean;
}) {
  if (empty) return <p className="hint">{t('ladder.chartEmpty')}</p>;
  return (
    <div className="ladder-chart-box">
      <Suspense fallback={null}>
        <LadderChart option={option} height={height} />
      </Suspense>
      <p className="hint">
        {t('ladder.chartHint')}
        {anySuppressed ? ` ${t('ladder.suppressedInChart')}` : ''}
      </p>
    </div>
  );
}
