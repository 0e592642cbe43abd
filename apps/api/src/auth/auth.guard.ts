import { can, Permission } from '@crm/domain';
import { UserEntity, UserRepository } from '@crm/persistence';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { forbidden, unauthenticated } from '../common/errors';
import { PERMISSIONS_KEY, PUBLIC_KEY } from './decorators';
import { AuthenticatedRequest, GraphqlContext } from './request-context';
import { hashToken } from './token';

/**
 * Every operation needs a valid bearer token and the permissions its resolver declares; an operation
 * that declares none is refused. The user is looked up once per request and kept on it, so the
 * guard costs nothing on nested field resolvers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const isGraphql = context.getType<string>() === 'graphql';
    const req: AuthenticatedRequest = isGraphql
      ? GqlExecutionContext.create(context).getContext<GraphqlContext>().req
      : context.switchToHttp().getRequest();

    const user = await this.authenticate(req);
    if (!user) {
      if (isGraphql) throw unauthenticated();
      throw new UnauthorizedException('Authentication required: send Authorization: Bearer <token>');
    }
    const needed = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    if (needed?.length && needed.every((p) => can(user.role, p))) return true;
    if (isGraphql) throw forbidden();
    throw new ForbiddenException('Your role does not allow this operation');
  }

  private async authenticate(req: AuthenticatedRequest): Promise<UserEntity | null> {
    if (req.user !== undefined) return req.user;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    req.user = match
      ? await new UserRepository(this.dataSource.manager).findActiveByTokenHash(hashToken(match[1]))
      : null;
    return req.user;
  }
}
