/**
 * The Cookie and Set-Cookie headers, as far as the API needs them (RFC 6265 §4.1/§5.4), without a
 * dependency: the session cookie and the single sign-on state cookie are the only ones it reads.
 */

/** Cookie names are RFC 7230 tokens. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Cookie values the API writes: base64url and the `.` separator, nothing that needs quoting or encoding. */
const VALUE = /^[A-Za-z0-9_.-]*$/;

/**
 * The cookies of a Cookie header, by name. Pairs are separated by `;`; a pair without `=` or with a
 * name that is not a token is skipped; a value in double quotes loses them; percent-encoded values
 * are decoded when they decode; the first of two cookies with one name wins (the browser sends the
 * more specific path first). Several headers (an array) are read as one.
 */
export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (!TOKEN.test(name) || cookies.has(name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (value.includes('%')) {
      try {
        value = decodeURIComponent(value);
      } catch {
        // Not valid percent-encoding: kept as sent.
      }
    }
    cookies.set(name, value);
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  /** Seconds; 0 removes the cookie. */
  maxAge: number;
  httpOnly: boolean;
  sameSite: 'Lax' | 'Strict';
  secure: boolean;
}

/** A Set-Cookie header value. Refuses names and values that would need encoding (the API never writes those). */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!TOKEN.test(name)) throw new Error(`Not a cookie name: ${name}`);
  if (!VALUE.test(value)) throw new Error('A cookie value must be base64url text');
  if (!/^\/[\x21-\x3a\x3c-\x7e]*$/.test(options.path)) throw new Error('Not a cookie path');
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    ...(options.maxAge <= 0 ? ['Expires=Thu, 01 Jan 1970 00:00:00 GMT'] : []),
    ...(options.httpOnly ? ['HttpOnly'] : []),
    `SameSite=${options.sameSite}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
