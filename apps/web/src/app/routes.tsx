import type { RouteObject } from 'react-router';
import { accessibilityRoutes } from '../accessibility/routes';
import { actorsRoutes } from '../actors/routes';
import { attendanceRoutes } from '../attendance/routes';
import { InvitationPage } from '../auth/InvitationPage';
import { RequireSession } from '../auth/RequireSession';
import { SignInPage } from '../auth/SignInPage';
import { duplicatesRoutes } from '../duplicates/routes';
import { eventsRoutes } from '../events/routes';
import { homeRoutes } from '../home/routes';
import { participationsRoutes } from '../participations/routes';
import { registrationsRoutes } from '../registrations/routes';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

/** Every page: public ones, then those behind sign-in (each feature lists its own in routes.tsx). */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/invitation/:secret', element: <InvitationPage /> },
      ...accessibilityRoutes,
      {
        element: <RequireSession />,
        children: [
          ...homeRoutes,
          ...eventsRoutes,
          ...participationsRoutes,
          ...attendanceRoutes,
          ...registrationsRoutes,
          ...duplicatesRoutes,
          ...actorsRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
