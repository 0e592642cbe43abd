import { ALL_ROLES, RequireRole } from '../auth/RequireSession';
import { t } from '../i18n/i18n';
import { PageTitle } from '../ui/PageTitle';

/** Placeholder until the page is built (issue 11). */
export function ReportsPage() {
  return (
    <RequireRole roles={ALL_ROLES}>
      <PageTitle>{t('reports.title')}</PageTitle>
    </RequireRole>
  );
}

export const Component = ReportsPage;
