import { Role, stockholmDate } from '@crm/domain';
import { AccessLogWriter } from '../../apps/api/src/access-log/access-log.writer';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Consent where a person's legal basis is CONSENT (issue 12, item 6): recorded and withdrawn with a
 * date, a text version and a source, each in one transaction with an audit row of field names; a
 * person without an open consent is left out of "whom to invite next" (`invitable`) and its exports.
 */
describe('consent', () => {
  let api: TestApi;
  let make: Factory;
  let strategist: string;
  let committee: string;
  const today = stockholmDate();
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    strategist = await make.user(Role.STRATEGIST);
    committee = await make.user(Role.COMMITTEE);
  });
  afterAll(() => api.close());

  const RECORD = `mutation($input: RecordConsentInput!) {
    recordConsent(input: $input) { id givenOn textVersion source withdrawnOn recordedAt } }`;
  const WITHDRAW = `mutation($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) { id givenOn withdrawnOn } }`;
  const CONSENTS = `query($id: ID!) { actor(id: $id) {
    consentWithdrawn consents { id givenOn textVersion source withdrawnOn } } }`;

  const consenting = (name: string) => make.person({ name, legalBasis: 'CONSENT' });
  const record = (actorId: string, givenOn = '2026-03-01', token?: string) =>
    api.gql(
      RECORD,
      { input: { actorId, givenOn, textVersion: '2026-1', source: 'REGISTRATION_FORM' } },
      token,
    );
  const expectBadInput = async (result: Awaited<ReturnType<TestApi['gql']>>, field: string) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.data ?? null).toBeNull();
  };

  it('records a consent and its withdrawal, newest first, with an audit row of field names', async () => {
    const person = await consenting('Carin Samtycke');
    expect((await api.ok(CONSENTS, { id: person.id })).actor).toEqual({
      consentWithdrawn: true,
      consents: [],
    });

    const first = (await record(person.id, '2025-11-02')).data?.recordConsent;
    expect(first).toEqual({
      id: expect.any(String),
      givenOn: '2025-11-02',
      textVersion: '2026-1',
      source: 'REGISTRATION_FORM',
      withdrawnOn: null,
      recordedAt: expect.any(String),
    });
    const withdrawn = await api.ok(WITHDRAW, { input: { actorId: person.id, withdrawnOn: '2026-01-15' } });
    expect(withdrawn.withdrawConsent).toEqual({
      id: first.id,
      givenOn: '2025-11-02',
      withdrawnOn: '2026-01-15',
    });
    expect((await api.ok(CONSENTS, { id: person.id })).actor.consentWithdrawn).toBe(true);

    const second = await api.ok(
      RECORD,
      {
        input: { actorId: person.id, givenOn: '2026-02-01', textVersion: ' 2026-2 ', source: 'AT_THE_DOOR' },
      },
      strategist,
    );
    const { actor } = await api.ok(CONSENTS, { id: person.id });
    expect(actor.consentWithdrawn).toBe(false);
    expect(actor.consents).toEqual([
      {
        id: second.recordConsent.id,
        givenOn: '2026-02-01',
        textVersion: '2026-2',
        source: 'AT_THE_DOOR',
        withdrawnOn: null,
      },
      {
        id: first.id,
        givenOn: '2025-11-02',
        textVersion: '2026-1',
        source: 'REGISTRATION_FORM',
        withdrawnOn: '2026-01-15',
      },
    ]);

    const trail = await api.dataSource.query(
      `SELECT action, changed_fields FROM audit_log WHERE entity = 'consent' AND entity_id = $1 ORDER BY id`,
      [first.id],
    );
    expect(trail).toEqual([
      { action: 'create', changed_fields: ['actorId', 'givenOn', 'textVersion', 'source'] },
      { action: 'withdraw', changed_fields: ['withdrawnOn'] },
    ]);
  });

  it("logs a read of a person's consents in the access log, under the root field", async () => {
    const person = await consenting('Lotta Logg');
    await record(person.id, '2026-01-01');
    const writer = api.app.get(AccessLogWriter);
    await writer.flush();
    const [{ id: since }] = await api.dataSource.query(
      `SELECT coalesce(max(id), 0)::int AS id FROM personal_data_access`,
    );
    await api.ok(
      `query($id: ID!) { actor(id: $id) { consents { givenOn } } }`,
      { id: person.id },
      strategist,
    );
    await writer.flush();
    const logged = await api.dataSource.query(
      `SELECT operation, actor_ids::text[] AS ids FROM personal_data_access WHERE id > $1 ORDER BY id`,
      [since],
    );
    expect(logged).toEqual([{ operation: 'actor', ids: [person.id] }]);
  });

  it('refuses with BAD_USER_INPUT naming the field', async () => {
    const organisation = await make.organisation({ name: 'Samtyckesbolaget AB' });
    const publicInterest = await make.person({ name: 'Pia Allmänintresse' });
    const person = await consenting('Greta Datum');
    await expectBadInput(await record(organisation.id), 'actorId');
    await expectBadInput(await record(publicInterest.id), 'actorId');
    await expectBadInput(await record('00000000-0000-4000-8000-000000000000'), 'actorId');
    await expectBadInput(await record('nope'), 'actorId');
    await expectBadInput(await record(person.id, tomorrow), 'givenOn');
    await expectBadInput(await record(person.id, '2026-02-30'), 'givenOn');
    await expectBadInput(
      await api.gql(RECORD, {
        input: { actorId: person.id, givenOn: today, textVersion: '  ', source: 'EMAIL' },
      }),
      'textVersion',
    );
    const withdraw = (withdrawnOn: string) =>
      api.gql(WITHDRAW, { input: { actorId: person.id, withdrawnOn } });
    await expectBadInput(await withdraw(today), 'actorId');

    expect((await record(person.id, '2026-03-01')).errors).toBeUndefined();
    await expectBadInput(await record(person.id, '2026-03-02'), 'actorId');
    await expectBadInput(await withdraw('2026-02-28'), 'withdrawnOn');
    await expectBadInput(await withdraw(tomorrow), 'withdrawnOn');
    expect((await withdraw(today)).errors).toBeUndefined();
    await expectBadInput(await withdraw(today), 'actorId');
  });

  it('is written by WRITE_ACTORS and read with personal data: not by the committee', async () => {
    const person = await consenting('Kalle Kommitté');
    const refused = await record(person.id, '2026-03-01', committee);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await api.gql(CONSENTS, { id: person.id }, committee);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('invitable: withdrawn consent leaves a person out of whom to invite next and its exports', () => {
    const names: Record<string, string> = {};
    beforeAll(async () => {
      const suffix = Date.now().toString(36);
      names.withdrawn = `Inbjudan Återkallad ${suffix}`;
      names.open = `Inbjudan Öppen ${suffix}`;
      names.never = `Inbjudan Aldrig ${suffix}`;
      names.other = `Inbjudan Allmänt ${suffix}`;
      const withdrawn = await consenting(names.withdrawn);
      await record(withdrawn.id, '2026-01-01');
      await api.ok(WITHDRAW, { input: { actorId: withdrawn.id, withdrawnOn: '2026-02-01' } });
      const open = await consenting(names.open);
      await record(open.id, '2026-01-01');
      await consenting(names.never);
      await make.person({ name: names.other, legalBasis: 'LEGITIMATE_INTEREST' });
      names.search = suffix;
    });

    const listed = async (invitable: boolean | null) =>
      (
        await api.ok(
          `query($filter: ActorFilterInput) { actors(filter: $filter, first: 50) { edges { node { name } } } }`,
          { filter: { search: names.search, invitable } },
          strategist,
        )
      ).actors.edges.map((e: { node: { name: string } }) => e.node.name);

    it('in the list', async () => {
      expect((await listed(null)).sort()).toEqual(
        [names.withdrawn, names.open, names.never, names.other].sort(),
      );
      expect((await listed(false)).length).toBe(4);
      expect((await listed(true)).sort()).toEqual([names.open, names.other].sort());
    });

    it('in the CSV export, and a bad value is refused', async () => {
      const get = (query: string) =>
        fetch(`${api.baseUrl}/exports/actors.csv?${query}`, {
          headers: { authorization: `Bearer ${strategist}` },
        });
      const response = await get(`search=${encodeURIComponent(names.search)}&invitable=true`);
      expect(response.status).toBe(200);
      const csv = Buffer.from(await response.arrayBuffer()).toString('utf8');
      expect(csv).toContain(names.open);
      expect(csv).toContain(names.other);
      expect(csv).not.toContain(names.withdrawn);
      expect(csv).not.toContain(names.never);
      const everyone = Buffer.from(
        await (await get(`search=${encodeURIComponent(names.search)}`)).arrayBuffer(),
      ).toString('utf8');
      expect(everyone).toContain(names.withdrawn);
      const bad = await get('invitable=yes');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ field: 'invitable' });
    });
  });
});
