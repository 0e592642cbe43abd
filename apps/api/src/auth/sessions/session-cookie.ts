import { APP_CONFIG, type AppConfig } from '@crm/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { trustProxySetting } from '../../security/http-hardening';
import { parseCookies, serializeCookie } from '../cookies';

export const SESSION_COOKIE = 'crm_session';
/** The browser keeps the cookie as long as a session can last at all (7 days); the server ends it sooner. */
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** A session secret as the API makes them: 256 bits, base64url. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session cookie `crm_session`: httpOnly, SameSite=Lax, Path=/, and Secure when TRUST_PROXY says
 * TLS ends at a proxy (the same test hardenHttp uses for HSTS) or PUBLIC_URL is https.
 */
@Injectable()
export class SessionCookie {
  readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure =
      trustProxySetting(config.TRUST_PROXY) !== null || (config.PUBLIC_URL ?? '').startsWith('https:');
  }

  /**
   * The cookie's value when the request carries one: the secret if it looks like one, '' if it does
   * not (a wrong cookie, refused like a wrong token), undefined when there is no session cookie.
   */
  secretIn(headers: IncomingHttpHeaders): string | undefined {
    const value = parseCookies(headers.cookie).get(SESSION_COOKIE);
    if (value === undefined) return undefined;
    return SECRET.test(value) ? value : '';
  }

  set(res: Response, secret: string): void {
    res.append('Set-Cookie', this.header(secret, MAX_AGE_SECONDS));
  }

  clear(res: Response): void {
    res.append('Set-Cookie', this.header('', 0));
  }

  private header(value: string, maxAge: number): string {
    return serializeCookie(SESSION_COOKIE, value, {
      path: '/',
      maxAge,
      httpOnly: true,
      sameSite: 'Lax',
      secure: this.secure,
    });
  }
}
