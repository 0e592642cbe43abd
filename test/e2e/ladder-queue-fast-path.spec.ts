import { stockholmDate } from '@crm/domain';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/** With the sweep out of the way, a check-in reaches the ladder through BullMQ alone. */
describe('the ladder fast path through the queue', () => {
  let api: TestApi;

  beforeAll(async () => {
    const slowSweep = { LADDER_SWEEP_INTERVAL_MS: String(3_600_000) };
    api = await TestApi.start({ worker: true, env: slowSweep, workerEnv: slowSweep });
  });
  afterAll(() => api.close());

  it('places a checked-in person within seconds, long before the next sweep', async () => {
    const make = new Factory(api);
    const event = await make.event({ startsAt: `${stockholmDate()}T08:00:00.000Z`, endsAt: null });
    const org = await make.organisation();
    const person = await make.person({ organisationId: org.id });
    await api.ladderSettled(); // the worker's first sweep at start, before this check-in
    await api.ok(`mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { status } }`, {
      e: event.id,
      a: person.id,
    });
    await api.ladderSettled(5_000);
    const data = await api.ok(
      `query($p: ID!, $o: ID!) { p: actor(id: $p) { ladder { step } } o: actor(id: $o) { ladder { step } } }`,
      {
        p: person.id,
        o: org.id,
      },
    );
    expect(data).toEqual({ p: { ladder: { step: 'AWARENESS' } }, o: { ladder: { step: 'AWARENESS' } } });
  });
});
