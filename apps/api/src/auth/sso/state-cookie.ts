import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the browser carries from /auth/oidc/start to the callback, signed so it cannot be altered. */
export interface SignOnState {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Milliseconds since the epoch after which the state is refused. */
  expiresAt: number;
}

/** `<base64url JSON>.<base64url HMAC-SHA256>` */
export function signState(state: SignOnState, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, key)}`;
}

/** The state of a cookie this API signed and that has not expired, or null. */
export function verifyState(cookie: string | undefined, key: Buffer, now = Date.now()): SignOnState | null {
  const [payload, signature, extra] = (cookie ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignOnState;
    const strings = [state.state, state.nonce, state.codeVerifier, state.returnTo];
    if (strings.some((s) => typeof s !== 'string') || typeof state.expiresAt !== 'number') return null;
    return state.expiresAt > now ? state : null;
  } catch {
    return null;
  }
}

function mac(payload: string, key: Buffer): string {
  return createHmac('sha256', key).update(payload, 'utf8').digest('base64url');
}
