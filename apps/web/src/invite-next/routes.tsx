import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const inviteNextRoutes: RouteObject[] = [
  { path: '/ladder/next', lazy: () => import('./InviteNextPage') },
];
