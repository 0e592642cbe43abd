// The service worker (vite-plugin-pwa, Workbox) precaches the app shell and every chunk, so a page
// opened once (the door) loads again without network. Only in production builds.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}
