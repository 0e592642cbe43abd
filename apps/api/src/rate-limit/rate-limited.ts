import { HttpException, HttpStatus } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/** Seconds until the tracker may try again, at least 1 (the value of Retry-After). */
export type RetryAfter = number;

function message(retryAfter: RetryAfter): string {
  return `För många förfrågningar: försök igen om ${retryAfter} s. Too many requests: retry in ${retryAfter} s.`;
}

/**
 * A refusal for GraphQL: `extensions.code` RATE_LIMITED, and `extensions.http`, which Apollo Server
 * turns into the response's status (429) and Retry-After header and removes from the answer.
 */
export function rateLimitedGraphqlError(retryAfter: RetryAfter): GraphQLError {
  return new GraphQLError(message(retryAfter), {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfter,
      http: { status: HttpStatus.TOO_MANY_REQUESTS, headers: new Map([['retry-after', String(retryAfter)]]) },
    },
  });
}

/** A refusal for REST routes: 429 `{ statusCode, message }` (the caller sets Retry-After on the response). */
export function rateLimitedHttpException(retryAfter: RetryAfter): HttpException {
  return new HttpException(
    { statusCode: HttpStatus.TOO_MANY_REQUESTS, message: message(retryAfter) },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
