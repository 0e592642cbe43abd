import { UserEntity } from '@crm/persistence';
import type { Request } from 'express';
import type { Loaders } from '../common/loaders';

export type AuthenticatedRequest = Request & { user?: UserEntity | null };

/** What every GraphQL resolver gets as context: the request (with its user) and per-request loaders. */
export interface GraphqlContext {
  req: AuthenticatedRequest;
  loaders: Loaders;
}
