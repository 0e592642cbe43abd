import type { RouteObject } from 'react-router';
import { accessibilityRoutes } from '../accessibility/routes';
import { privacyRoutes } from '../privacy/routes';
import { actorsRoutes } from '../actors/routes';
import { attendanceRoutes } from '../attendance/routes';
import { RequireSession } from '../auth/RequireSession';
import { duplicatesRoutes } from '../duplicates/routes';
import { eventsRoutes } from '../events/routes';
import { homeRoutes } from '../home/routes';
import { initiativesRoutes } from '../initiatives/routes';
import { inviteNextRoutes } from '../invite-next/routes';
import { ladderRoutes } from '../ladder/routes';
import { mapRoutes } from '../map/routes';
import { participationsRoutes } from '../participations/routes';
import { registrationsRoutes } from '../registrations/routes';
import { reportsRoutes } from '../reports/routes';
import { usersRoutes } from '../users/routes';
import { dataProtectionRoutes } from '../data-protection/routes';
import { loadExtendedMessages } from '../i18n/catalogue';
import { AppShell } from './AppShell';

/**
 * Pages beyond the door: their chunk and the catalogue's second part load together (in parallel), so
 * a page never renders before its texts are there (see i18n/catalogue.ts).
 */
function withExtendedMessages(pages: RouteObject[]): RouteObject[] {
  return pages.map((page) => {
    const lazy = page.lazy;
    if (typeof lazy !== 'function') throw new Error(`route ${page.path}: expected a lazy loader`);
    return {
      ...page,
      lazy: async () => (await Promise.all([lazy(), loadExtendedMessages()]))[0],
    } as RouteObject;
  });
}

/**
 * Every page: public ones, then those behind sign-in (each feature lists its own in routes.tsx). Every
 * page is its own chunk (React Router's `lazy`), so the first load carries only the shell and the page.
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      {
        path: '/sign-in',
        lazy: () => import('../auth/SignInPage').then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: '/invitation/:secret',
        lazy: () => import('../auth/InvitationPage').then((m) => ({ Component: m.InvitationPage })),
      },
      ...withExtendedMessages(accessibilityRoutes),
      ...withExtendedMessages(privacyRoutes),
      {
        element: <RequireSession />,
        children: [
          {
            path: '/account',
            lazy: () => import('../auth/AccountPage').then((m) => ({ Component: m.AccountPage })),
          },
          ...homeRoutes,
          ...eventsRoutes,
          ...participationsRoutes,
          ...attendanceRoutes,
          ...withExtendedMessages(registrationsRoutes),
          ...withExtendedMessages(duplicatesRoutes),
          ...withExtendedMessages(actorsRoutes),
          ...withExtendedMessages(ladderRoutes),
          ...withExtendedMessages(mapRoutes),
          ...withExtendedMessages(inviteNextRoutes),
          ...withExtendedMessages(initiativesRoutes),
          ...withExtendedMessages(reportsRoutes),
          ...withExtendedMessages(usersRoutes),
          ...withExtendedMessages(dataProtectionRoutes),
        ],
      },
      { path: '*', lazy: () => import('./NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
];
