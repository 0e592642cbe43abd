import type { RouteObject } from 'react-router';
import { loadBoundaries } from './boundaries';

/** This feature's pages (joined in app/routes.tsx); each page is its own chunk. */
export const mapRoutes: RouteObject[] = [
  {
    path: '/ladder/map',
    lazy: () => {
      // The county's boundaries are fetched while the page's chunk loads, not after it (opened
      // directly, map/prefetch.ts has asked for them, and for the chunk, already).
      void loadBoundaries('county').catch(() => undefined);
      return import('./MapPage');
    },
  },
];
