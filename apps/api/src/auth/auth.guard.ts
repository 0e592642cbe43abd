import { can, Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../common/errors';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { Authenticator } from './authenticator.service';
import { PERMISSIONS_KEY, PUBLIC_KEY } from './decorators';
import { AuthenticatedRequest, GraphqlContext } from './request-context';

/** The request's authentication, looked up once (a query's root fields are guarded in parallel). */
const AUTHENTICATION = Symbol('crm:authentication');
type GuardedRequest = AuthenticatedRequest & { [AUTHENTICATION]?: Promise<UserEntity | null> };

/**
 * Every operation needs a valid bearer token or session cookie of an enabled user (see Authenticator)
 * and the permissions its resolver
 * declares; an operation that declares none is refused. The user is looked up once per request and
 * kept on it, so the guard costs nothing on nested field resolvers.
 *
 * Rate limits are applied here, where it is known who calls: a failed authentication counts against
 * the client address (over budget: 429 RATE_LIMITED instead of UNAUTHENTICATED; a valid token from the
 * same address still passes), a signed-in request against its user's budgets. The
 * AnonymousBudgetMiddleware has usually looked the token up already (and counted a wrong one) before
 * routing; the guard reuses its answer and never counts the same request's failure twice.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly rateLimit: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const isGraphql = context.getType<string>() === 'graphql';
    const req: GuardedRequest = isGraphql
      ? GqlExecutionContext.create(context).getContext<GraphqlContext>().req
      : context.switchToHttp().getRequest();

    // Looked up, and a failure counted, once per request however many fields it resolves.
    req[AUTHENTICATION] ??= this.authenticate(req).then(async (found) => {
      if (!found) await this.rateLimit.failedAuthentication(context, req);
      return found;
    });
    const user = await req[AUTHENTICATION];
    if (!user) {
      if (isGraphql) throw unauthenticated();
      throw new UnauthorizedException(
        'Authentication required: send Authorization: Bearer <token> or sign in for a session cookie',
      );
    }
    await this.rateLimit.signedIn(context, req, user);
    const needed = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    if (needed?.length && needed.every((p) => can(user.role, p))) return true;
    if (isGraphql) throw forbidden();
    throw new ForbiddenException('Your role does not allow this operation');
  }

  /**
   * The enabled user holding the bearer token or the session, or null (none, malformed, unknown,
   * ended, or a disabled user). Kept on the request with the credential that said so.
   */
  private async authenticate(req: AuthenticatedRequest): Promise<UserEntity | null> {
    if (req.user !== undefined) return req.user; // looked up by the AnonymousBudgetMiddleware
    const found = await this.authenticator.authenticate(req.headers);
    Object.assign(req, {
      user: found.user,
      authenticatedBy: found.via ?? undefined,
      sessionId: found.sessionId,
    });
    return found.user;
  }
}
