// The GraphQL client: queries and mutations over HTTP on the same origin (the session cookie travels
// with them; Apollo's preflight header is the CSRF defence the API requires for cookie-authenticated
// writes), subscriptions over WebSocket (graphql-ws) on the same path. A signed-out answer
// (UNAUTHENTICATED) tells the session so the app shows the sign-in page.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode, print } from 'graphql';
import { createClient } from 'graphql-ws';
import { Observable, type Subscription } from 'rxjs';
import { takeEarlyAnswer } from '../auth/early-requests';

export const CSRF_HEADERS = { 'apollo-require-preflight': 'true' } as const;

/** Listeners told when the API answers that the session is gone (expired, signed out elsewhere). */
const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** The error's GraphQL code (BAD_USER_INPUT, UNAUTHENTICATED, …), when it has one. */
export function errorCode(error: unknown): string | null {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** The fields a BAD_USER_INPUT error names, with the API's (English) reasons. */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return fields;
  for (const e of error.errors) {
    const ext = e.extensions as { code?: string; field?: unknown; fields?: unknown } | undefined;
    if (ext?.code !== 'BAD_USER_INPUT') continue;
    if (typeof ext.field === 'string') fields[ext.field] = e.message;
    if (ext.fields && typeof ext.fields === 'object') {
      for (const [name, reason] of Object.entries(ext.fields as Record<string, unknown>)) {
        fields[name] = typeof reason === 'string' ? reason : e.message;
      }
    }
  }
  return fields;
}

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: CSRF_HEADERS });
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new GraphQLWsLink(
    createClient({
      url: `${protocol}//${window.location.host}/graphql`,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000)));
      },
    }),
  );
  const errors = new ErrorLink(({ error }) => {
    if (errorCode(error) === 'UNAUTHENTICATED') for (const listener of signedOutListeners) listener();
  });
  // A query the entry sent before the app started (auth/early-requests.ts) is answered from there.
  const early = new ApolloLink((operation, forward) => {
    const answer = takeEarlyAnswer(operation.operationName, operation.variables, () =>
      print(operation.query),
    );
    if (!answer) return forward(operation);
    return new Observable((observer) => {
      let closed = false;
      let sent: Subscription | undefined;
      void answer.then((result) => {
        if (closed) return;
        if (result) {
          observer.next(result);
          observer.complete();
        } else sent = forward(operation).subscribe(observer);
      });
      return () => {
        closed = true;
        sent?.unsubscribe();
      };
    });
  });
  const transport = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    ws,
    http,
  );
  return new ApolloClient({
    link: ApolloLink.from([errors, early, transport]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
