import { UserEntity } from '@crm/persistence';
import type { Request } from 'express';
import type { Loaders } from '../common/loaders';

/** How a request proved who it is: a bearer token, or the session cookie (which needs a CSRF defence). */
export type CredentialKind = 'bearer' | 'session';

export type AuthenticatedRequest = Request & {
  user?: UserEntity | null;
  /** The credential the request carried (set with `user`); undefined when it carried none. */
  authenticatedBy?: CredentialKind;
  /** The id of the session that authenticated the request (a cookie's), else null. */
  sessionId?: string | null;
};

/** What every GraphQL resolver gets as context: the request (with its user) and per-request loaders. */
export interface GraphqlContext {
  req: AuthenticatedRequest;
  loaders: Loaders;
}
