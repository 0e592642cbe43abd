import { Role, stockholmDate } from '@crm/domain';
import { Workbook } from 'exceljs';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * What the strategists' pages need beyond the aggregates: the actors behind one cell of the movement
 * matrix, each actor's last activity, and "whom to invite next" as a file.
 */
describe('the actors behind the ladder figures, last activity and invite lists', () => {
  let api: TestApi;
  let make: Factory;
  let strategist: string;
  let committee: string;
  const today = stockholmDate();
  const daysAgo = (n: number) => stockholmDate(new Date(Date.now() - n * 86_400_000));
  const monthAgo = daysAgo(30);
  const people: Record<string, string> = {};
  let organisationId: string;

  const attend = (eventId: string, actorId: string, role = 'AUDIENCE', status = 'ATTENDED') =>
    api.ok(`mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`, {
      input: { eventId, actorId, role, status },
    });
  const eventOn = (day: string, title: string) =>
    make.event({ title, meetingPlace: 'GRAND_HOTEL', startsAt: `${day}T09:00:00.000Z`, endsAt: null });

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    strategist = await make.user(Role.STRATEGIST);
    committee = await make.user(Role.COMMITTEE);
    const early = await eventOn(daysAgo(60), 'Vinterträffen');
    const late = await eventOn(daysAgo(10), 'Vårträffen');
    const coming = await eventOn(daysAgo(-20), 'Sommarträffen');
    const organisation = await make.organisation({ name: 'Skogsbolaget AB', sector: 'BUSINESS' });
    organisationId = organisation.id;
    for (const [key, name, sector] of [
      ['stays', 'Anna Kvar', 'ACADEMIA'],
      ['climbs', 'Bo Klättrar', 'ACADEMIA'],
      ['arrives', 'Cecilia Ny', 'BUSINESS'],
      ['waits', 'David Väntar', 'BUSINESS'],
    ] as const) {
      people[key] = (
        await make.person({
          name,
          sector,
          municipalityCode: '2480',
          ...(key === 'arrives' ? { organisationId } : {}),
        })
      ).id;
    }
    await attend(early.id, people.stays);
    await attend(early.id, people.climbs);
    await attend(late.id, people.climbs, 'SPEAKER');
    await attend(late.id, people.arrives);
    await attend(coming.id, people.waits, 'AUDIENCE', 'REGISTERED');
    await api.ok(`mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`, {
      input: { actorId: people.stays, kind: 'INPUT', occurredOn: daysAgo(5), note: null },
    });
    await api.ladderSettled();
  });
  afterAll(() => api.close());

  const TRANSITIONS = `query($from: Date!, $to: Date!, $filter: LadderFilterInput) {
    ladderTransitions(from: $from, to: $to, filter: $filter) { from to count } }`;
  const CELL = `query($from: Date!, $to: Date!, $fromStep: LadderStep, $toStep: LadderStep, $filter: LadderFilterInput, $first: Int, $after: String) {
    ladderTransitionActors(from: $from, to: $to, fromStep: $fromStep, toStep: $toStep, filter: $filter, first: $first, after: $after) {
      totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;

  it('lists, for every cell of the movement matrix, exactly as many actors as the cell counts', async () => {
    for (const filter of [null, { sector: 'ACADEMIA' }, { kind: 'PERSON', municipalityCode: '2480' }]) {
      const cells = (await api.ok(TRANSITIONS, { from: monthAgo, to: today, filter }, strategist))
        .ladderTransitions as { from: string | null; to: string | null; count: number }[];
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        const page = (
          await api.ok(
            CELL,
            { from: monthAgo, to: today, fromStep: cell.from, toStep: cell.to, filter, first: 500 },
            strategist,
          )
        ).ladderTransitionActors;
        expect({ cell, listed: page.totalCount }).toEqual({ cell, listed: cell.count });
        expect(page.edges).toHaveLength(cell.count);
      }
    }
  });

  it('names who moved: the newly engaged and the one who climbed, by name and a page at a time', async () => {
    const stepOf = async (id: string) =>
      (await api.ok(`query($id: ID!) { actor(id: $id) { ladder { step } } }`, { id })).actor.ladder.step;
    const names = (page: { edges: { node: { name: string } }[] }) => page.edges.map((e) => e.node.name);
    // Cecilia attended for the first time ten days ago: newly engaged, on whatever step that gives.
    const newly = (
      await api.ok(
        CELL,
        { from: monthAgo, to: today, fromStep: null, toStep: await stepOf(people.arrives) },
        strategist,
      )
    ).ladderTransitionActors;
    expect(names(newly)).toContain('Cecilia Ny');
    expect(names(newly)).not.toContain('Anna Kvar');
    // Bo was on a step a month ago and spoke on a stage since: listed from there to where he went.
    const was = (
      await api.ok(`query($id: ID!, $on: Date!) { actor(id: $id) { ladderAt(asOf: $on) { step } } }`, {
        id: people.climbs,
        on: monthAgo,
      })
    ).actor.ladderAt.step;
    const climbed = (
      await api.ok(
        CELL,
        { from: monthAgo, to: today, fromStep: was, toStep: await stepOf(people.climbs), first: 1 },
        strategist,
      )
    ).ladderTransitionActors;
    expect(names(climbed)).toEqual(['Bo Klättrar']);
    expect(climbed.pageInfo.hasNextPage).toBe(climbed.totalCount > 1);
  });

  it('refuses a cell without a step, dates the wrong way round, and the committee', async () => {
    const refusal = async (variables: Record<string, unknown>, token: string) =>
      (await api.gql(CELL, variables, token)).errors?.[0]?.extensions;
    expect(
      await refusal({ from: monthAgo, to: today, fromStep: null, toStep: null }, strategist),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toStep' });
    expect(
      await refusal({ from: today, to: monthAgo, fromStep: 'INTEREST', toStep: null }, strategist),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(
      await refusal(
        { from: monthAgo, to: today, toStep: 'AWARENESS', filter: { subRegion: 'NOWHERE' } },
        strategist,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subRegion' });
    expect(await refusal({ from: monthAgo, to: today, toStep: 'AWARENESS' }, committee)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it("gives each actor's last activity: the latest evidence up to today, an organisation's people's too", async () => {
    const LAST = `query($id: ID!) { actor(id: $id) { lastActivityOn } }`;
    const lastOf = async (id: string) => (await api.ok(LAST, { id }, strategist)).actor.lastActivityOn;
    expect(await lastOf(people.stays)).toBe(daysAgo(5)); // the engagement after the event
    expect(await lastOf(people.climbs)).toBe(daysAgo(10));
    expect(await lastOf(organisationId)).toBe(daysAgo(10)); // through Cecilia
    expect(await lastOf(people.waits)).toBeNull(); // registered for a coming event: no evidence yet
    expect((await api.gql(LAST, { id: people.stays }, committee)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('reads the last activity of a whole page in a constant number of statements', async () => {
    const LIST = `query($first: Int) { actors(first: $first) { edges { node { id lastActivityOn } } } }`;
    const few = await api.countQueries(() => api.ok(LIST, { first: 2 }, strategist));
    const many = await api.countQueries(() => api.ok(LIST, { first: 50 }, strategist));
    expect(many).toBe(few);
  });

  describe('GET /exports/actors.csv and .xlsx', () => {
    const get = (path: string, token: string | null) =>
      fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('writes the filtered list with step and last activity in Swedish, and keeps who took it', async () => {
      const response = await get('/exports/actors.csv?sector=ACADEMIA&kind=PERSON', strategist);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-disposition')).toContain(`aktorer-${today}.csv`);
      const lines = Buffer.from(await response.arrayBuffer())
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Namn;Typ;E-post;Titel;Organisation;Sektor;Kommun;Steg;På steget sedan;Senaste aktivitet',
      );
      const anna = lines.find((l) => l.startsWith('Anna Kvar;'))!.split(';');
      expect(anna[1]).toBe('Person');
      expect(anna[5]).toBe('Akademi');
      expect(anna[6]).toBe('Umeå');
      expect(anna[7]).toMatch(/^\d (Medvetenhet|Intresse|Deltagande|Samverkan|Påverkan och handling)$/);
      expect(anna[9]).toBe(daysAgo(5));
      // Only the filter's actors: no one from the business sector.
      expect(lines.some((l) => l.startsWith('Cecilia Ny;'))).toBe(false);
      expect(lines).toHaveLength(1 + 2);
      const [audit] = await api.dataSource.query(
        `SELECT entity, changed_fields FROM audit_log WHERE action = 'export' ORDER BY at DESC LIMIT 1`,
      );
      expect(audit).toEqual({ entity: 'app_user', changed_fields: ['actors.csv', 'kind', 'sector'] });
    });

    it('writes a workbook with the same rows, filtered by step', async () => {
      const response = await get('/exports/actors.xlsx?ladderStep=PARTICIPATION', strategist);
      expect(response.status).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe('Aktörer');
      const names = sheet.getColumn(1).values.slice(2);
      const expected = (
        await api.ok(
          `{ actors(filter: { ladderStep: PARTICIPATION }, first: 500) { edges { node { name } } } }`,
          {},
          strategist,
        )
      ).actors.edges.map((e: { node: { name: string } }) => e.node.name);
      expect(names).toEqual(expected);
    });

    it('answers 400 naming a bad parameter, 401 without a session, 403 to the committee and across sites', async () => {
      for (const [query, field] of [
        ['sector=academia', 'sector'],
        ['ladderStep=TOP', 'ladderStep'],
        ['municipalityCode=24800', 'municipalityCode'],
        ['minLevel=9', 'minLevel'],
        ['subRegion=NOWHERE', 'subRegion'],
        ['kind=PERSON&kind=ORGANISATION', 'kind'],
        [`search=${'x'.repeat(101)}`, 'search'],
      ]) {
        const response = await get(`/exports/actors.csv?${query}`, strategist);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(await response.json()).toMatchObject({ field });
      }
      expect((await get('/exports/actors.csv', null)).status).toBe(401);
      expect((await get('/exports/actors.xlsx', committee)).status).toBe(403);
      const crossSite = await fetch(`${api.baseUrl}/exports/actors.csv`, {
        headers: { authorization: `Bearer ${strategist}`, 'sec-fetch-site': 'cross-site' },
      });
      expect(crossSite.status).toBe(403);
    });
  });
});
