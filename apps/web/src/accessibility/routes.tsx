import type { RouteObject } from 'react-router';

export const accessibilityRoutes: RouteObject[] = [
  {
    path: '/tillganglighet',
    lazy: () =>
      import('./AccessibilityStatementPage').then((m) => ({ Component: m.AccessibilityStatementPage })),
  },
];
