// The API's sign-in routes (apps/api/src/auth): JSON in and out, the session in an httpOnly cookie
// the app never sees. Every POST carries Apollo's preflight header, the API's CSRF defence.
import { CSRF_HEADERS } from '../app/apollo';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: 'ADMIN' | 'EVENT_STAFF' | 'STRATEGIST' | 'COMMITTEE';
}

export type AuthFailure =
  | { kind: 'invalid' }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'weakPassword'; message: string }
  | { kind: 'invitationInvalid' }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'network' }
  | { kind: 'server' };

export type AuthResult<T> = { ok: true; value: T } | { ok: false; failure: AuthFailure };

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<AuthResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'content-type': 'application/json', ...CSRF_HEADERS } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  if (response.status === 204) return { ok: true, value: undefined as T };
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, value: json as T };
  const retryAfterSeconds =
    Number(json.retryAfterSeconds ?? response.headers.get('retry-after') ?? 0) || 15 * 60;
  switch (json.code) {
    case 'INVALID_CREDENTIALS':
      return { ok: false, failure: { kind: 'invalid' } };
    case 'ACCOUNT_LOCKED':
      return { ok: false, failure: { kind: 'locked', retryAfterSeconds } };
    case 'WEAK_PASSWORD':
      return { ok: false, failure: { kind: 'weakPassword', message: String(json.message ?? '') } };
    case 'INVITATION_INVALID':
      return { ok: false, failure: { kind: 'invitationInvalid' } };
    case 'RATE_LIMITED':
      return { ok: false, failure: { kind: 'rateLimited', retryAfterSeconds } };
    default:
      return { ok: false, failure: { kind: 'server' } };
  }
}

export const authApi = {
  options: () => call<{ password: boolean; sso: boolean }>('GET', '/auth/options'),
  signIn: (email: string, password: string) =>
    call<{ user: SessionUser }>('POST', '/auth/sign-in', { email, password }),
  signOut: () => call<void>('POST', '/auth/sign-out'),
  invitation: (secret: string) =>
    call<{ email: string; name: string }>('GET', `/auth/invitation/${encodeURIComponent(secret)}`),
  acceptInvitation: (secret: string, password: string) =>
    call<{ user: SessionUser }>('POST', `/auth/invitation/${encodeURIComponent(secret)}`, { password }),
  ssoStartUrl: (returnTo: string) => `/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
};
