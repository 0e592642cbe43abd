import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a WebSocket upgrade may proceed, by its Origin header. Browsers send cookies with a
 * cross-site WebSocket handshake and WebSockets know no CORS, so without this check any site a
 * signed-in user visits could open the subscription socket as that user (cross-site WebSocket
 * hijacking). Allowed: the API's own origin (the Origin's host is the request's Host, or the
 * X-Forwarded-Host a trusted proxy sets) and the origins in CORS_ORIGINS. A request without Origin
 * is not a browser's and carries only the credentials its sender has anyway; `null` (a sandboxed or
 * file page) and anything unparseable are refused.
 */
export function upgradeOriginAllowed(
  headers: IncomingHttpHeaders,
  corsOrigins: readonly string[],
  trustProxy: boolean,
): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (corsOrigins.some((allowed) => sameOrigin(allowed, parsed.origin))) return true;
  const forwarded = trustProxy ? firstValue(headers['x-forwarded-host']) : undefined;
  const hosts = [headers.host, forwarded].filter((h): h is string => Boolean(h));
  return hosts.some((host) => host.toLowerCase() === parsed.host.toLowerCase());
}

function sameOrigin(allowed: string, origin: string): boolean {
  try {
    return new URL(allowed).origin === origin;
  } catch {
    return false;
  }
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}
