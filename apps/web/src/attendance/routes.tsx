import type { RouteObject } from 'react-router';
import { registerDoorDeviceData } from './door-device';

// Signing out clears what the door keeps on the device, even when the door was not opened since
// the page loaded (the registration is small; the door itself is loaded only when opened).
registerDoorDeviceData();

/** This feature's pages (joined in app/routes.tsx). */
export const attendanceRoutes: RouteObject[] = [
  {
    path: '/events/:id/door',
    // Code-split: the door (and idb's queue logic) loads when the door is opened.
    lazy: async () => {
      const { DoorRoute } = await import('./DoorPage');
      return { Component: DoorRoute };
    },
  },
];
