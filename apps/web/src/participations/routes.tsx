import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const participationsRoutes: RouteObject[] = [
  { path: '/events/:id', lazy: () => import('./EventPage') },
  { path: '/events/:id/badges', lazy: () => import('./BadgesPage') },
];
