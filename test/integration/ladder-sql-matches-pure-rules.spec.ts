import {
  ActorEvidence,
  classify,
  EngagementEvidence,
  ladderTimeline,
  MembershipEvidence,
  ParticipationEvidence,
  RULES_V1,
  RuleSet,
} from '@crm/domain';
import { createDataSource, LadderRepository } from '@crm/persistence';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/database';

/**
 * The set-based SQL recomputation and the pure rules give the same timeline, reasons included, for
 * random evidence: persons with and without organisations, events near midnight (the Stockholm
 * date counts), every role and status, memberships that end or run on, engagements.
 */
const SECTORS = ['PUBLIC_SECTOR', 'BUSINESS', 'ACADEMIA', 'CIVIL_SOCIETY', 'INNOVATION_SYSTEM'];
const ROLES = ['AUDIENCE', 'PANELIST', 'SPEAKER', 'MODERATOR', 'ORGANISER'];
const STATUSES = ['REGISTERED', 'ATTENDED', 'ATTENDED', 'ATTENDED', 'NO_SHOW', 'CANCELLED'];
const INITIATIVE_KINDS = ['WORKING_GROUP', 'COLLABORATION', 'OWN_INITIATIVE'];
const INITIATIVE_ROLES = ['MEMBER', 'PARTNER', 'LEAD'];
const ENGAGEMENT_KINDS = ['INPUT', 'POLICY_INFLUENCE', 'IMPLEMENTATION'];

const day = fc
  .integer({ min: 0, max: 6 * 365 })
  .map((n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
// Event times cluster around midnight UTC, where the Stockholm date differs.
const instant = fc
  .tuple(day, fc.constantFrom('21:30', '22:15', '23:45', '00:30', '09:00', '13:00'))
  .map(([d, t]) => `${d}T${t}:00Z`);

const world = fc.record({
  organisations: fc.array(fc.constantFrom(...SECTORS), { minLength: 1, maxLength: 3 }),
  persons: fc.array(
    fc.record({ sector: fc.constantFrom(...SECTORS), organisation: fc.option(fc.nat(2), { nil: null }) }),
    {
      minLength: 1,
      maxLength: 7,
    },
  ),
  events: fc.array(instant, { minLength: 1, maxLength: 6 }),
  participations: fc.array(
    fc.record({
      actor: fc.nat(9),
      event: fc.nat(5),
      role: fc.constantFrom(...ROLES),
      status: fc.constantFrom(...STATUSES),
    }),
    { maxLength: 20 },
  ),
  initiatives: fc.array(fc.constantFrom(...INITIATIVE_KINDS), { minLength: 1, maxLength: 3 }),
  memberships: fc.array(
    fc.record({
      actor: fc.nat(9),
      initiative: fc.nat(2),
      role: fc.constantFrom(...INITIATIVE_ROLES),
      joinedOn: day,
      months: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    }),
    { maxLength: 8 },
  ),
  engagements: fc.array(
    fc.record({ actor: fc.nat(9), kind: fc.constantFrom(...ENGAGEMENT_KINDS), occurredOn: day }),
    {
      maxLength: 5,
    },
  ),
  windowMonths: fc.constantFrom(24, 24, 6, 1),
});

describe('the SQL recomputation matches the pure rules', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  it('on random evidence', async () => {
    // The property must not pass vacuously: across the runs, every step and some org placements occur.
    const seenSteps = new Set<number>();
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await dataSource.query(`TRUNCATE actor, event, initiative, ladder_outbox, ladder_period CASCADE`);
        const sql = (text: string, params: unknown[]) => dataSource.query(text, params);
        const orgIds: string[] = w.organisations.map(() => randomUUID());
        for (const [i, sector] of w.organisations.entries()) {
          await sql(`INSERT INTO actor (id, kind, name, sector) VALUES ($1, 'ORGANISATION', $2, $3)`, [
            orgIds[i],
            `Org ${i}`,
            sector,
          ]);
        }
        const personIds: string[] = w.persons.map(() => randomUUID());
        for (const [i, p] of w.persons.entries()) {
          const org = p.organisation === null ? null : orgIds[p.organisation % orgIds.length];
          await sql(
            `INSERT INTO actor (id, kind, name, sector, organisation_id) VALUES ($1, 'PERSON', $2, $3, $4)`,
            [personIds[i], `Person ${i}`, p.sector, org],
          );
        }
        const actorIds = [...orgIds, ...personIds];
        const actorAt = (n: number) => actorIds[n % actorIds.length];
        const eventIds = w.events.map(() => randomUUID());
        for (const [i, startsAt] of w.events.entries()) {
          await sql(
            `INSERT INTO event (id, meeting_place, title, starts_at) VALUES ($1, 'ALMEDALEN', $2, $3)`,
            [eventIds[i], `E${i}`, startsAt],
          );
        }
        for (const p of w.participations) {
          await sql(
            `INSERT INTO participation (event_id, actor_id, role, status, source) VALUES ($1, $2, $3, $4, 'MANUAL')
             ON CONFLICT (event_id, actor_id) DO NOTHING`,
            [eventIds[p.event % eventIds.length], actorAt(p.actor), p.role, p.status],
          );
        }
        const initiativeIds = w.initiatives.map(() => randomUUID());
        for (const [i, kind] of w.initiatives.entries()) {
          await sql(`INSERT INTO initiative (id, name, kind, started_on) VALUES ($1, $2, $3, '2021-01-01')`, [
            initiativeIds[i],
            `I${i}`,
            kind,
          ]);
        }
        for (const m of w.memberships) {
          const left =
            m.months === null
              ? null
              : await sql(`SELECT ($1::date + $2 * interval '1 month')::date::text AS d`, [
                  m.joinedOn,
                  m.months,
                ]);
          await sql(
            `INSERT INTO initiative_membership (initiative_id, actor_id, role, joined_on, left_on) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (initiative_id, actor_id) DO NOTHING`,
            [
              initiativeIds[m.initiative % initiativeIds.length],
              actorAt(m.actor),
              m.role,
              m.joinedOn,
              left?.[0].d ?? null,
            ],
          );
        }
        for (const e of w.engagements) {
          await sql(`INSERT INTO engagement (actor_id, kind, occurred_on) VALUES ($1, $2, $3)`, [
            actorAt(e.actor),
            e.kind,
            e.occurredOn,
          ]);
        }

        const rules: RuleSet = { ...RULES_V1, windowMonths: w.windowMonths };
        await dataSource.transaction((em) => new LadderRepository(em).recompute(actorIds, rules));
        const fromSql = await dataSource.query(
          `SELECT actor_id, valid_from::text AS from, valid_to::text AS until, step, from_step, reasons FROM ladder_period`,
        );
        const evidence = await loadEvidence(dataSource);
        const fromPure = actorIds.flatMap((actorId) => {
          const own = classify(evidence(actorId), rules.windowMonths);
          const members = personIds
            .filter((personId) => memberOf(personId) === actorId)
            .map((personId) => classify(evidence(personId), rules.windowMonths));
          return ladderTimeline(own, members, rules).map((p) => ({
            actor_id: actorId,
            from: p.from,
            until: p.until,
            step: p.level,
            from_step: p.previousLevel,
            reasons: p.reasons,
          }));
        });
        const key = (r: { actor_id: string; from: string }) => `${r.actor_id}/${r.from}`;
        const sort = <T extends { actor_id: string; from: string }>(rows: T[]) =>
          [...rows].sort((a, b) => key(a).localeCompare(key(b)));
        expect(sort(fromSql)).toEqual(sort(fromPure));
        for (const row of fromSql) seenSteps.add(row.step);

        function memberOf(personId: string): string | null {
          const p = w.persons[personIds.indexOf(personId)];
          return p.organisation === null ? null : orgIds[p.organisation % orgIds.length];
        }
      }),
      { numRuns: 60, seed: Number(process.env.FC_SEED ?? Date.now() % 1_000_000), verbose: 1 },
    );
    expect([...seenSteps].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

/** Reads every actor's records back, with the same Stockholm dates the SQL uses. */
async function loadEvidence(dataSource: DataSource): Promise<(actorId: string) => ActorEvidence> {
  const participations: ParticipationEvidence[] = await dataSource.query(
    `SELECT p.id, p.actor_id AS "actorId", p.event_id AS "eventId", p.role, p.status,
            (e.starts_at AT TIME ZONE 'Europe/Stockholm')::date::text AS "eventDate"
     FROM participation p JOIN event e ON e.id = p.event_id`,
  );
  const memberships: MembershipEvidence[] = await dataSource.query(
    `SELECT m.id, m.actor_id AS "actorId", m.initiative_id AS "initiativeId", i.kind AS "initiativeKind", m.role,
            m.joined_on::text AS "joinedOn", m.left_on::text AS "leftOn",
            (SELECT count(DISTINCT a.sector)::int FROM initiative_membership x JOIN actor a ON a.id = x.actor_id
             WHERE x.initiative_id = m.initiative_id) AS "initiativeSectorCount"
     FROM initiative_membership m JOIN initiative i ON i.id = m.initiative_id`,
  );
  const engagements: EngagementEvidence[] = await dataSource.query(
    `SELECT id, actor_id AS "actorId", kind, occurred_on::text AS "occurredOn", event_id AS "eventId", initiative_id AS "initiativeId"
     FROM engagement`,
  );
  return (actorId) => ({
    participations: participations.filter((p) => p.actorId === actorId),
    memberships: memberships.filter((m) => m.actorId === actorId),
    engagements: engagements.filter((e) => e.actorId === actorId),
  });
}
