import { CalendarDate, lastEndedQuarterEnd, quarterOf, quarterPeriod, Role, shiftQuarter } from '@crm/domain';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Disclosure control of the ladder aggregates (issue 9, item 5): the committee must not be able to
 * single out a person — "one woman on step 5 in Sorsele" — by grouping, filtering, differencing
 * against the ungrouped answer, or asking day by day. Staff keep exact numbers; organisations alone
 * are not personal data and stay exact.
 */
const K = 3; // DISCLOSURE_MIN_COUNT's default
const GROUPINGS = ['NONE', 'SECTOR', 'MUNICIPALITY', 'MEETING_PLACE', 'KIND', 'GENDER'] as const;
const KINDS = [null, 'PERSON', 'ORGANISATION'] as const;
const MUNICIPALITIES = [null, '2422'] as const;
const BUCKET = `{ group total suppressed steps { step count suppressed } }`;

interface Bucket {
  group: string;
  total: number | null;
  suppressed: boolean;
  steps: { step: string; count: number | null; suppressed: boolean }[];
}
interface Transition {
  from: string | null;
  to: string | null;
  count: number | null;
  suppressed: boolean;
}

const addDays = (day: CalendarDate, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const sensitive = (n: number) => n >= 1 && n < K;

describe('disclosure control of the ladder aggregates for the committee', () => {
  let api: TestApi;
  let make: Factory;
  let committee: string;
  let strategist: string;

  // The last ended quarter (Q) and the one before it (P): the committee's dates.
  const qEnd = lastEndedQuarterEnd();
  const q = quarterOf(qEnd);
  const qStart = quarterPeriod(q).start;
  const pEnd = quarterPeriod(shiftQuarter(q, -1)).end;
  const pStart = quarterPeriod(shiftQuarter(q, -1)).start;
  const longAgo = quarterPeriod(shiftQuarter(q, -3)).start;
  /** The day the Sorsele woman reached step 5: the middle of the last ended quarter. */
  const reachedInfluence = addDays(qStart, 40);

  /** Places an actor on the ladder directly: periods are what the aggregates read. */
  const place = async (
    actorId: string,
    periods: [from: CalendarDate, to: CalendarDate | null, step: number][],
  ) => {
    let previous: number | null = null;
    for (const [from, to, step] of periods) {
      await api.dataSource.query(
        `INSERT INTO ladder_period (actor_id, valid_from, valid_to, step, from_step, rules_version, reasons)
         VALUES ($1, $2, $3, $4, $5, 1, '[]')`,
        [actorId, from, to, step, previous],
      );
      previous = to === null ? null : step;
    }
  };
  const attend = async (eventId: string, actorId: string) =>
    api.ok(`mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`, {
      input: { eventId, actorId, role: 'AUDIENCE', status: 'ATTENDED' },
    });

  beforeAll(async () => {
    api = await TestApi.start(); // no worker: the periods placed below stay as they are
    make = new Factory(api);
    committee = await make.user(Role.COMMITTEE);
    strategist = await make.user(Role.STRATEGIST);
    const lycksele = await make.event({
      title: 'Mötesplats Lycksele',
      meetingPlace: 'MOTESPLATS_LYCKSELE',
      startsAt: `${pStart}T09:00:00.000Z`,
      endsAt: `${pStart}T12:00:00.000Z`,
    });
    const sorsele = (overrides: Record<string, unknown>) =>
      make.person({ municipalityCode: '2422', ...overrides });

    // Sorsele: the woman who reached step 5, two other women, four men, one without gender; two organisations.
    const woman = await sorsele({ name: 'Kommunchefen', gender: 'WOMAN', sector: 'PUBLIC_SECTOR' });
    await place(woman.id, [
      [longAgo, reachedInfluence, 3],
      [reachedInfluence, null, 5],
    ]);
    await attend(lycksele.id, woman.id);
    for (const step of [1, 1]) await place((await sorsele({ gender: 'WOMAN' })).id, [[longAgo, null, step]]);
    for (const [i, step] of [1, 2, 2, 3].entries()) {
      const man = await sorsele({ gender: 'MAN', sector: i % 2 ? 'BUSINESS' : 'ACADEMIA' });
      await place(man.id, [[longAgo, null, step]]);
      if (i < 3) await attend(lycksele.id, man.id);
    }
    await place((await sorsele({})).id, [[addDays(qStart, 5), null, 2]]); // newly engaged in Q
    const kommun = await make.organisation({
      name: 'Sorsele kommun',
      sector: 'PUBLIC_SECTOR',
      municipalityCode: '2422',
    });
    await place(kommun.id, [[longAgo, null, 5]]);
    await attend(lycksele.id, kommun.id);
    const shop = await make.organisation({ name: 'Sorsele Handel AB', municipalityCode: '2422' });
    await place(shop.id, [[longAgo, null, 2]]);

    // Umeå: a larger population, so that most of its counts are published.
    const umea: [string, number, CalendarDate, CalendarDate | null][] = [
      ['WOMAN', 1, longAgo, null],
      ['WOMAN', 1, longAgo, null],
      ['WOMAN', 2, longAgo, null],
      ['WOMAN', 2, longAgo, addDays(qStart, 20)], // no longer engaged in Q
      ['WOMAN', 3, longAgo, null],
      ['WOMAN', 4, longAgo, null],
      ['MAN', 1, longAgo, null],
      ['MAN', 1, longAgo, null],
      ['MAN', 2, longAgo, null],
      ['MAN', 3, longAgo, null],
      ['MAN', 3, longAgo, null],
      ['MAN', 5, longAgo, null],
      ['NON_BINARY', 4, longAgo, null],
    ];
    for (const [i, [gender, step, from, to]] of umea.entries()) {
      const p = await make.person({
        gender,
        municipalityCode: '2480',
        sector: i % 3 ? 'ACADEMIA' : 'CIVIL_SOCIETY',
      });
      await place(p.id, [[from, to, step]]);
      if (i % 2) await attend(lycksele.id, p.id);
    }
    for (const step of [1, 3, 4])
      await place((await make.organisation({ municipalityCode: '2480' })).id, [[longAgo, null, step]]);
  });
  afterAll(() => api.close());

  const distribution = async (
    token: string | undefined,
    args: { asOf?: string; groupBy: string; kind: string | null; municipalityCode: string | null },
  ): Promise<Bucket[]> => {
    const filter: Json = {};
    if (args.kind) filter.kind = args.kind;
    if (args.municipalityCode) filter.municipalityCode = args.municipalityCode;
    const data = await api.ok(
      `query($asOf: Date, $groupBy: LadderGrouping!, $filter: LadderFilterInput) {
        ladderDistribution(asOf: $asOf, groupBy: $groupBy, filter: $filter) ${BUCKET} }`,
      { asOf: args.asOf ?? null, groupBy: args.groupBy, filter },
      token,
    );
    return data.ladderDistribution;
  };
  const movement = async (token: string | undefined, from: string, to: string, filter: Json = {}) =>
    (
      await api.ok(
        `query($from: Date!, $to: Date!, $filter: LadderFilterInput) {
          ladderMovement(from: $from, to: $to, filter: $filter) {
            movedUp movedDown unchanged newlyEngaged noLongerEngaged passiveToActive suppressedFields
            transitions { from to count suppressed } } }`,
        { from, to, filter },
        token,
      )
    ).ladderMovement;

  /** A committee question that breaks the figures down by two dimensions (kind aside) is refused. */
  const crosses = (groupBy: string, municipalityCode: string | null) =>
    municipalityCode !== null && groupBy !== 'NONE' && groupBy !== 'KIND';
  const refusal = async (query: string, variables: Json) => {
    const { errors } = await api.gql(query, variables, committee);
    return errors?.map((e) => `${e.extensions?.code} ${e.extensions?.field}`);
  };

  /** Persons per group and step, from the staff's exact answer over persons only. */
  const personsOf = async (
    asOf: string,
    groupBy: string,
    municipalityCode: string | null,
    kind: string | null,
  ) => {
    const persons = new Map<string, number[]>();
    if (kind === 'ORGANISATION') return persons;
    for (const b of await distribution(undefined, { asOf, groupBy, kind: 'PERSON', municipalityCode })) {
      persons.set(
        b.group,
        b.steps.map((s) => s.count ?? NaN),
      );
    }
    return persons;
  };

  /**
   * An attacker holding a grouped answer and the ungrouped answer over the same filter, who also
   * knows every organisation count exactly: works out every withheld figure that is the only unknown
   * of a row, a column or the totals, again and again. Returns what was worked out to be 1..k−1 persons.
   */
  function attack(
    grouped: Bucket[],
    ungrouped: Bucket,
    persons: Map<string, number[]>,
    ungroupedPersons: number[],
    partition: boolean,
  ) {
    const known = new Map<string, number>();
    const truth = new Map<string, number>();
    const rowsTotal = (g: string) => (persons.get(g) ?? []).reduce((a, b) => a + b, 0);
    grouped.forEach((b) => {
      const p = persons.get(b.group) ?? [0, 0, 0, 0, 0];
      b.steps.forEach((s, j) => {
        truth.set(`c${b.group}/${j}`, p[j]);
        if (!s.suppressed) known.set(`c${b.group}/${j}`, p[j]);
      });
      truth.set(`r${b.group}`, rowsTotal(b.group));
      if (!b.suppressed) known.set(`r${b.group}`, rowsTotal(b.group));
    });
    const columnPersons = (j: number) => ungroupedPersons[j] ?? 0;
    ungrouped.steps.forEach((s, j) => {
      truth.set(`k${j}`, columnPersons(j));
      if (!s.suppressed) known.set(`k${j}`, columnPersons(j));
    });
    const grand = [0, 1, 2, 3, 4].reduce((n, j) => n + columnPersons(j), 0);
    truth.set('g', grand);
    if (!ungrouped.suppressed) known.set('g', grand);
    const lines: [string[], string][] = grouped.map((b) => [
      [0, 1, 2, 3, 4].map((j) => `c${b.group}/${j}`),
      `r${b.group}`,
    ]);
    if (partition) {
      for (const j of [0, 1, 2, 3, 4]) lines.push([grouped.map((b) => `c${b.group}/${j}`), `k${j}`]);
      lines.push([grouped.map((b) => `r${b.group}`), 'g']);
    }
    lines.push([[0, 1, 2, 3, 4].map((j) => `k${j}`), 'g']);
    for (let changed = true; changed;) {
      changed = false;
      for (const [members, total] of lines) {
        const unknown = members.filter((m) => !known.has(m));
        const knownSum = members.filter((m) => known.has(m)).reduce((n, m) => n + (known.get(m) ?? 0), 0);
        if (known.has(total) && unknown.length === 1) {
          known.set(unknown[0], (known.get(total) ?? 0) - knownSum);
          changed = true;
        } else if (!known.has(total) && unknown.length === 0) {
          known.set(total, knownSum);
          changed = true;
        }
        // A sum of withheld persons of 1..k−1 gives a small group away too.
        if (known.has(total) && unknown.length > 1 && sensitive((known.get(total) ?? 0) - knownSum)) {
          return [`${total}: withheld sum ${(known.get(total) ?? 0) - knownSum}`];
        }
      }
    }
    for (const [key, v] of known) expect(`${key}=${v}`).toBe(`${key}=${truth.get(key)}`); // the arithmetic is right
    return [...known.entries()].filter(([, v]) => sensitive(v)).map(([key, v]) => `${key}=${v}`);
  }

  it('answers the attack of the issue without singling out the woman on step 5 in Sorsele', async () => {
    // The question crosses gender with one municipality: the committee may break figures
    // down by one dimension at a time, so it is refused, naming the second dimension ...
    expect(
      await refusal(
        `query($filter: LadderFilterInput) { ladderDistribution(groupBy: GENDER, filter: $filter) ${BUCKET} }`,
        {
          filter: { municipalityCode: '2422', kind: 'PERSON' },
        },
      ),
    ).toEqual(['BAD_USER_INPUT filter.municipalityCode']);
    // ... and each dimension alone withholds her step: Sorsele's persons, and the women of the county.
    const [sorsele] = await distribution(committee, {
      groupBy: 'NONE',
      kind: 'PERSON',
      municipalityCode: '2422',
    });
    expect(sorsele.steps[4]).toEqual({ step: 'INFLUENCE', count: null, suppressed: true });
    const byGender = await distribution(committee, {
      groupBy: 'GENDER',
      kind: 'PERSON',
      municipalityCode: null,
    });
    const women = byGender.find((b) => b.group === 'WOMAN');
    expect(women?.steps[4].count === null || (women?.steps[4].count ?? 0) >= K).toBe(true);
    const exact = await distribution(strategist, {
      asOf: qEnd,
      groupBy: 'GENDER',
      kind: 'PERSON',
      municipalityCode: '2422',
    });
    expect(exact.find((b) => b.group === 'WOMAN')?.steps[4]).toEqual({
      step: 'INFLUENCE',
      count: 1,
      suppressed: false,
    });
  });

  it('refuses the committee a sub-region and two dimensions crossed, naming the field', async () => {
    const q = `query($groupBy: LadderGrouping, $filter: LadderFilterInput) { ladderDistribution(groupBy: $groupBy, filter: $filter) ${BUCKET} }`;
    expect(await refusal(q, { groupBy: 'NONE', filter: { subRegion: 'INLAND' } })).toEqual([
      'BAD_USER_INPUT filter.subRegion',
    ]);
    expect(await refusal(q, { groupBy: 'SECTOR', filter: { meetingPlace: 'MOTESPLATS_LYCKSELE' } })).toEqual([
      'BAD_USER_INPUT filter.meetingPlace',
    ]);
    expect(
      await refusal(q, { groupBy: 'NONE', filter: { sector: 'BUSINESS', municipalityCode: '2422' } }),
    ).toEqual(['BAD_USER_INPUT filter.municipalityCode']);
    const moves = `query($filter: LadderFilterInput) { ladderTransitions(from: "${pEnd}", to: "${qEnd}", filter: $filter) { count } }`;
    expect(await refusal(moves, { filter: { municipalityCode: '2422' } })).toEqual([
      'BAD_USER_INPUT filter.municipalityCode',
    ]);
    // Staff may cross whatever they like.
    const { errors } = await api.gql(
      q,
      { groupBy: 'SECTOR', filter: { subRegion: 'INLAND', municipalityCode: '2422' } },
      strategist,
    );
    expect(errors).toBeUndefined();
  });

  it('returns no count of 1..k−1 persons in any grouping, kind and municipality, nor one differencing recovers', async () => {
    const problems: string[] = [];
    for (const asOf of [undefined, pEnd]) {
      for (const kind of KINDS) {
        for (const municipalityCode of MUNICIPALITIES) {
          const [ungrouped] = await distribution(committee, {
            asOf,
            groupBy: 'NONE',
            kind,
            municipalityCode,
          });
          const ungroupedPersons =
            (await personsOf(asOf ?? qEnd, 'NONE', municipalityCode, kind)).get('ALL') ?? [];
          for (const groupBy of GROUPINGS) {
            const where = `${groupBy} kind=${kind} municipality=${municipalityCode} asOf=${asOf ?? 'default'}`;
            if (crosses(groupBy, municipalityCode)) {
              const filter = Object.fromEntries(
                Object.entries({ kind, municipalityCode }).filter(([, v]) => v),
              );
              expect(
                await refusal(
                  `query($asOf: Date, $groupBy: LadderGrouping, $filter: LadderFilterInput) { ladderDistribution(asOf: $asOf, groupBy: $groupBy, filter: $filter) ${BUCKET} }`,
                  { asOf, groupBy, filter },
                ),
              ).toEqual(['BAD_USER_INPUT filter.municipalityCode']);
              continue;
            }
            const answer = await distribution(committee, { asOf, groupBy, kind, municipalityCode });
            const persons = await personsOf(asOf ?? qEnd, groupBy, municipalityCode, kind);
            for (const b of answer) {
              const p = persons.get(b.group) ?? [0, 0, 0, 0, 0];
              expect(b.suppressed).toBe(b.total === null);
              if (b.total !== null && sensitive(p.reduce((x, y) => x + y, 0)))
                problems.push(`${where} ${b.group} total`);
              b.steps.forEach((s, j) => {
                expect(s.suppressed).toBe(s.count === null);
                if (s.count !== null && sensitive(p[j]))
                  problems.push(`${where} ${b.group} ${s.step}=${s.count}`);
                // Without organisations in the cell, what is shown is a count of persons: never 1..k−1.
                if (kind === 'PERSON' && s.count !== null) expect(s.count === 0 || s.count >= K).toBe(true);
              });
            }
            problems.push(
              ...attack(answer, ungrouped, persons, ungroupedPersons, groupBy !== 'MEETING_PLACE').map(
                (leak) => `${where} ${leak}`,
              ),
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('withholds in an answer filtered to one group at least what the grouped answer withholds in its row', async () => {
    const dimensions = [
      ['SECTOR', 'sector'],
      ['MUNICIPALITY', 'municipalityCode'],
      ['KIND', 'kind'],
    ] as const;
    const widened: string[] = [];
    for (const kind of KINDS) {
      for (const municipalityCode of MUNICIPALITIES) {
        for (const [groupBy, key] of dimensions) {
          const base: Json = { kind, municipalityCode };
          if (base[key]) continue; // already filtered to one group
          if (key !== 'kind' && crosses(groupBy, municipalityCode)) continue; // refused: two dimensions
          const grouped = await distribution(committee, { groupBy, kind, municipalityCode });
          for (const row of grouped) {
            const filter = { ...base, [key]: row.group };
            const data = await api.ok(
              `query($filter: LadderFilterInput) { ladderDistribution(filter: $filter) ${BUCKET} }`,
              { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) },
              committee,
            );
            const [alone]: Bucket[] = data.ladderDistribution;
            row.steps.forEach((s, j) => {
              if (s.suppressed && !alone.steps[j].suppressed)
                widened.push(`${JSON.stringify(filter)} ${s.step}`);
              if (!s.suppressed && !alone.steps[j].suppressed) expect(alone.steps[j].count).toBe(s.count);
            });
            if (row.suppressed && !alone.suppressed) widened.push(`${JSON.stringify(filter)} total`);
          }
        }
      }
    }
    expect(widened).toEqual([]);
  });

  it('judges a cell of persons and organisations by its persons: organisations alone stay exact', async () => {
    // Step 5 in Sorsele: the woman and the municipality. Organisation counts are exact, so 2 − 1 would give her away.
    const [mixed] = await distribution(committee, { groupBy: 'NONE', kind: null, municipalityCode: '2422' });
    expect(mixed.steps[4]).toEqual({ step: 'INFLUENCE', count: null, suppressed: true });
    const [organisations] = await distribution(committee, {
      groupBy: 'NONE',
      kind: 'ORGANISATION',
      municipalityCode: '2422',
    });
    expect(organisations.total).toBe(2);
    expect(organisations.steps.map((s) => s.count)).toEqual([0, 1, 0, 0, 1]);
    expect(organisations.steps.every((s) => !s.suppressed)).toBe(true);
    const byKind = await distribution(committee, { groupBy: 'KIND', kind: null, municipalityCode: '2422' });
    expect(byKind.find((b) => b.group === 'ORGANISATION')).toMatchObject({ total: 2, suppressed: false });
  });

  it('refuses the committee any day but the end of a quarter that has ended, naming the argument', async () => {
    const refused = async (query: string, variables: Json) => {
      const result = await api.gql(query, variables, committee);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors?.[0].extensions?.field;
    };
    const byDay = `query($asOf: Date) { ladderDistribution(asOf: $asOf) { total } }`;
    expect(await refused(byDay, { asOf: addDays(reachedInfluence, -1) })).toBe('asOf');
    expect(await refused(byDay, { asOf: reachedInfluence })).toBe('asOf');
    expect(await refused(byDay, { asOf: quarterPeriod(shiftQuarter(q, 1)).end })).toBe('asOf'); // not ended
    const period = `query($from: Date!, $to: Date!) { ladderTransitions(from: $from, to: $to) { count } }`;
    expect(await refused(period, { from: addDays(reachedInfluence, -1), to: reachedInfluence })).toBe('from');
    expect(await refused(period, { from: pEnd, to: reachedInfluence })).toBe('to');
    expect(await refused(period, { from: qEnd, to: pEnd })).toBe('to');
    expect(await refused(period, { from: qEnd, to: qEnd })).toBe('to');
    const moves = `query($from: Date!, $to: Date!) { ladderMovement(from: $from, to: $to) { movedUp } }`;
    expect(await refused(moves, { from: addDays(pEnd, 1), to: qEnd })).toBe('from');
    const message = (await api.gql(byDay, { asOf: reachedInfluence }, committee)).errors?.[0].message;
    expect(message).toMatch(/kvartal/);

    // Staff still ask for any day.
    const [day] = await distribution(strategist, {
      asOf: reachedInfluence,
      groupBy: 'NONE',
      kind: null,
      municipalityCode: '2422',
    });
    expect(day.steps[4].count).toBe(2);
  });

  it('answers the committee the last ended quarter when asOf is missing', async () => {
    const byDefault = await distribution(committee, {
      groupBy: 'SECTOR',
      kind: null,
      municipalityCode: null,
    });
    const explicit = await distribution(committee, {
      asOf: qEnd,
      groupBy: 'SECTOR',
      kind: null,
      municipalityCode: null,
    });
    expect(byDefault).toEqual(explicit);
    const previous = await distribution(committee, {
      asOf: pEnd,
      groupBy: 'NONE',
      kind: null,
      municipalityCode: '2422',
    });
    // At the end of P the woman was on step 3, and nobody in Sorsele on step 5 but the municipality.
    expect(previous[0].steps[4]).toEqual({ step: 'INFLUENCE', count: 1, suppressed: false });
  });

  it('suppresses ladderTransitions and ladderMovement the same way, and both answers agree', async () => {
    const leaks: string[] = [];
    for (const kind of KINDS) {
      for (const municipalityCode of [null]) {
        // The committee sees the movement of the whole county (by kind): a municipality is refused above.
        const filter: Json = {};
        if (kind) filter.kind = kind;
        if (municipalityCode) filter.municipalityCode = municipalityCode;
        const shown = await movement(committee, pEnd, qEnd, filter);
        const alone = (
          await api.ok(
            `query($from: Date!, $to: Date!, $filter: LadderFilterInput) { ladderTransitions(from: $from, to: $to, filter: $filter) { from to count suppressed } }`,
            { from: pEnd, to: qEnd, filter },
            committee,
          )
        ).ladderTransitions;
        expect(alone).toEqual(shown.transitions);
        const personsOnly =
          kind === 'ORGANISATION'
            ? null
            : await movement(undefined, pEnd, qEnd, { ...filter, kind: 'PERSON' });
        const personsIn = (t: Transition) =>
          personsOnly?.transitions.find((p: Transition) => p.from === t.from && p.to === t.to)?.count ?? 0;
        for (const t of shown.transitions as Transition[]) {
          expect(t.suppressed).toBe(t.count === null);
          if (t.count !== null && sensitive(personsIn(t)))
            leaks.push(`${JSON.stringify(filter)} ${t.from}→${t.to}`);
        }
        for (const figure of [
          'movedUp',
          'movedDown',
          'unchanged',
          'newlyEngaged',
          'noLongerEngaged',
          'passiveToActive',
        ]) {
          expect(shown.suppressedFields.includes(figure)).toBe(shown[figure] === null);
          if (shown[figure] !== null && personsOnly && sensitive(personsOnly[figure])) {
            leaks.push(`${JSON.stringify(filter)} ${figure}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);

    // The woman's move from step 3 to step 5 is withheld from the committee (the county's persons) ...
    const persons = await movement(committee, pEnd, qEnd, { kind: 'PERSON' });
    const exactPersons = await movement(strategist, pEnd, qEnd, { kind: 'PERSON' });
    const moved = (m: Json) =>
      m.transitions.find((t: Transition) => t.from === 'PARTICIPATION' && t.to === 'INFLUENCE');
    expect(sensitive(moved(exactPersons)?.count ?? 0)).toBe(true);
    expect(moved(persons)).toMatchObject({ count: null, suppressed: true });
    // ... and exact for staff.
    const exact = await movement(strategist, pEnd, qEnd, { municipalityCode: '2422', kind: 'PERSON' });
    expect(exact.transitions).toContainEqual({
      from: 'PARTICIPATION',
      to: 'INFLUENCE',
      count: 1,
      suppressed: false,
    });
    expect(exact.suppressedFields).toEqual([]);
    expect(exact.newlyEngaged).toBe(1);
  });

  it('gives staff exact numbers with suppressed false, on any day', async () => {
    for (const token of [undefined, strategist]) {
      const answer = await distribution(token, {
        asOf: reachedInfluence,
        groupBy: 'GENDER',
        kind: 'PERSON',
        municipalityCode: '2422',
      });
      for (const b of answer) {
        expect(b.suppressed).toBe(false);
        expect(b.total).toBe(b.steps.reduce((n, s) => n + (s.count ?? NaN), 0));
        for (const s of b.steps) expect(s).toMatchObject({ suppressed: false, count: expect.any(Number) });
      }
      expect(answer.find((b) => b.group === 'WOMAN')?.steps[4].count).toBe(1);
    }
  });
});
