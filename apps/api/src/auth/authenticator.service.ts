import { UserEntity, UserRepository } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { DataSource } from 'typeorm';
import { hashToken } from './token';

/** The token of an `Authorization: Bearer <token>` header value, or null (none, another scheme, malformed). */
export function bearerTokenOf(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

/**
 * Who a request's credentials belong to, wherever a request arrives (HTTP routes, /graphql, the
 * WebSocket upgrade of subscriptions): the enabled user, or null.
 */
@Injectable()
export class Authenticator {
  constructor(private readonly dataSource: DataSource) {}

  async fromHeaders(headers: IncomingHttpHeaders): Promise<UserEntity | null> {
    const token = bearerTokenOf(headers.authorization);
    if (!token) return null;
    return new UserRepository(this.dataSource.manager).findActiveByTokenHash(hashToken(token));
  }
}
