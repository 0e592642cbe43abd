import type { RouteObject } from 'react-router';

/** This feature's pages (joined in app/routes.tsx). */
export const duplicatesRoutes: RouteObject[] = [];
