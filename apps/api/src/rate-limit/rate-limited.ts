import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
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

/**
 * Answers a refusal straight from Express (the AnonymousBudgetMiddleware, before routing): 429 with
 * Retry-After; on the GraphQL path a GraphQL answer with RATE_LIMITED (no `data`: refused before
 * execution), elsewhere the REST body `{ statusCode, message }`.
 */
export function sendRateLimited(res: Response, retryAfter: RetryAfter, graphql: boolean): void {
  res.status(HttpStatus.TOO_MANY_REQUESTS).setHeader('Retry-After', String(retryAfter));
  if (graphql) {
    const error = rateLimitedGraphqlError(retryAfter);
    res.json({ errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfter } }] });
  } else {
    res.json(rateLimitedHttpException(retryAfter).getResponse());
  }
}
