import type { RouteObject } from 'react-router';

/** This feature's page (joined in app/routes.tsx); its own chunk. */
export const dataProtectionRoutes: RouteObject[] = [
  { path: '/admin/dataskydd', lazy: () => import('./DataProtectionPage') },
];
