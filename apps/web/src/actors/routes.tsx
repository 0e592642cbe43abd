import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const actorsRoutes: RouteObject[] = [
  { path: '/actors', lazy: () => import('./ActorsPage') },
  { path: '/actors/new', lazy: () => import('./ActorFormPage') },
  { path: '/actors/:id', lazy: () => import('./ActorPage') },
  { path: '/actors/:id/edit', lazy: () => import('./ActorFormPage') },
];
