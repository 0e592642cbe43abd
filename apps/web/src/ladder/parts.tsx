import type { ReactNode } from 'react';
import { formatNumber, t } from '../i18n/i18n';

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
