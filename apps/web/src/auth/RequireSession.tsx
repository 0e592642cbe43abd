import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { t } from '../i18n/i18n';
import { LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import type { SessionUser } from './auth-api';
import { useSession } from './session';

/** Pages behind sign-in: without a session, the sign-in page (and back here afterwards). */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (state.status === 'signedOut') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/** A page only some roles may use: others get "Du har inte behörighet", never a broken page. */
export function RequireRole({ roles, children }: { roles: SessionUser['role'][]; children: ReactNode }) {
  const { state } = useSession();
  if (state.status === 'signedIn' && roles.includes(state.user.role)) return <>{children}</>;
  return <Forbidden />;
}

export function Forbidden() {
  return (
    <>
      <PageTitle>{t('app.error.forbidden')}</PageTitle>
      <p>{t('app.error.forbiddenText')}</p>
    </>
  );
}

/** Roles that work with events and participants (the API's WRITE_PARTICIPATIONS). */
export const STAFF_ROLES: SessionUser['role'][] = ['ADMIN', 'EVENT_STAFF'];
/** Roles that may read persons (the API's READ_PERSONAL_DATA). */
export const PERSONAL_DATA_ROLES: SessionUser['role'][] = ['ADMIN', 'EVENT_STAFF', 'STRATEGIST'];
/** Every role: the aggregate pages (ladder, map) and the reports (the API's READ_AGGREGATES). */
export const ALL_ROLES: SessionUser['role'][] = ['ADMIN', 'EVENT_STAFF', 'STRATEGIST', 'COMMITTEE'];
/** Roles that order new versions of a quarterly report (the API's GENERATE_REPORTS). */
export const REPORT_ORDER_ROLES: SessionUser['role'][] = ['ADMIN', 'STRATEGIST'];
/** User administration (the API's MANAGE_USERS). */
export const ADMIN_ROLES: SessionUser['role'][] = ['ADMIN'];
