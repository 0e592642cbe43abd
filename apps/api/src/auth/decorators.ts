import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphqlContext } from './request-context';

export const PERMISSIONS_KEY = 'crm:permissions';
export const PUBLIC_KEY = 'crm:public';

/** The permissions an operation needs (all of them). Operations without it are refused: the guard fails closed. */
export const Requires = (...permissions: Permission[]) => SetMetadata(PERMISSIONS_KEY, permissions);

/** Reachable without a token (only /health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserEntity => {
  const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
  if (!ctx.req.user) throw new Error('CurrentUser used on an operation that does not require authentication');
  return ctx.req.user;
});
