/// <reference types="vitest/config" />
// The staff web app: built into dist/apps/web and served by the API on the same origin (see
// apps/api/src/web-app). `npm run dev:web` serves it with hot reload on :5173 and proxies the API's
// routes to :3000 (or API_URL).
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { graphqlDocuments } from './build/graphql-documents.mts';

const root = path.dirname(new URL(import.meta.url).pathname);
const workspace = path.resolve(root, '../..');
const api = process.env.API_URL ?? 'http://localhost:3000';

/** Paths the API answers itself: never the app's index.html, never cached by the service worker. */
export const API_PATHS = [
  /^\/graphql/,
  /^\/auth\//,
  /^\/health/,
  /^\/reports\/[^/]+$/,
  /^\/events\/[^/]+\/registrations\//,
  /^\/exports\//,
  /^\/personal-data-exports\//,
  /^\/privacy-notice$/,
];

export default defineConfig({
  root,
  publicDir: path.join(root, 'public'),
  resolve: {
    alias: [{ find: /^@crm\/domain\/(.*)$/, replacement: path.join(workspace, 'libs/domain/src/$1') }],
  },
  build: {
    outDir: path.join(workspace, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Every asset is hashed and served as immutable; the browser never sees eval (CSP without 'unsafe-eval').
    assetsInlineLimit: 0,
  },
  plugins: [
    graphqlDocuments(path.join(root, 'src/gql')),
    react(),
    VitePWA({
      // Registered from src/app/service-worker.ts (a file, not an inline script: the CSP forbids inline).
      injectRegister: null,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Engagemangstrappan – Region Västerbotten',
        short_name: 'Engagemang',
        lang: 'sv',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e5f',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The app shell and every chunk (the door included), so a page opened once loads offline.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: API_PATHS,
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 3_000_000,
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/auth': api,
      '/health': api,
      '^/reports/[^/]+$': api,
      '^/events/[^/]+/registrations/': api,
      '/exports': api,
      '^/privacy-notice$': api,
    },
  },
  test: {
    root: workspace,
    include: ['apps/web/src/**/*.spec.{ts,tsx}'],
    environment: 'jsdom',
    globals: true,
    setupFiles: [path.join(root, 'src/test-setup.ts')],
    css: false,
    // A page test clicks through several dialogs; on two busy cores that can take more than the
    // default 5 s (each wait for an element may itself take up to 5 s, see test-setup.ts).
    testTimeout: 20_000,
  },
});
