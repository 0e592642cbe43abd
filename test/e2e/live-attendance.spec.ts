import { APP_CONFIG, type AppConfig } from '@crm/persistence';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { AppModule } from '../../apps/api/src/app.module';
import { hardenHttp } from '../../apps/api/src/security/http-hardening';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/** How long a pushed update may take in these tests (the coalescing waits at most 250 ms). */
const WITHIN_MS = 3_000;

/**
 * Live attendance counts over WebSocket (graphql-ws), shared by several API processes through
 * Redis pub/sub: two Nest applications on two ports, one database, one Redis.
 */
describe('live attendance', () => {
  let a: TestApi; // instance A, with the worker
  let b: { app: INestApplication; baseUrl: string };
  let make: Factory;
  const clients: Client[] = [];

  beforeAll(async () => {
    a = await TestApi.start({ worker: true });
    make = new Factory(a);
    const config = a.app.get<AppConfig>(APP_CONFIG);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    hardenHttp(app, config);
    await app.listen(0, '127.0.0.1');
    b = { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await b.app.close();
    await a.close();
  });

  const wsUrl = (baseUrl: string) => `${baseUrl.replace(/^http/, 'ws')}/graphql`;

  /** POSTs GraphQL to an instance (B here), as TestApi.gql does for A. */
  async function gqlAt(baseUrl: string, query: string, variables: Json, token = a.adminToken): Promise<Json> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Json;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  const COUNTS = `registered attended noShows walkIns byRole { group count }`;
  const WITH_GENDER = `subscription($e: ID!) { eventAttendanceChanged(eventId: $e) { attended byGender { group count } } }`;
  const SUBSCRIPTION = `subscription($e: ID!) { eventAttendanceChanged(eventId: $e) { ${COUNTS} } }`;

  /** A graphql-ws client subscribed to an event's counts, collecting what it is sent. */
  function follow(baseUrl: string, eventId: string, token = a.adminToken, query = SUBSCRIPTION) {
    const received: Json[] = [];
    const errors: unknown[] = [];
    const waiters: (() => void)[] = [];
    const client = createClient({
      url: wsUrl(baseUrl),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe<Json>(
      { query, variables: { e: eventId } },
      {
        next: (message) => {
          if (message.errors) errors.push(message.errors);
          else received.push(message.data!.eventAttendanceChanged);
          for (const wake of waiters.splice(0)) wake();
        },
        error: (error) => {
          errors.push(error);
          for (const wake of waiters.splice(0)) wake();
        },
        complete: () => undefined,
      },
    );
    /** Waits until a received message satisfies `test` (at most WITHIN_MS). */
    const until = async (test: (counts: Json) => boolean): Promise<Json> => {
      const deadline = Date.now() + WITHIN_MS;
      for (;;) {
        const found = received.find(test);
        if (found) return found;
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching counts within ${WITHIN_MS} ms: ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    };
    return { received, errors, until, client };
  }

  /** A bare graphql-transport-ws handshake: how the server answers the upgrade and connection_init. */
  function handshake(
    baseUrl: string,
    options: { headers?: Record<string, string>; payload?: Json } = {},
  ): Promise<{ status?: number; ack?: boolean; code?: number; reason?: string; socket?: WebSocket }> {
    return new Promise((resolve) => {
      const socket = new WebSocket(wsUrl(baseUrl), 'graphql-transport-ws', { headers: options.headers });
      socket.on('unexpected-response', (_req, res) => {
        resolve({ status: res.statusCode });
        socket.terminate();
      });
      socket.on('error', () => undefined);
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: options.payload })),
      );
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') resolve({ ack: true, socket });
      });
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    });
  }

  const register = (eventId: string, actorId: string) =>
    a.ok(
      `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id checkInCode } }`,
      {
        input: { eventId, actorId, role: 'AUDIENCE' },
      },
    );

  it('pushes the counts of a check-in made through instance B to a subscriber on instance A', async () => {
    const event = await make.event();
    const person = await make.person();
    const { registerParticipation: p } = await register(event.id, person.id);
    const live = follow(a.baseUrl, event.id);
    // The first message is the current counts.
    const first = await live.until(() => true);
    expect(first).toEqual({ registered: 1, attended: 0, noShows: 1, walkIns: 0, byRole: [] });

    await gqlAt(b.baseUrl, `mutation($e: ID!, $c: String!) { checkInByCode(eventId: $e, code: $c) { id } }`, {
      e: event.id,
      c: p.checkInCode,
    });
    expect(await live.until((c) => c.attended === 1)).toEqual({
      registered: 1,
      attended: 1,
      noShows: 0,
      walkIns: 0,
      byRole: [{ group: 'AUDIENCE', count: 1 }],
    });

    // Undo, walk-in and cancel through B are heard too.
    await gqlAt(b.baseUrl, `mutation($i: CheckInInput!) { undoCheckIn(input: $i) { id } }`, {
      i: { eventId: event.id, actorId: person.id },
    });
    await live.until((c) => c.attended === 0 && c.noShows === 1);
    await gqlAt(
      b.baseUrl,
      `mutation($e: ID!, $p: CreatePersonInput!) { walkIn(eventId: $e, input: $p) { id } }`,
      {
        e: event.id,
        p: { name: 'Levande Gäst', sector: 'BUSINESS' },
      },
    );
    await live.until((c) => c.walkIns === 1 && c.attended === 1);
    await gqlAt(
      b.baseUrl,
      `mutation($i: CancelParticipationInput!) { cancelParticipation(input: $i) { id } }`,
      {
        i: { eventId: event.id, actorId: person.id },
      },
    );
    await live.until((c) => c.registered === 0);
    expect(live.errors).toEqual([]);
  });

  it('coalesces a burst of check-ins into a few recomputations, ending with the right counts', async () => {
    const event = await make.event();
    const people = [];
    for (let i = 0; i < 15; i += 1) {
      const person = await make.person();
      await register(event.id, person.id);
      people.push(person);
    }
    const live = follow(a.baseUrl, event.id);
    await live.until((c) => c.registered === 15);
    await Promise.all(
      people.map((person) =>
        gqlAt(b.baseUrl, `mutation($i: CheckInInput!) { checkIn(input: $i) { id } }`, {
          i: { eventId: event.id, actorId: person.id },
        }),
      ),
    );
    await live.until((c) => c.attended === 15);
    // One message first, then far fewer than one per check-in.
    expect(live.received.length).toBeLessThan(1 + 15);
  });

  it('publishes after a merge of actors, whose kept values the counts now show', async () => {
    const event = await make.event();
    const kept = await make.person({ gender: 'MAN' });
    const merged = await make.person({ gender: 'WOMAN' });
    await register(event.id, merged.id);
    await a.ok(`mutation($i: CheckInInput!) { checkIn(input: $i) { id } }`, {
      i: { eventId: event.id, actorId: merged.id },
    });
    const live = follow(a.baseUrl, event.id, a.adminToken, WITH_GENDER);
    await live.until((c) => c.byGender[0]?.group === 'WOMAN');
    await gqlAt(b.baseUrl, `mutation($k: ID!, $m: ID!) { mergeActors(keepId: $k, mergeId: $m) { id } }`, {
      k: kept.id,
      m: merged.id,
    });
    expect(await live.until((c) => c.byGender[0]?.group === 'MAN')).toEqual({
      attended: 1,
      byGender: [{ group: 'MAN', count: 1 }],
    });
  });

  it('tells open lists of the person’s events to fetch again when processing is restricted and when it is lifted', async () => {
    const event = await make.event();
    const elsewhere = await make.event();
    const person = await make.person();
    await register(event.id, person.id);
    const live = follow(a.baseUrl, event.id);
    const unrelated = follow(a.baseUrl, elsewhere.id);
    await live.until(() => true);
    await unrelated.until(() => true);
    const before = live.received.length;

    // Through instance B: the notice reaches A's subscriber through Redis.
    await gqlAt(
      b.baseUrl,
      `mutation($id: ID!, $r: String!) { restrictProcessing(actorId: $id, reason: $r) { id } }`,
      {
        id: person.id,
        r: 'Dnr 2026/77',
      },
    );
    // A restricted person is still counted: the same counts come again, and the door refetches its list.
    const afterRestriction = await live.until(() => live.received.length > before);
    expect(afterRestriction).toEqual({ registered: 1, attended: 0, noShows: 1, walkIns: 0, byRole: [] });
    const restricted = live.received.length;

    await gqlAt(b.baseUrl, `mutation($id: ID!) { liftRestriction(actorId: $id) { id } }`, { id: person.id });
    await live.until(() => live.received.length > restricted);

    // An event the person is not registered for hears nothing (past the coalescing delay).
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(unrelated.received).toHaveLength(1);
    expect(live.errors).toEqual([]);
  });

  it('publishes when a registration import finishes in the worker', async () => {
    const event = await make.event();
    const live = follow(b.baseUrl, event.id);
    await live.until((c) => c.registered === 0);
    const form = new FormData();
    const tag = Date.now().toString(36);
    form.append(
      'file',
      new Blob([`Namn;E-post\nLista Ett;l1.${tag}@example.se\nLista Två;l2.${tag}@example.se\n`]),
      'l.csv',
    );
    const upload = await fetch(`${a.baseUrl}/events/${event.id}/registrations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.adminToken}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    // The worker may take a moment to pick the job up: the import itself is not what is timed.
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (live.received.some((c) => c.registered === 2)) break;
      if (Date.now() > deadline)
        throw new Error(`no counts after the import: ${JSON.stringify(live.received)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  describe('the socket’s security', () => {
    it('closes a connection without credentials (4401) and with a wrong token', async () => {
      expect(await handshake(a.baseUrl)).toMatchObject({ code: 4401 });
      expect(await handshake(a.baseUrl, { payload: { authorization: 'Bearer not-a-token' } })).toMatchObject({
        code: 4401,
      });
    });

    it('accepts a bearer in the upgrade request as well as in connectionParams', async () => {
      const viaHeader = await handshake(a.baseUrl, { headers: { authorization: `Bearer ${a.adminToken}` } });
      expect(viaHeader.ack).toBe(true);
      viaHeader.socket?.close();
      const viaParams = await handshake(a.baseUrl, { payload: { authorization: `Bearer ${a.adminToken}` } });
      expect(viaParams.ack).toBe(true);
      viaParams.socket?.close();
    });

    it('refuses a foreign Origin at the upgrade (403) and lets its own in', async () => {
      const auth = { authorization: `Bearer ${a.adminToken}` };
      expect(await handshake(a.baseUrl, { headers: { ...auth, origin: 'https://evil.example' } })).toEqual({
        status: 403,
      });
      expect(await handshake(a.baseUrl, { headers: { ...auth, origin: 'null' } })).toEqual({ status: 403 });
      const own = await handshake(a.baseUrl, { headers: { ...auth, origin: a.baseUrl } });
      expect(own.ack).toBe(true);
      own.socket?.close();
    });

    it('closes the connection of a COMMITTEE user (4403), whose role excludes attendance', async () => {
      const committee = await make.user('COMMITTEE' as never);
      expect(await handshake(a.baseUrl, { payload: { authorization: `Bearer ${committee}` } })).toMatchObject(
        {
          code: 4403,
        },
      );
      const staff = await make.user('EVENT_STAFF' as never);
      const ok = await handshake(a.baseUrl, { payload: { authorization: `Bearer ${staff}` } });
      expect(ok.ack).toBe(true);
      ok.socket?.close();
    });

    it('serves subscriptions only, under the same limits as HTTP, at most 20 per connection', async () => {
      const event = await make.event();
      const opened = await handshake(a.baseUrl, { payload: { authorization: `Bearer ${a.adminToken}` } });
      const socket = opened.socket!;
      const answers = new Map<string, Json>();
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.id && !answers.has(message.id)) answers.set(message.id, message);
      });
      const send = (id: string, query: string, variables: Json = { e: event.id }) =>
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      const answer = async (id: string): Promise<Json> => {
        for (const deadline = Date.now() + WITHIN_MS; Date.now() < deadline;) {
          if (answers.has(id)) return answers.get(id)!;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`no answer to ${id}`);
      };

      send('query', `query { __typename }`);
      expect(await answer('query')).toMatchObject({
        type: 'error',
        payload: [{ extensions: { code: 'BAD_REQUEST' } }],
      });
      send('mutation', `mutation { __typename }`);
      expect((await answer('mutation')).type).toBe('error');
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: attended`);
      send(
        'aliases',
        `subscription($e: ID!) { eventAttendanceChanged(eventId: $e) { ${aliases.join(' ')} } }`,
      );
      expect(await answer('aliases')).toMatchObject({
        type: 'error',
        payload: [
          {
            message: 'Aliases limit of 30 exceeded, found 31.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
      send('nul', SUBSCRIPTION, { e: 'abc\u0000' });
      expect(await answer('nul')).toMatchObject({
        type: 'error',
        payload: [{ extensions: { code: 'BAD_USER_INPUT' } }],
      });
      send('unknown', SUBSCRIPTION, { e: '00000000-0000-4000-8000-000000000000' });
      expect(await answer('unknown')).toMatchObject({
        type: 'next',
        payload: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'eventId' } }] },
      });

      for (let i = 0; i < 20; i += 1) send(`s${i}`, SUBSCRIPTION);
      for (let i = 0; i < 20; i += 1) expect((await answer(`s${i}`)).type).toBe('next');
      send('s20', SUBSCRIPTION);
      expect(await answer('s20')).toMatchObject({
        type: 'error',
        payload: [{ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }],
      });
      socket.close();
    });

    it('refuses more than 10 connections of one user', async () => {
      const staff = await make.user('EVENT_STAFF' as never);
      const open: WebSocket[] = [];
      for (let i = 0; i < 10; i += 1) {
        const ok = await handshake(a.baseUrl, { payload: { authorization: `Bearer ${staff}` } });
        expect(ok.ack).toBe(true);
        open.push(ok.socket!);
      }
      expect(await handshake(a.baseUrl, { payload: { authorization: `Bearer ${staff}` } })).toMatchObject({
        code: 4429,
      });
      for (const socket of open) socket.close();
    });
  });
});
