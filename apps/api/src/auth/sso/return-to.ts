/**
 * Where the browser goes after single sign-on: a path on the product's own origin (PUBLIC_URL), or
 * `/` for anything else (another origin, `//host`, `/\host`, control characters, over 2,000 characters).
 */
export function safeReturnTo(raw: unknown, publicUrl: string): string {
  if (typeof raw !== 'string' || raw.length > 2_000 || !raw.startsWith('/')) return '/';
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (raw.startsWith('//') || raw.startsWith('/\\') || /[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  try {
    const base = new URL(publicUrl);
    const target = new URL(raw, base);
    if (target.origin !== base.origin) return '/';
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return '/';
  }
}
