import { Role, stockholmDate } from '@crm/domain';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * The ladder end to end: evidence recorded through GraphQL, the outbox drained by the real worker
 * through BullMQ on the real Redis, and the placements, history and aggregates read back.
 */
describe('the engagement ladder through the API', () => {
  let api: TestApi;
  let make: Factory;
  const today = stockholmDate();
  const daysAgo = (n: number) => stockholmDate(new Date(Date.now() - n * 86_400_000));

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
  });
  afterAll(() => api.close());

  const attend = async (eventId: string, actorId: string, role = 'AUDIENCE') =>
    api.ok(`mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`, {
      input: { eventId, actorId, role, status: 'ATTENDED' },
    });
  const eventOn = (day: string, title: string, meetingPlace = 'GRAND_HOTEL') =>
    make.event({ title, meetingPlace, startsAt: `${day}T09:00:00.000Z`, endsAt: `${day}T12:00:00.000Z` });
  const initiative = async (kind: string, name: string) =>
    (
      await api.ok(`mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`, {
        input: { name, kind, startedOn: daysAgo(200) },
      })
    ).createInitiative.id as string;
  const join = (initiativeId: string, actorId: string, role: string, joinedOn: string) =>
    api.ok(`mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`, {
      input: { initiativeId, actorId, role, joinedOn },
    });
  const ladderOf = async (id: string) =>
    (
      await api.ok(
        `query($id: ID!) { actor(id: $id) { ladder { step level label since rulesVersion reasons { rule text textSv occurredOn eventId initiativeId viaActorId } } } }`,
        { id },
      )
    ).actor.ladder;

  it('places the five canonical examples on steps 1 to 5, with reasons in Swedish and English', async () => {
    const themed = await eventOn(daysAgo(100), 'Temadag: grön omställning');
    const lycksele = await eventOn(daysAgo(90), 'Mötesplats Lycksele', 'MOTESPLATS_LYCKSELE');
    const grand = await eventOn(daysAgo(80), 'Energidagen');
    const norrbotnia = await eventOn(daysAgo(70), 'Norrbotniabanan', 'ALMEDALEN');

    const leader = await make.person({ name: 'Beslutsfattare' });
    await attend(themed.id, leader.id);

    const researcher = await make.person({ name: 'Forskare', sector: 'ACADEMIA' });
    await attend(themed.id, researcher.id);
    await attend(lycksele.id, researcher.id, 'PANELIST');

    const company = await make.organisation({ name: 'Energibolaget AB', sector: 'BUSINESS' });
    await attend(grand.id, company.id);
    await join(await initiative('WORKING_GROUP', 'Hållbar energi'), company.id, 'MEMBER', daysAgo(60));

    const municipality = await make.organisation({
      name: 'Lycksele kommun',
      sector: 'PUBLIC_SECTOR',
      municipalityCode: '2481',
    });
    await attend(grand.id, municipality.id);
    const infrastructure = await initiative('COLLABORATION', 'Infrastruktur i inlandet');
    await join(infrastructure, municipality.id, 'PARTNER', daysAgo(50));
    await join(infrastructure, company.id, 'MEMBER', daysAgo(50)); // a second sector

    const association = await make.organisation({ name: 'Företagarföreningen', sector: 'CIVIL_SOCIETY' });
    await attend(norrbotnia.id, association.id);
    await join(
      await initiative('OWN_INITIATIVE', 'Påverkan för Norrbotniabanan'),
      association.id,
      'LEAD',
      daysAgo(40),
    );

    await api.ladderSettled();
    expect((await ladderOf(leader.id)).step).toBe('AWARENESS');
    const interest = await ladderOf(researcher.id);
    expect(interest).toMatchObject({
      step: 'INTEREST',
      level: 2,
      label: 'Intresse',
      since: daysAgo(90),
      rulesVersion: 1,
    });
    expect(interest.reasons[0]).toMatchObject({ rule: 'INTEREST', eventId: lycksele.id });
    expect(interest.reasons[0].textSv).toContain('Mötesplats Lycksele');
    expect(interest.reasons[0].text).toMatch(/^Interest: /);
    expect((await ladderOf(company.id)).step).toBe('PARTICIPATION');
    const collaboration = await ladderOf(municipality.id);
    expect(collaboration.step).toBe('COLLABORATION');
    expect(collaboration.reasons[0]).toMatchObject({ initiativeId: infrastructure });
    expect(collaboration.reasons[0].textSv).toContain('Infrastruktur i inlandet');
    const influence = await ladderOf(association.id);
    expect(influence).toMatchObject({
      step: 'INFLUENCE',
      label: 'Påverkan och handling',
      since: daysAgo(40),
    });
  });

  it("lifts an organisation to its people's step and says through whom", async () => {
    const org = await make.organisation({ name: 'Skogsbolaget' });
    const person = await make.person({ name: 'Talaren Tove', organisationId: org.id });
    const event = await eventOn(daysAgo(30), 'Skogens dag');
    await attend(event.id, person.id, 'SPEAKER');
    await api.ladderSettled();
    const ladder = await ladderOf(org.id);
    expect(ladder.step).toBe('INTEREST');
    expect(ladder.reasons[0]).toMatchObject({ viaActorId: person.id });
    expect(ladder.reasons[0].textSv).toContain('Talaren Tove');
  });

  it('answers the ladder on a past date and keeps every change as history', async () => {
    const person = await make.person();
    const first = await eventOn(daysAgo(300), 'Första seminariet');
    const second = await eventOn(daysAgo(100), 'Andra seminariet');
    await attend(first.id, person.id);
    await attend(second.id, person.id);
    const engagement = await api.ok(
      `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`,
      {
        input: {
          actorId: person.id,
          kind: 'INPUT',
          occurredOn: daysAgo(10),
          note: 'Inspel om kompetensförsörjning',
        },
      },
    );
    await api.ladderSettled();
    const data = await api.ok(
      `query($id: ID!, $before: Date!, $between: Date!) { actor(id: $id) {
         highestStep
         before: ladderAt(asOf: $before) { step }
         between: ladderAt(asOf: $between) { step since }
         ladderHistory { from to effectiveOn rulesVersion reasons { engagementId } } } }`,
      { id: person.id, before: daysAgo(301), between: daysAgo(50) },
    );
    expect(data.actor.before).toBeNull();
    expect(data.actor.between).toEqual({ step: 'INTEREST', since: daysAgo(100) });
    expect(data.actor.highestStep).toBe('PARTICIPATION');
    expect(
      data.actor.ladderHistory.map((c: { from: string | null; to: string; effectiveOn: string }) => [
        c.from,
        c.to,
        c.effectiveOn,
      ]),
    ).toEqual([
      [null, 'AWARENESS', daysAgo(300)],
      ['AWARENESS', 'INTEREST', daysAgo(100)],
      ['INTEREST', 'PARTICIPATION', daysAgo(10)],
    ]);
    expect(data.actor.ladderHistory[2].reasons).toEqual([{ engagementId: engagement.recordEngagement.id }]);
  });

  it('counts actors per step and group, and the movement between two dates', async () => {
    const distribution = await api.ok(`{
      all: ladderDistribution { group label total steps { step count } }
      bySector: ladderDistribution(groupBy: SECTOR) { group label total }
      past: ladderDistribution(asOf: "2020-01-01") { total } }`);
    const [all] = distribution.all;
    expect(all.group).toBe('ALL');
    expect(all.steps.map((s: { step: string }) => s.step)).toEqual([
      'AWARENESS',
      'INTEREST',
      'PARTICIPATION',
      'COLLABORATION',
      'INFLUENCE',
    ]);
    const [{ count: engaged }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM ladder_period WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)`,
      [today],
    );
    expect(all.total).toBe(engaged);
    expect(all.total).toBeGreaterThan(5);
    expect(distribution.bySector.reduce((n: number, b: { total: number }) => n + b.total, 0)).toBe(engaged);
    expect(distribution.bySector.find((b: { group: string }) => b.group === 'ACADEMIA')?.label).toBe(
      'Akademi',
    );
    expect(distribution.past).toEqual([{ total: 0 }]);

    const movement = await api.ok(
      `query($from: Date!, $to: Date!) {
      ladderTransitions(from: $from, to: $to) { from to count }
      ladderMovement(from: $from, to: $to) { newlyEngaged passiveToActive movedUp } }`,
      { from: daysAgo(365), to: today },
    );
    const newly = movement.ladderTransitions.filter((t: { from: string | null }) => t.from === null);
    expect(newly.reduce((n: number, t: { count: number }) => n + t.count, 0)).toBe(engaged);
    expect(movement.ladderMovement.newlyEngaged).toBe(engaged);
    // Nobody was engaged a year ago, so nobody moved from passive to active: they arrived.
    expect(movement.ladderMovement.passiveToActive).toBe(0);

    // Fifty days ago the person of the history test was interested; ten days ago they gave input.
    const recent = await api.ok(
      `query($from: Date!, $to: Date!) {
      ladderTransitions(from: $from, to: $to) { from to count }
      ladderMovement(from: $from, to: $to) { passiveToActive } }`,
      { from: daysAgo(50), to: today },
    );
    const passive = ['AWARENESS', 'INTEREST'];
    const active = ['PARTICIPATION', 'COLLABORATION', 'INFLUENCE'];
    const expected = recent.ladderTransitions
      .filter(
        (t: { from: string | null; to: string | null }) =>
          passive.includes(t.from ?? '') && active.includes(t.to ?? ''),
      )
      .reduce((n: number, t: { count: number }) => n + t.count, 0);
    expect(expected).toBeGreaterThanOrEqual(1);
    expect(recent.ladderMovement.passiveToActive).toBe(expected);
  });

  it('finds whom to invite next: interested actors in the inland who are not in a working group', async () => {
    const event = await eventOn(daysAgo(20), 'Inlandsdagen', 'MOTESPLATS_LYCKSELE');
    const inland = await make.person({ name: 'Inlandet Ingrid', municipalityCode: '2462' });
    const coast = await make.person({ name: 'Kusten Karl', municipalityCode: '2480' });
    const busy = await make.person({ name: 'Upptagna Ulla', municipalityCode: '2421' });
    for (const p of [inland, coast, busy]) await attend(event.id, p.id, 'SPEAKER');
    await join(await initiative('WORKING_GROUP', 'Kompetens'), busy.id, 'MEMBER', daysAgo(400));
    await api.ladderSettled();
    const data =
      await api.ok(`{ actors(filter: { ladderStep: INTEREST, subRegion: "INLAND", withoutInitiativeKind: WORKING_GROUP }) {
      edges { node { name ladder { step } } } } }`);
    expect(data.actors.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Inlandet Ingrid',
    ]);
  });

  it('lets the committee read aggregates but not placements of persons, and only an admin recompute', async () => {
    const committee = await make.user(Role.COMMITTEE);
    const strategist = await make.user(Role.STRATEGIST);
    expect(
      (await api.gql(`{ ladderDistribution { total } ladderStatus { rulesVersion } }`, {}, committee)).errors,
    ).toBeUndefined();
    const refused = await api.gql(`{ actors { edges { node { ladder { step } } } } }`, {}, committee);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notAdmin = await api.gql(`mutation { recomputeLadder { pending } }`, {}, strategist);
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('applies a new rule set with a full recomputation, and every placement names its version', async () => {
    const person = await make.person();
    await attend((await eventOn(daysAgo(60), 'Gammalt seminarium')).id, person.id);
    await api.ladderSettled();
    expect((await ladderOf(person.id)).rulesVersion).toBe(1);
    const [{ definition }] = await api.dataSource.query(
      `SELECT definition FROM ladder_rule_set WHERE version = 1`,
    );
    await api.dataSource.query(
      `INSERT INTO ladder_rule_set (version, definition, description) VALUES (2, $1, 'window of one month')`,
      [{ ...definition, windowMonths: 1 }],
    );
    const before = (await api.ok(`{ ladderStatus { lastFullRecomputeAt } }`)).ladderStatus
      .lastFullRecomputeAt;
    const status = await api.ok(`mutation { recomputeLadder { rulesVersion } }`);
    expect(status.recomputeLadder.rulesVersion).toBe(2);
    for (let i = 0; ; i += 1) {
      const { ladderStatus } = await api.ok(`{ ladderStatus { lastFullRecomputeAt pending } }`);
      if (ladderStatus.lastFullRecomputeAt && ladderStatus.lastFullRecomputeAt !== before) break;
      if (i > 400) throw new Error('full recomputation did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Sixty days ago is outside a one-month window: no longer engaged under version 2.
    expect(await ladderOf(person.id)).toBeNull();
    const [{ versions }] = await api.dataSource.query(
      `SELECT array_agg(DISTINCT rules_version) AS versions FROM ladder_period`,
    );
    expect(versions).toEqual([2]);
  });
});

describe('the ladder loses nothing when Redis is unreachable from the API', () => {
  it('the sweep places actors whose notice never reached the queue', async () => {
    // The sweep runs every 6 s here, so the mark is seen waiting before the sweep takes it.
    const api = await TestApi.start({
      worker: true,
      env: { REDIS_URL: 'redis://127.0.0.1:1' },
      workerEnv: { LADDER_SWEEP_INTERVAL_MS: '6000' },
    });
    try {
      const make = new Factory(api);
      const event = await make.event({ startsAt: `${stockholmDate()}T08:00:00.000Z`, endsAt: null });
      const person = await make.person();
      await api.ok(`mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { status } }`, {
        e: event.id,
        a: person.id,
      });
      const [{ count }] = await api.dataSource.query(
        `SELECT count(*)::int AS count FROM ladder_outbox WHERE actor_id = $1`,
        [person.id],
      );
      expect(count).toBe(1);
      await api.ladderSettled();
      const data = await api.ok(`query($id: ID!) { actor(id: $id) { ladder { step } } }`, { id: person.id });
      expect(data.actor.ladder).toEqual({ step: 'AWARENESS' });
    } finally {
      await api.close();
    }
  });
});

describe('a full recomputation asked for while Redis is down', () => {
  it('answers SERVICE_UNAVAILABLE at once instead of hanging or failing silently', async () => {
    const api = await TestApi.start({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const result = await api.gql(`mutation { recomputeLadder { pending } }`);
      expect(result.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await api.close();
    }
  });
});
