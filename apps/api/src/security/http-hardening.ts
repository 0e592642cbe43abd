import { AppConfig } from '@crm/persistence';
import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, Response } from 'express';
import { AnonymousBudgetMiddleware } from '../rate-limit/anonymous-budget.middleware';
import helmet from 'helmet';
import { serveWebApp } from '../web-app/serve-web-app';

export type HttpHardeningConfig = Pick<
  AppConfig,
  'HTTP_BODY_LIMIT_BYTES' | 'CORS_ORIGINS' | 'TRUST_PROXY' | 'GRAPHQL_INTROSPECTION'
>;

/** Hosts the Apollo Sandbox landing page loads from (only with GRAPHQL_INTROSPECTION=true, on /graphql). */
/**
 * The one inline style the web app needs: React Aria's usePress adds a `<style>` element with
 * `[data-react-aria-pressable] { touch-action: pan-x pan-y pinch-zoom }` (so a tap is not taken for a
 * scroll on touch screens). Allowed by its hash, nothing else inline; react-aria-style.spec.ts fails
 * when an upgrade of react-aria changes the text.
 */
export const REACT_ARIA_PRESS_STYLE_HASH = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";

const APOLLO_CDN = [
  'https://apollo-server-landing-page.cdn.apollographql.com',
  'https://embeddable-sandbox.cdn.apollographql.com',
  'https://embeddable-explorer.cdn.apollographql.com',
];

/** Express's `trust proxy` value for TRUST_PROXY: a hop count, true/false, or addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return null;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/**
 * The HTTP set-up of the API, shared by main.ts and the tests so both serve the same thing:
 * security headers (helmet), `trust proxy`, CORS only for CORS_ORIGINS, and the JSON and form body
 * parsers limited to HTTP_BODY_LIMIT_BYTES, and the web app when there is a build. Call it before `init`/`listen`. A body over the limit
 * and malformed JSON reach the exception filter, which answers them as JSON 413 and 400.
 */
export function hardenHttp(
  app: INestApplication,
  config: HttpHardeningConfig,
  options: {
    /** Serve the web app build in this folder (see apps/api/src/web-app). */ webApp?: string | null;
  } = {},
): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  express.disable('x-powered-by');
  const trustProxy = trustProxySetting(config.TRUST_PROXY);
  if (trustProxy !== null) express.set('trust proxy', trustProxy);
  const https = trustProxy !== null; // behind a TLS-terminating proxy: HSTS and upgrade-insecure-requests

  // A same-origin web app: its own scripts, styles, images and API only; never framed; no eval.
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", REACT_ARIA_PRESS_STYLE_HASH],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
  // The Apollo Sandbox (development only): its scripts, styles and fonts from Apollo's CDN and its
  // iframe. The page carries its own nonce-based CSP as well, so 'unsafe-inline' here only lets that
  // nonce policy decide; still no eval, and the page itself is never framed.
  const landingPage = config.GRAPHQL_INTROSPECTION
    ? helmet({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            'default-src': ["'self'"],
            'base-uri': ["'self'"],
            'connect-src': ["'self'", ...APOLLO_CDN],
            'font-src': ["'self'", 'https://fonts.gstatic.com'],
            'form-action': ["'self'"],
            'frame-ancestors': ["'none'"],
            'frame-src': ["'self'", 'https://sandbox.embed.apollographql.com'],
            'img-src': ["'self'", 'data:', ...APOLLO_CDN],
            'manifest-src': ["'self'", ...APOLLO_CDN],
            'object-src': ["'none'"],
            'script-src': ["'self'", "'unsafe-inline'", ...APOLLO_CDN],
            'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com', ...APOLLO_CDN],
            ...(https ? { 'upgrade-insecure-requests': [] } : {}),
          },
        },
        strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
        xFrameOptions: { action: 'deny' },
      })
    : null;
  app.use((req: Request, res: Response, next: NextFunction) =>
    (landingPage && req.path === '/graphql' ? landingPage : strict)(req, res, next),
  );

  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
      maxAge: 600,
    });
  }

  // The web app's files and pages, before the anonymous budget: a page load fetches a dozen static
  // files and a venue's staff often share one address; serving them is cheap and reads nothing.
  if (options.webApp) serveWebApp(app, options.webApp);

  // Requests without a valid token are counted per address before any body is read or parsed.
  const budget = app.get(AnonymousBudgetMiddleware);
  app.use((req: Request, res: Response, next: NextFunction) => void budget.use(req, res, next));

  const limit = config.HTTP_BODY_LIMIT_BYTES;
  const express_ = app as NestExpressApplication;
  express_.useBodyParser('json', { limit });
  express_.useBodyParser('urlencoded', { limit, extended: true });
}
