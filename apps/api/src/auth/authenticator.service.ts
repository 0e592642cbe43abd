import { UserEntity, UserRepository } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { DataSource } from 'typeorm';
import type { CredentialKind } from './request-context';
import { SessionCookie } from './sessions/session-cookie';
import { SessionService } from './sessions/session.service';
import { hashToken } from './token';

/** The token of an `Authorization: Bearer <token>` header value, or null (none, another scheme, malformed). */
export function bearerTokenOf(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

/** Who a request's credentials belong to, and which credential said so. */
export interface Authentication {
  /** The enabled user, or null (no credential, or a wrong, expired or disabled one). */
  user: UserEntity | null;
  /** The credential the request carried, whether it was accepted or not; null: none. */
  via: CredentialKind | null;
  /** The session's id when a session cookie was accepted. */
  sessionId: string | null;
}

/**
 * Who a request's credentials belong to, wherever a request arrives (HTTP routes, /graphql, the
 * WebSocket upgrade of subscriptions): the enabled user, or null. A bearer token or the session cookie
 * `crm_session`; a request carrying both is judged by the bearer token alone.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cookie: SessionCookie,
    private readonly sessions: SessionService,
  ) {}

  /**
   * @param options.touch false for a check that is not a use of the session (a live socket's
   *   periodic re-check), so an open page alone does not keep an idle session alive
   */
  async fromHeaders(
    headers: IncomingHttpHeaders,
    options: { touch?: boolean } = {},
  ): Promise<UserEntity | null> {
    return (await this.authenticate(headers, options)).user;
  }

  /** The credential the headers carry, without looking it up: what the anonymous budget needs to know. */
  credentialIn(headers: IncomingHttpHeaders): CredentialKind | null {
    if (bearerTokenOf(headers.authorization)) return 'bearer';
    return this.cookie.secretIn(headers) === undefined ? null : 'session';
  }

  async authenticate(
    headers: IncomingHttpHeaders,
    { touch = true }: { touch?: boolean } = {},
  ): Promise<Authentication> {
    const token = bearerTokenOf(headers.authorization);
    if (token) {
      const user = await new UserRepository(this.dataSource.manager).findActiveByTokenHash(hashToken(token));
      return { user, via: 'bearer', sessionId: null };
    }
    const secret = this.cookie.secretIn(headers);
    if (secret === undefined) return { user: null, via: null, sessionId: null };
    const user = secret ? await this.sessions.findUser(secret, { touch }) : null;
    return { user, via: 'session', sessionId: user ? SessionService.idOf(secret) : null };
  }
}
