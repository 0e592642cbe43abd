import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const ladderRoutes: RouteObject[] = [{ path: '/ladder', lazy: () => import('./LadderPage') }];
