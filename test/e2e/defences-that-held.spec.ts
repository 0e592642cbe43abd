import { APP_CONFIG, AppConfig, LADDER_QUEUE, REGISTRATION_IMPORT_QUEUE } from '@crm/persistence';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * What held when the API was tried as an attacker would (issue 9), kept so by tests: text that
 * looks like SQL is only ever a value, report files need a token, and queue payloads carry ids.
 */
describe('defences that held', () => {
  let api: TestApi;
  let make: Factory;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
  });
  afterAll(() => api.close());

  describe('SQL in user input is only ever a value', () => {
    const hostile = [
      `x'; DROP TABLE actor; --`,
      `' OR '1'='1`,
      `%' UNION SELECT token_hash, email FROM app_user --`,
      `\\'; SELECT pg_sleep(10); --`,
    ];

    it('stores a name that looks like SQL exactly as typed', async () => {
      for (const name of hostile) {
        const person = await make.person({ name });
        const { actor } = await api.ok(`query($id: ID!) { actor(id: $id) { name } }`, { id: person.id });
        expect(actor.name).toBe(name);
      }
    });

    it('answers a search that looks like SQL with matches of the text, not of the SQL', async () => {
      const event = await make.event();
      const person = await make.person({ name: 'Sara Strand' });
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        { input: { eventId: event.id, actorId: person.id, role: 'AUDIENCE' } },
      );
      for (const query of hostile) {
        const { checkInSearch } = await api.ok(
          `query($e: ID!, $q: String!) { checkInSearch(eventId: $e, query: $q) { actor { name } } }`,
          { e: event.id, q: query },
        );
        expect(checkInSearch).toEqual([]);
      }
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM actor`);
      expect(n).toBeGreaterThan(0);
    });
  });

  describe('report files need a token', () => {
    it('refuses a report download without a token or with a wrong one', async () => {
      for (const ext of ['pdf', 'xlsx']) {
        const url = `${api.baseUrl}/reports/${randomUUID()}.${ext}`;
        expect((await fetch(url)).status).toBe(401);
        const wrong = await fetch(url, { headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
        expect(wrong.status).toBe(401);
        // A signed-in user asking for a report that does not exist gets 404, so the 401 above was the token.
        const signedIn = await fetch(url, { headers: { authorization: `Bearer ${api.adminToken}` } });
        expect(signedIn.status).toBe(404);
      }
    });
  });

  describe('queue payloads carry ids only', () => {
    it('puts no name, email or organisation in the jobs a check-in, a walk-in and an import enqueue', async () => {
      const config = api.app.get<AppConfig>(APP_CONFIG);
      const event = await make.event();
      const known = await make.person({ name: 'Karin Köhler', email: 'karin.kohler@example.se' });
      await api.ok(`mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`, {
        input: { eventId: event.id, actorId: known.id },
      });
      await api.ok(
        `mutation($e: ID!, $input: CreatePersonInput!) { walkIn(eventId: $e, input: $input) { id } }`,
        {
          e: event.id,
          input: { name: 'Valter Walkin', email: 'valter.walkin@example.se', sector: 'CIVIL_SOCIETY' },
        },
      );
      const form = new FormData();
      const list = 'Namn;E-post;Organisation\nIda Import;ida.import@example.se;Importbolaget AB\n';
      form.append('file', new Blob([list], { type: 'text/csv' }), 'lista.csv');
      const upload = await fetch(`${api.baseUrl}/events/${event.id}/registrations/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.adminToken}` },
        body: form,
      });
      expect(upload.status).toBe(202);

      const payloads: unknown[] = [];
      for (const name of [LADDER_QUEUE, REGISTRATION_IMPORT_QUEUE]) {
        const queue = new Queue(name, {
          connection: { url: config.REDIS_URL },
          prefix: config.QUEUE_PREFIX,
        });
        try {
          for (const job of await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed']))
            payloads.push(job.data);
        } finally {
          await queue.close();
        }
      }
      expect(payloads.length).toBeGreaterThanOrEqual(3); // two ladder marks and the import at least
      const text = JSON.stringify(payloads);
      for (const personal of ['Karin', 'Köhler', 'kohler', 'Valter', 'walkin', 'Ida', 'Importbolaget'])
        expect(text).not.toContain(personal);
      const strings = (value: unknown): string[] =>
        typeof value === 'string'
          ? [value]
          : value && typeof value === 'object'
            ? Object.values(value).flatMap(strings)
            : [];
      for (const value of payloads.flatMap(strings))
        expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });
  });
});
