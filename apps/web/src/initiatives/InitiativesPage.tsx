import { PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import { t } from '../i18n/i18n';
import { PageTitle } from '../ui/PageTitle';

/** Placeholder until the page is built (issue 11). */
export function InitiativesPage() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <PageTitle>{t('initiatives.title')}</PageTitle>
    </RequireRole>
  );
}

export const Component = InitiativesPage;
