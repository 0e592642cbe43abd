import { lazy, Suspense, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ADMIN_ROLES, ALL_ROLES, PERSONAL_DATA_ROLES, STAFF_ROLES } from '../auth/RequireSession';
import { useSession } from '../auth/session';
import { pendingWorkCount } from '../auth/sign-out-cleanup';
import { t, type MessageKey } from '../i18n/i18n';
import { Button } from '../ui/Button';
import type { SessionUser } from '../auth/auth-api';

interface NavItem {
  to: string;
  label: MessageKey;
  roles: SessionUser['role'][];
  end?: boolean;
}

// The warning's dialog machinery is loaded only when it is needed.
const SignOutWarning = lazy(() => import('./SignOutWarning').then((m) => ({ default: m.SignOutWarning })));

/** The navigation, by role: each role sees what it may use. */
const NAV: NavItem[] = [
  // The committee's start is its reports (`/` takes it there): no second link to the same page.
  { to: '/', label: 'app.nav.home', roles: PERSONAL_DATA_ROLES, end: true },
  { to: '/events', label: 'app.nav.events', roles: STAFF_ROLES },
  { to: '/ladder', label: 'app.nav.ladder', roles: ALL_ROLES, end: true },
  { to: '/ladder/map', label: 'app.nav.map', roles: ALL_ROLES },
  { to: '/ladder/next', label: 'app.nav.inviteNext', roles: PERSONAL_DATA_ROLES },
  { to: '/actors', label: 'app.nav.actors', roles: PERSONAL_DATA_ROLES },
  { to: '/initiatives', label: 'app.nav.initiatives', roles: PERSONAL_DATA_ROLES },
  { to: '/reports', label: 'app.nav.reports', roles: ALL_ROLES },
  { to: '/duplicates', label: 'app.nav.duplicates', roles: STAFF_ROLES },
  { to: '/admin/users', label: 'app.nav.users', roles: ADMIN_ROLES },
  { to: '/admin/dataskydd', label: 'app.nav.dataProtection', roles: ADMIN_ROLES },
];

/** Header with navigation and sign-out, the page, and a footer with the accessibility statement and the privacy notice. */
export function AppShell() {
  const { state, signOut } = useSession();
  const user = state.status === 'signedIn' ? state.user : null;
  const [pending, setPending] = useState<number | null>(null);

  const requestSignOut = async () => {
    const count = await pendingWorkCount();
    if (count > 0) setPending(count);
    else await signOut();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="header__bar">
          <span className="header__brand">
            <span className="header__name">{t('app.name')}</span>
            <span className="header__org">{t('app.organisation')}</span>
          </span>
          {user ? (
            <div className="header__user">
              <NavLink to="/account" className="header__who">
                {t('app.signedInAs', { name: user.name })}
              </NavLink>
              <Button variant="secondary" onPress={() => void requestSignOut()}>
                {t('auth.signOut')}
              </Button>
            </div>
          ) : null}
        </div>
        {user ? (
          <nav aria-label={t('app.nav.label')} className="nav">
            <ul>
              {NAV.filter((item) => item.roles.includes(user.role)).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className="nav__link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <nav aria-label={t('app.footer.label')}>
          <NavLink to="/tillganglighet">{t('app.footer.accessibility')}</NavLink>
          <NavLink to="/integritet">{t('app.footer.privacy')}</NavLink>
        </nav>
      </footer>
      {pending !== null ? (
        <Suspense fallback={null}>
          <SignOutWarning
            pending={pending}
            onCancel={() => setPending(null)}
            onConfirm={() => {
              setPending(null);
              void signOut();
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
