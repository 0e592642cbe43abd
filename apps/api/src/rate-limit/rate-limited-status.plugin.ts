import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';

const LISTENER: GraphQLRequestListener<BaseContext> = {
  async willSendResponse({ errors, response }) {
    const limited = errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
    if (!limited) return;
    response.http.status = 429;
    response.http.headers.set('retry-after', String(limited.extensions.retryAfter ?? 60));
  },
};

/**
 * A GraphQL answer refused by a rate limit goes out as HTTP 429 with Retry-After. Apollo Server
 * would take both from the error's `extensions.http`, but @nestjs/apollo resets the status of any
 * answer with a `data` key to 200 (its preserveHttpStatusForExecutionErrors plugin); this plugin is
 * registered after that one, so its word is the last.
 */
@Plugin()
export class RateLimitedStatusPlugin implements ApolloServerPlugin<BaseContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    return LISTENER;
  }
}
