import type { INestApplication } from '@nestjs/common';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the API answers itself; everything else a browser navigates to is the web app. */
const API_PATHS = [
  /^\/graphql(\/|$)/,
  /^\/auth(\/|$)/,
  /^\/health(\/|$)/,
  /^\/reports\/[^/]+$/,
  /^\/events\/[^/]+\/registrations\//,
  /^\/exports(\/|$)/,
  /^\/privacy-notice$/,
  /^\/personal-data-exports\//,
];

export function isApiPath(pathname: string): boolean {
  return API_PATHS.some((pattern) => pattern.test(pathname));
}

/** The built web app (vite build), beside the API's own build: dist/apps/web. */
export function webAppDirectory(from = __dirname): string | null {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'apps', 'web');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (existsSync(path.join(dir, 'nx.json'))) return null;
  }
  return null;
}

/**
 * Serves the staff web app on the API's origin, under the API's CSP (hardenHttp runs first):
 * - /assets/* are content-hashed by Vite: cached for a year, immutable;
 * - index.html, the service worker and its manifest are revalidated on every load, so a new
 *   version reaches the devices on their next visit;
 * - a GET for any other path that is not the API's and asks for HTML is an app route: index.html
 *   (the router draws the page; an unknown path shows "Sidan finns inte").
 * hardenHttp calls it (after the security headers, before the anonymous budget and the body parsers).
 */
export function serveWebApp(app: INestApplication, directory: string): void {
  const server = app.getHttpAdapter().getInstance() as Express;
  const index = path.join(directory, 'index.html');
  const revalidate = (res: Response) => res.setHeader('Cache-Control', 'no-cache');

  server.use(
    '/assets',
    express.static(path.join(directory, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
    }),
  );
  server.use(
    express.static(directory, {
      index: false,
      setHeaders: (res, file) => {
        if (!file.includes(`${path.sep}assets${path.sep}`)) revalidate(res);
      },
    }),
  );
  server.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (req.path.startsWith('/assets/')) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (!req.accepts('html')) return next();
    revalidate(res);
    res.sendFile(index);
  });
}
