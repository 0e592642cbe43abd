import { ADMIN_ROLES, RequireRole } from '../auth/RequireSession';
import { t } from '../i18n/i18n';
import { PageTitle } from '../ui/PageTitle';

/** Placeholder until the page is built (issue 11). */
export function UsersPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <PageTitle>{t('users.title')}</PageTitle>
    </RequireRole>
  );
}

export const Component = UsersPage;
