import { ActorKind, Gender, LegalBasis, MeetingPlaceCode, Sector } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { ActorEntity } from '../entities';
import { ladderFilterConditions, LadderFilter } from '../ladder/ladder-queries';
import { decodeCursor, encodeCursor, hydrate, likeContains, Page, Where } from '../sql';

export interface ActorFilter {
  search?: string | null;
  kind?: ActorKind | null;
  sector?: Sector | null;
  municipalityCode?: string | null;
  meetingPlace?: MeetingPlaceCode | null;
  organisationId?: string | null;
  ladderLevel?: number | null;
  minLevel?: number | null;
  /** The day the ladder filters look at (Europe/Stockholm today, from the caller). */
  ladderDay?: string | null;
  municipalityCodes?: readonly string[] | null;
  withoutInitiativeKind?: string | null;
  /**
   * Only actors who may be invited: leaves out persons whose basis is CONSENT without an open consent,
   * and restricted persons (never proposed, whoever asks).
   */
  invitable?: boolean | null;
  /** true: only restricted persons; false: none of them (the caller checks who may ask for true). */
  restricted?: boolean | null;
  /**
   * Whether the viewer may see restricted persons (GDPR art. 18: only RESTRICT_PROCESSING). Absent or
   * false: they are left out, so a caller that forgets hides rather than shows.
   */
  seesRestricted?: boolean;
}

export interface ActorValues {
  kind: ActorKind;
  name: string;
  email: string | null;
  title: string | null;
  organisationId: string | null;
  gender: Gender | null;
  sector: Sector;
  municipalityCode: string | null;
  country: string;
  organisationNumber: string | null;
  legalBasis: LegalBasis;
}

/** One actor as an export to invite from has it. */
export interface ExportedActor {
  id: string;
  name: string;
  kind: ActorKind;
  email: string | null;
  title: string | null;
  organisation: string | null;
  sector: Sector;
  municipality: string | null;
  /** The ladder level on the filter's day; null: not engaged. */
  step: number | null;
  stepSince: string | null;
}

const cursorOf = (a: ActorEntity) => encodeCursor('actors', [a.name, a.id]);
const ACTOR_KEY = ['text', 'uuid'] as const;

/** The conditions an actor filter puts on actor `a` (the actors list, its exports). */
export function actorFilterConditions(where: Where, filter: ActorFilter): void {
  if (filter.search?.trim()) {
    where.and(`a.search_text LIKE search_fold(${where.param(likeContains(filter.search.trim()))})`);
  }
  if (filter.kind) where.and(`a.kind = ${where.param(filter.kind)}`);
  if (filter.sector) where.and(`a.sector = ${where.param(filter.sector)}`);
  if (filter.municipalityCode) where.and(`a.municipality_code = ${where.param(filter.municipalityCode)}`);
  if (filter.organisationId) where.and(`a.organisation_id = ${where.param(filter.organisationId)}`);
  if (filter.meetingPlace) {
    where.and(`EXISTS (SELECT 1 FROM participation p JOIN event e ON e.id = p.event_id
      WHERE p.actor_id = a.id AND e.meeting_place = ${where.param(filter.meetingPlace)})`);
  }
  if (filter.municipalityCodes)
    where.and(`a.municipality_code = ANY (${where.param(filter.municipalityCodes)}::text[])`);
  if (filter.withoutInitiativeKind) {
    where.and(`NOT EXISTS (SELECT 1 FROM initiative_membership m JOIN initiative i ON i.id = m.initiative_id
      WHERE m.actor_id = a.id AND i.kind = ${where.param(filter.withoutInitiativeKind)})`);
  }
  restrictionConditions(where, filter);
  if (filter.invitable) {
    where.and(`(a.legal_basis <> 'CONSENT'
      OR EXISTS (SELECT 1 FROM consent c WHERE c.actor_id = a.id AND c.withdrawn_on IS NULL))`);
  }
  if (filter.ladderLevel || filter.minLevel) {
    const day = where.param(filter.ladderDay);
    const level = filter.ladderLevel
      ? `lp.step = ${where.param(filter.ladderLevel)}`
      : `lp.step >= ${where.param(filter.minLevel)}`;
    where.and(`EXISTS (SELECT 1 FROM ladder_period lp WHERE lp.actor_id = a.id AND ${level}
      AND lp.valid_from <= ${day}::date AND (lp.valid_to IS NULL OR lp.valid_to > ${day}::date))`);
  }
}

/**
 * Restricted persons (GDPR art. 18) on actor `a`: only them when asked for (`restricted: true`),
 * otherwise hidden from a viewer who may not see them, from an invite list for everyone, and when
 * `restricted: false` is asked for.
 */
function restrictionConditions(where: Where, filter: ActorFilter): void {
  if (filter.restricted === true) where.and(`a.restricted_at IS NOT NULL`);
  if (filter.restricted === false || !filter.seesRestricted || filter.invitable) {
    where.and(`a.restricted_at IS NULL`);
  }
}

/** The SQL condition that leaves restricted persons on `alias` out unless the viewer may see them. */
export function visibleActorSql(alias: string, seesRestricted: boolean): string {
  return seesRestricted ? 'true' : `${alias}.restricted_at IS NULL`;
}

/** Actors, listed by name. Every statement runs on the caller's EntityManager (and so its transaction). */
export class ActorRepository {
  constructor(private readonly em: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<ActorEntity[]> {
    if (!ids.length) return [];
    const rows = await this.em.query(`SELECT * FROM actor WHERE id = ANY($1::uuid[])`, [ids]);
    return hydrate(this.em, ActorEntity, rows);
  }

  async findById(id: string, lock = false): Promise<ActorEntity | null> {
    const rows = await this.em.query(`SELECT * FROM actor WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return hydrate(this.em, ActorEntity, rows)[0] ?? null;
  }

  async page(
    filter: ActorFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<ActorEntity>> {
    const where = new Where();
    actorFilterConditions(where, filter);
    return this.pageWhere(where, first, after);
  }

  /**
   * The actors behind one cell of the ladder's movement matrix: on `fromLevel` on `from` and on
   * `toLevel` on `to` (null: not engaged that day), with the same filter as the aggregate counts, so
   * the page's total is the cell's count. By name.
   */
  async pageInTransition(
    transition: { from: string; to: string; fromLevel: number | null; toLevel: number | null },
    filter: LadderFilter,
    first: number,
    after: string | null | undefined,
    seesRestricted = false,
  ): Promise<Page<ActorEntity>> {
    const where = new Where();
    if (!seesRestricted) where.and(`a.restricted_at IS NULL`);
    const onStep = (day: string, level: number | null) => {
      const on = `lp.valid_from <= ${where.param(day)}::date AND (lp.valid_to IS NULL OR lp.valid_to > ${where.param(day)}::date)`;
      return level === null
        ? `NOT EXISTS (SELECT 1 FROM ladder_period lp WHERE lp.actor_id = a.id AND ${on})`
        : `EXISTS (SELECT 1 FROM ladder_period lp WHERE lp.actor_id = a.id AND ${on} AND lp.step = ${where.param(level)})`;
    };
    where.and(onStep(transition.from, transition.fromLevel));
    where.and(onStep(transition.to, transition.toLevel));
    ladderFilterConditions(where, filter, transition.to);
    return this.pageWhere(where, first, after);
  }

  /**
   * The latest day with recorded evidence about each actor up to `today`: an event attended, an
   * engagement, joining or leaving an initiative; for an organisation also its people's (as its step
   * counts them). Absent from the map: none.
   */
  async lastActivity(actorIds: readonly string[], today: string): Promise<Map<string, string>> {
    if (!actorIds.length) return new Map();
    const rows: { actorId: string; lastOn: string | null }[] = await this.em.query(
      `WITH subjects AS (SELECT DISTINCT unnest($1::uuid[]) AS subject_id),
       contributors AS (
         SELECT subject_id, subject_id AS contributor_id FROM subjects
         UNION ALL
         SELECT s.subject_id, a.id FROM subjects s JOIN actor a ON a.organisation_id = s.subject_id
       ), days AS (
         SELECT c.subject_id, (e.starts_at AT TIME ZONE 'Europe/Stockholm')::date AS day
         FROM contributors c JOIN participation p ON p.actor_id = c.contributor_id AND p.status = 'ATTENDED'
         JOIN event e ON e.id = p.event_id
         UNION ALL
         SELECT c.subject_id, m.joined_on FROM contributors c JOIN initiative_membership m ON m.actor_id = c.contributor_id
         UNION ALL
         SELECT c.subject_id, m.left_on FROM contributors c JOIN initiative_membership m ON m.actor_id = c.contributor_id
         WHERE m.left_on IS NOT NULL
         UNION ALL
         SELECT c.subject_id, g.occurred_on FROM contributors c JOIN engagement g ON g.actor_id = c.contributor_id
       )
       SELECT subject_id AS "actorId", (max(day) FILTER (WHERE day <= $2::date))::text AS "lastOn"
       FROM days GROUP BY subject_id`,
      [actorIds, today],
    );
    return new Map(rows.filter((r) => r.lastOn).map((r) => [r.actorId, r.lastOn as string]));
  }

  /**
   * The actors matching a filter with what a list to invite from needs (organisation and municipality
   * names, the step on `filter.ladderDay`), by name, at most `limit` (the caller asks one more to
   * tell a list that is too long).
   */
  async forExport(filter: ActorFilter, limit: number): Promise<ExportedActor[]> {
    const where = new Where();
    actorFilterConditions(where, filter);
    const day = where.param(filter.ladderDay);
    return this.em.query(
      `SELECT a.id, a.name, a.kind, a.email, a.title, o.name AS organisation, a.sector,
              m.name AS municipality, lp.step, lp.valid_from::text AS "stepSince"
       FROM actor a
       LEFT JOIN actor o ON o.id = a.organisation_id
       LEFT JOIN municipality m ON m.code = a.municipality_code
       LEFT JOIN ladder_period lp ON lp.actor_id = a.id AND lp.valid_from <= ${day}::date
         AND (lp.valid_to IS NULL OR lp.valid_to > ${day}::date)
       ${where.toSql()} ORDER BY a.name, a.id LIMIT ${where.param(limit)}`,
      where.params,
    );
  }

  /** One page by name of the actors matching `where` (on actor `a`), with the total. */
  private async pageWhere(
    where: Where,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<ActorEntity>> {
    const countWhere = where.toSql();
    const countParams = [...where.params];
    const key = decodeCursor(after, 'actors', ACTOR_KEY);
    if (key) where.and(`(a.name, a.id) > (${where.param(key[0])}, ${where.param(key[1])}::uuid)`);
    const rows = await this.em.query(
      `SELECT a.* FROM actor a ${where.toSql()} ORDER BY a.name, a.id LIMIT ${where.param(first + 1)}`,
      where.params,
    );
    const [{ count }] = await this.em.query(
      `SELECT count(*)::int AS count FROM actor a ${countWhere}`,
      countParams,
    );
    const items = hydrate(this.em, ActorEntity, rows);
    return { items: items.slice(0, first), hasNextPage: items.length > first, totalCount: count, cursorOf };
  }

  /**
   * One page of members for each organisation, in two statements whatever the number of organisations;
   * restricted persons only for a viewer who may see them.
   */
  async membersPages(
    organisationIds: readonly string[],
    first: number,
    after: string | null | undefined,
    seesRestricted = false,
  ): Promise<Map<string, Page<ActorEntity>>> {
    const visible = visibleActorSql('a', seesRestricted);
    const key = decodeCursor(after, 'actors', ACTOR_KEY);
    const params: unknown[] = [organisationIds, first + 1];
    const afterSql = key ? `AND (a.name, a.id) > ($3, $4::uuid)` : '';
    if (key) params.push(key[0], key[1]);
    const rows = await this.em.query(
      `SELECT * FROM (
         SELECT a.*, row_number() OVER (PARTITION BY a.organisation_id ORDER BY a.name, a.id) AS page_row
         FROM actor a WHERE a.organisation_id = ANY($1::uuid[]) AND ${visible} ${afterSql}
       ) ranked WHERE page_row <= $2 ORDER BY name, id`,
      params,
    );
    const counts: { organisation_id: string; count: number }[] = await this.em.query(
      `SELECT organisation_id, count(*)::int AS count FROM actor a
       WHERE organisation_id = ANY($1::uuid[]) AND ${visible}
       GROUP BY organisation_id`,
      [organisationIds],
    );
    return groupPages(
      organisationIds,
      hydrate(this.em, ActorEntity, rows),
      (a) => a.organisationId as string,
      counts.map((c) => [c.organisation_id, c.count]),
      first,
      cursorOf,
    );
  }

  async insert(values: ActorValues, userId: string | null): Promise<ActorEntity> {
    const rows = await this.em.query(
      `INSERT INTO actor (kind, name, email, title, organisation_id, gender, sector, municipality_code, country,
         organisation_number, legal_basis, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING *`,
      [...actorParams(values), userId],
    );
    return hydrate(this.em, ActorEntity, rows)[0];
  }

  /** Inserts unless the email or organisation number is already taken by another actor: null then. */
  async insertIfNew(values: ActorValues, userId: string | null): Promise<ActorEntity | null> {
    const rows = await this.em.query(
      `INSERT INTO actor (kind, name, email, title, organisation_id, gender, sector, municipality_code, country,
         organisation_number, legal_basis, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT DO NOTHING RETURNING *`,
      [...actorParams(values), userId],
    );
    return hydrate(this.em, ActorEntity, rows)[0] ?? null;
  }

  /** Persons by normalised email: email → id, for those that exist. */
  async findIdsByEmails(emails: readonly string[]): Promise<Map<string, string>> {
    if (!emails.length) return new Map();
    const rows: { id: string; email: string }[] = await this.em.query(
      `SELECT id, lower(btrim(email)) AS email FROM actor WHERE lower(btrim(email)) = ANY ($1::text[])`,
      [emails],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  /**
   * Inserts many actors in one statement, skipping any whose email or organisation number another
   * actor (or a concurrent transaction) already holds: answers email → id of those inserted.
   */
  async insertManyIfNew(values: readonly ActorValues[], userId: string | null): Promise<Map<string, string>> {
    if (!values.length) return new Map();
    const column = <K extends keyof ActorValues>(key: K) => values.map((v) => v[key]);
    const rows: { id: string; email: string }[] = await this.em.query(
      `INSERT INTO actor (kind, name, email, title, organisation_id, gender, sector, municipality_code, country,
         organisation_number, legal_basis, created_by, updated_by)
       SELECT v.kind, v.name, v.email, v.title, v.organisation_id, v.gender, v.sector, v.municipality_code, v.country,
         v.organisation_number, v.legal_basis, $12, $12
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::text[])
         AS v(kind, name, email, title, organisation_id, gender, sector, municipality_code, country,
              organisation_number, legal_basis)
       ON CONFLICT DO NOTHING
       RETURNING id, email`,
      [
        column('kind'),
        column('name'),
        column('email'),
        column('title'),
        column('organisationId'),
        column('gender'),
        column('sector'),
        column('municipalityCode'),
        column('country'),
        column('organisationNumber'),
        column('legalBasis'),
        userId,
      ],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  async update(id: string, values: ActorValues, userId: string | null): Promise<ActorEntity> {
    const rows = await this.em.query(
      `UPDATE actor SET name = $2, email = $3, title = $4, organisation_id = $5, gender = $6, sector = $7,
         municipality_code = $8, country = $9, organisation_number = $10, legal_basis = $11,
         updated_at = now(), updated_by = $12
       WHERE id = $13 AND kind = $1 RETURNING *`,
      [...actorParams(values), userId, id],
    );
    return hydrate(this.em, ActorEntity, rows)[0];
  }
}

/** The values of an actor row, in the column order of insert and update ($1–$11). */
function actorParams(v: ActorValues): unknown[] {
  return [
    v.kind,
    v.name,
    v.email,
    v.title,
    v.organisationId,
    v.gender,
    v.sector,
    v.municipalityCode,
    v.country,
    v.organisationNumber,
    v.legalBasis,
  ];
}

/** Splits rows ranked per parent (limit + 1 each) into one page per parent id. */
export function groupPages<T>(
  parentIds: readonly string[],
  rows: T[],
  parentOf: (row: T) => string,
  counts: [string, number][],
  first: number,
  cursorOf: (row: T) => string,
): Map<string, Page<T>> {
  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) byParent.get(parentOf(row))?.push(row);
  const countOf = new Map(counts);
  const pages = new Map<string, Page<T>>();
  for (const [parentId, items] of byParent) {
    pages.set(parentId, {
      items: items.slice(0, first),
      hasNextPage: items.length > first,
      totalCount: countOf.get(parentId) ?? 0,
      cursorOf,
    });
  }
  return pages;
}
