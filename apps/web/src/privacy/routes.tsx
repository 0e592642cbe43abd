import type { RouteObject } from 'react-router';

export const privacyRoutes: RouteObject[] = [
  {
    path: '/integritet',
    lazy: () => import('./PrivacyNoticePage').then((m) => ({ Component: m.PrivacyNoticePage })),
  },
];
