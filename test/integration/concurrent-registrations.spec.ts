import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/** Simultaneous requests meet in the database: they never duplicate a row, and the loser hears why. */
describe('concurrent writes', () => {
  let api: TestApi;
  let make: Factory;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
  });
  afterAll(() => api.close());

  const rowsFor = async (eventId: string) =>
    api.dataSource.query(`SELECT actor_id, status, checked_in_at FROM participation WHERE event_id = $1`, [
      eventId,
    ]);

  it('two simultaneous registerParticipation calls for the same pair leave one row', async () => {
    for (let round = 0; round < 5; round += 1) {
      const event = await make.event();
      const person = await make.person();
      const register = (role: string) =>
        api.gql(
          `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
          {
            input: { eventId: event.id, actorId: person.id, role },
          },
        );
      const results = await Promise.all([
        register('AUDIENCE'),
        register('SPEAKER'),
        register('PANELIST'),
        register('AUDIENCE'),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
      const ids = new Set(
        results.map((r) => (r.data as { registerParticipation: { id: string } }).registerParticipation.id),
      );
      expect(ids.size).toBe(1);
      expect(await rowsFor(event.id)).toHaveLength(1);
    }
  });

  it('checking the same person in from two devices at once keeps one row and one check-in time', async () => {
    const event = await make.event();
    const person = await make.person();
    await api.ok(
      `mutation($e: ID!, $a: ID!) { registerParticipation(input: { eventId: $e, actorId: $a, role: AUDIENCE }) { id } }`,
      {
        e: event.id,
        a: person.id,
      },
    );
    const checkIn = () =>
      api.ok(
        `mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { id checkedInAt } }`,
        {
          e: event.id,
          a: person.id,
        },
      );
    const [a, b] = await Promise.all([checkIn(), checkIn()]);
    expect(a.checkIn).toEqual(b.checkIn);
    const rows = await rowsFor(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('ATTENDED');
    expect(rows[0].checked_in_at.toISOString()).toBe(a.checkIn.checkedInAt);
  });

  it('two people created at once with the same email: one wins, the other is told the email is taken', async () => {
    const create = (name: string) =>
      api.gql(
        `mutation($name: String!) { createPerson(input: { name: $name, email: "Same.Person@Example.se", sector: BUSINESS }) { id } }`,
        {
          name,
        },
      );
    const results = await Promise.all([create('Första'), create('Andra'), create('Tredje')]);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => r.errors?.[0].extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'email' },
      { code: 'BAD_USER_INPUT', field: 'email' },
    ]);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM actor WHERE email = 'same.person@example.se'`,
    );
    expect(count).toBe(1);
  });
});
