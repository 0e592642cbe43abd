import type { RouteObject } from 'react-router';
import { AccessibilityStatementPage } from './AccessibilityStatementPage';

export const accessibilityRoutes: RouteObject[] = [
  { path: '/tillganglighet', element: <AccessibilityStatementPage /> },
];
