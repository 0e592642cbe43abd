import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const usersRoutes: RouteObject[] = [{ path: '/admin/users', lazy: () => import('./UsersPage') }];
