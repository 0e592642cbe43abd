import type { RouteObject } from 'react-router';
import { accessibilityRoutes } from '../accessibility/routes';
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
import { AppShell } from './AppShell';

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
      ...accessibilityRoutes,
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
          ...registrationsRoutes,
          ...duplicatesRoutes,
          ...actorsRoutes,
          ...ladderRoutes,
          ...mapRoutes,
          ...inviteNextRoutes,
          ...initiativesRoutes,
          ...reportsRoutes,
          ...usersRoutes,
        ],
      },
      { path: '*', lazy: () => import('./NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
];
