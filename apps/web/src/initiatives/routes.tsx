import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const initiativesRoutes: RouteObject[] = [
  { path: '/initiatives', lazy: () => import('./InitiativesPage') },
  { path: '/initiatives/new', lazy: () => import('./InitiativeFormPage') },
  { path: '/initiatives/:id', lazy: () => import('./InitiativePage') },
];
