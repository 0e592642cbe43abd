import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const mapRoutes: RouteObject[] = [
  {
    path: '/ladder/map',
    lazy: () => {
      // The county's boundaries are fetched while the page's chunk loads, not after it.
      void import('./boundaries').then((b) => b.loadBoundaries('county')).catch(() => undefined);
      return import('./MapPage');
    },
  },
];
