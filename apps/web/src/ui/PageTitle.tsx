import { useEffect, useRef } from 'react';
import { t } from '../i18n/i18n';

/**
 * The page's level-1 heading, also the document's title. Focus moves to it after navigation so a
 * screen reader announces the new page (WCAG 2.4.2 and 2.4.3).
 */
export function PageTitle({ children, focus = true }: { children: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – ${t('app.name')}`;
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [children, focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
