import { WebSocket } from 'ws';
import { GraphqlResponse, Json } from './api';

/** The close codes with which the API refuses a socket (see LiveSocketServer), as HTTP GraphQL's codes. */
const REFUSED_WITH: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN' };

/**
 * Subscribes over WebSocket (graphql-transport-ws on /graphql) and answers the first message the
 * server sends, shaped like an HTTP GraphQL answer so a test can treat both alike: the message's data
 * and errors, or, when the server closes the connection instead (4401 no valid credentials, 4403 a
 * role without the permission), one error whose code is the one HTTP would give (UNAUTHENTICATED,
 * FORBIDDEN; CLOSED_<code> for any other). `status` is the upgrade's: 101, or the HTTP status of a
 * refused upgrade. The socket is closed once the answer is known.
 *
 * @param credentials.token sent in connection_init's payload as "Bearer <token>"
 * @param credentials.headers sent with the upgrade request (a bearer or a session cookie is read from there too)
 */
export function firstSubscriptionMessage(
  baseUrl: string,
  request: { query: string; variables?: Record<string, unknown> },
  credentials: { token?: string; headers?: Record<string, string> } = {},
  timeoutMs = 5_000,
): Promise<GraphqlResponse<Json>> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: credentials.headers,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (socket.readyState === WebSocket.OPEN) socket.close(1000);
      else if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      outcome();
    };
    const answer = (response: GraphqlResponse<Json>) => settle(() => resolve(response));
    const timer = setTimeout(
      () => settle(() => reject(new Error(`no subscription message within ${timeoutMs} ms`))),
      timeoutMs,
    );
    const send = (message: Json) => socket.send(JSON.stringify(message));

    socket.on('unexpected-response', (_req, res) =>
      answer({ status: res.statusCode ?? 0, data: null, errors: [{ message: `HTTP ${res.statusCode}` }] }),
    );
    socket.on('error', (error) => settle(() => reject(error)));
    socket.on('open', () =>
      send({
        type: 'connection_init',
        payload: credentials.token ? { authorization: `Bearer ${credentials.token}` } : undefined,
      }),
    );
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as Json;
      switch (message.type) {
        case 'connection_ack':
          return send({
            id: '1',
            type: 'subscribe',
            payload: { query: request.query, variables: request.variables ?? {} },
          });
        case 'ping':
          return send({ type: 'pong' });
        case 'next':
          return answer({ status: 101, data: message.payload.data ?? null, errors: message.payload.errors });
        case 'error':
          return answer({ status: 101, data: null, errors: message.payload });
        case 'complete':
          return answer({ status: 101, data: null, errors: [{ message: 'completed without a message' }] });
      }
    });
    socket.on('close', (code, reason) =>
      answer({
        status: 101,
        data: null,
        errors: [{ message: String(reason), extensions: { code: REFUSED_WITH[code] ?? `CLOSED_${code}` } }],
      }),
    );
  });
}
