import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../request-context';

export const CSRF_KEY = 'crm:csrf';
/** The header a browser cannot send cross-site without a CORS preflight (the one Apollo's CSRF prevention asks for). */
export const PREFLIGHT_HEADER = 'apollo-require-preflight';

/**
 * Which requests of a route need the preflight header: `always` (the /auth POSTs: sign-in must not be
 * forced on a browser either), or `cookie` (only when the session cookie authenticated the request;
 * bearer-token clients are not browsers riding on ambient credentials).
 */
export const RequirePreflight = (when: 'always' | 'cookie') => SetMetadata(CSRF_KEY, when);

/**
 * The CSRF defence of the REST routes that change something: a cross-site form or `fetch` without
 * CORS cannot set a custom header, so a POST without `apollo-require-preflight` (any non-empty value)
 * is refused with 403 `{ code: "CSRF" }` before its body is read. Runs after the AuthGuard, which has
 * recorded how the request authenticated. GET and HEAD are never refused (they change nothing).
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const when = this.reflector.getAllAndOverride<'always' | 'cookie' | undefined>(CSRF_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!when || req.method === 'GET' || req.method === 'HEAD') return true;
    if (when === 'cookie' && req.authenticatedBy !== 'session') return true;
    const header = req.headers[PREFLIGHT_HEADER];
    if (typeof header === 'string' && header.trim() !== '') return true;
    throw new ForbiddenException({
      code: 'CSRF',
      message: `Send the header ${PREFLIGHT_HEADER} (any non-empty value) with this request`,
    });
  }
}
