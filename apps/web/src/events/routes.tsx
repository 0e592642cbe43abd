import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const eventsRoutes: RouteObject[] = [
  { path: '/events', lazy: () => import('./EventsPage') },
  { path: '/events/new', lazy: () => import('./EventFormPage') },
  { path: '/events/:id/edit', lazy: () => import('./EventFormPage') },
];
