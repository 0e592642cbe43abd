import { EntityManager } from 'typeorm';
import { rejectedImportRowsSql } from '../anonymisation/rejected-import-rows';

/** A stored register extract, without its content. */
export interface PersonalDataExportRecord {
  id: string;
  actorId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A stored register extract with the JSON it was produced as. */
export interface PersonalDataExportDocument extends PersonalDataExportRecord {
  content: unknown;
}

/** The person's own row, with the names of what it points at. */
export interface HeldPerson {
  id: string;
  kind: string;
  name: string;
  email: string | null;
  title: string | null;
  gender: string | null;
  sector: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  country: string;
  organisationId: string | null;
  organisationName: string | null;
  legalBasis: string;
  createdAt: Date;
  updatedAt: Date;
  restrictedAt: Date | null;
  restrictionReason: string | null;
  anonymisedAt: Date | null;
}

export interface HeldConsent {
  id: string;
  givenOn: string;
  textVersion: string;
  source: string;
  withdrawnOn: string | null;
  recordedAt: Date;
}

export interface HeldParticipation {
  id: string;
  eventId: string;
  eventTitle: string;
  eventStartsAt: Date;
  meetingPlace: string;
  meetingPlaceName: string;
  role: string;
  status: string;
  source: string;
  checkedInAt: Date | null;
  registeredAt: Date;
}

export interface HeldCheckIn {
  id: string;
  participationId: string;
  eventTitle: string;
  checkedInAt: Date;
  previousStatus: string | null;
  recordedAt: Date;
  userName: string | null;
}

export interface HeldMembership {
  id: string;
  initiativeId: string;
  initiativeName: string;
  initiativeKind: string;
  role: string;
  joinedOn: string;
  leftOn: string | null;
}

export interface HeldEngagement {
  id: string;
  kind: string;
  occurredOn: string;
  note: string | null;
  eventTitle: string | null;
  initiativeName: string | null;
  recordedAt: Date;
}

export interface HeldLadderPeriod {
  validFrom: string;
  validTo: string | null;
  step: number;
  fromStep: number | null;
  /** LadderReasonRef objects as the ladder stored them. */
  reasons: unknown[];
}

/** A pair the duplicate finder proposed; the other record is not named (it may be someone else). */
export interface HeldDuplicateCandidate {
  id: string;
  score: number;
  reasons: string[];
  createdAt: Date;
  dismissedAt: Date | null;
}

export interface HeldMerge {
  id: string;
  mergedId: string;
  mergedAt: Date;
  moved: unknown;
  userName: string | null;
}

export interface HeldAuditEntry {
  at: Date;
  action: string;
  entity: string;
  entityId: string;
  changedFields: string[];
  userName: string | null;
  userEmail: string | null;
}

export interface HeldAccess {
  at: Date;
  operation: string;
  userName: string;
  userEmail: string;
}

export interface HeldImportedRow {
  importId: string;
  importedAt: Date;
  eventTitle: string;
  line: number | null;
  reason: string | null;
}

/** Everything held about one person, as the tables have it. */
export interface HeldPersonalData {
  person: HeldPerson;
  consents: HeldConsent[];
  participations: HeldParticipation[];
  checkIns: HeldCheckIn[];
  memberships: HeldMembership[];
  engagements: HeldEngagement[];
  ladderPeriods: HeldLadderPeriod[];
  duplicateCandidates: HeldDuplicateCandidate[];
  merges: HeldMerge[];
  auditTrail: HeldAuditEntry[];
  accessLog: HeldAccess[];
  importedRows: HeldImportedRow[];
  /** Titles of the events and names of the initiatives the ladder's reasons point at. */
  eventTitles: Map<string, string>;
  initiativeNames: Map<string, string>;
}

const RECORD = `id, actor_id AS "actorId", created_at AS "createdAt", expires_at AS "expiresAt"`;

/**
 * Register extracts (GDPR art. 15): what is held about a person, read table by table on the caller's
 * EntityManager (one transaction), and the stored extracts themselves.
 */
export class PersonalDataExportRepository {
  constructor(private readonly em: EntityManager) {}

  /** The actor's kind, or null when no actor has this id. */
  async kindOf(actorId: string): Promise<string | null> {
    const rows: { kind: string }[] = await this.em.query(`SELECT kind FROM actor WHERE id = $1`, [actorId]);
    return rows[0]?.kind ?? null;
  }

  /** Everything held about the person; null when no actor has this id. */
  async gather(actorId: string): Promise<HeldPersonalData | null> {
    const [person]: HeldPerson[] = await this.em.query(
      `SELECT a.id, a.kind, a.name, a.email, a.title, a.gender, a.sector,
              a.municipality_code AS "municipalityCode", m.name AS "municipalityName", a.country,
              a.organisation_id AS "organisationId", o.name AS "organisationName",
              a.legal_basis AS "legalBasis", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
              a.restricted_at AS "restrictedAt", a.restriction_reason AS "restrictionReason",
              a.anonymised_at AS "anonymisedAt"
       FROM actor a
       LEFT JOIN municipality m ON m.code = a.municipality_code
       LEFT JOIN actor o ON o.id = a.organisation_id
       WHERE a.id = $1`,
      [actorId],
    );
    if (!person) return null;
    const q = <T>(sql: string, params: unknown[] = [actorId]): Promise<T[]> => this.em.query(sql, params);

    const consents = await q<HeldConsent>(
      `SELECT id, given_on::text AS "givenOn", text_version AS "textVersion", source,
              withdrawn_on::text AS "withdrawnOn", created_at AS "recordedAt"
       FROM consent WHERE actor_id = $1 ORDER BY given_on DESC, created_at DESC, id`,
    );
    const participations = await q<HeldParticipation>(
      `SELECT p.id, p.event_id AS "eventId", e.title AS "eventTitle", e.starts_at AS "eventStartsAt",
              e.meeting_place AS "meetingPlace", mp.name AS "meetingPlaceName", p.role, p.status,
              p.source, p.checked_in_at AS "checkedInAt", p.created_at AS "registeredAt"
       FROM participation p
       JOIN event e ON e.id = p.event_id
       JOIN meeting_place mp ON mp.code = e.meeting_place
       WHERE p.actor_id = $1 ORDER BY e.starts_at DESC, p.id`,
    );
    const checkIns = await q<HeldCheckIn>(
      `SELECT c.id::text AS id, c.participation_id AS "participationId", e.title AS "eventTitle",
              c.checked_in_at AS "checkedInAt", c.previous_status AS "previousStatus",
              c.created_at AS "recordedAt", u.name AS "userName"
       FROM check_in c
       JOIN participation p ON p.id = c.participation_id
       JOIN event e ON e.id = p.event_id
       LEFT JOIN app_user u ON u.id = c.user_id
       WHERE p.actor_id = $1 ORDER BY c.created_at DESC, c.id DESC`,
    );
    const memberships = await q<HeldMembership>(
      `SELECT im.id, im.initiative_id AS "initiativeId", i.name AS "initiativeName", i.kind AS "initiativeKind",
              im.role, im.joined_on::text AS "joinedOn", im.left_on::text AS "leftOn"
       FROM initiative_membership im JOIN initiative i ON i.id = im.initiative_id
       WHERE im.actor_id = $1 ORDER BY im.joined_on DESC, im.id`,
    );
    const engagements = await q<HeldEngagement>(
      `SELECT g.id, g.kind, g.occurred_on::text AS "occurredOn", g.note, e.title AS "eventTitle",
              i.name AS "initiativeName", g.created_at AS "recordedAt"
       FROM engagement g
       LEFT JOIN event e ON e.id = g.event_id
       LEFT JOIN initiative i ON i.id = g.initiative_id
       WHERE g.actor_id = $1 ORDER BY g.occurred_on DESC, g.id`,
    );
    const ladderPeriods = await q<HeldLadderPeriod>(
      `SELECT valid_from::text AS "validFrom", valid_to::text AS "validTo", step, from_step AS "fromStep", reasons
       FROM ladder_period WHERE actor_id = $1 ORDER BY valid_from DESC`,
    );
    const duplicateCandidates = await q<HeldDuplicateCandidate>(
      `SELECT id, score::float8 AS score, reasons, created_at AS "createdAt", dismissed_at AS "dismissedAt"
       FROM duplicate_candidate WHERE actor_a = $1 OR actor_b = $1 ORDER BY created_at DESC, id`,
    );
    const merges = await q<HeldMerge>(
      `SELECT am.id, am.merged_id AS "mergedId", am.merged_at AS "mergedAt", am.moved, u.name AS "userName"
       FROM actor_merge am LEFT JOIN app_user u ON u.id = am.merged_by
       WHERE am.kept_id = $1 ORDER BY am.merged_at DESC, am.id`,
    );
    // The trail about the person: rows on the actor itself, and on the records that are theirs
    // (the audit log keeps participations, memberships, engagements, consents and duplicate
    // candidates under their own ids).
    const auditTrail = await q<HeldAuditEntry>(
      `SELECT l.at, l.action, l.entity, l.entity_id AS "entityId", l.changed_fields AS "changedFields",
              u.name AS "userName", u.email AS "userEmail"
       FROM audit_log l LEFT JOIN app_user u ON u.id = l.user_id
       WHERE (l.entity = 'actor' AND l.entity_id = $1)
          OR (l.entity = 'participation' AND l.entity_id IN (SELECT id FROM participation WHERE actor_id = $1))
          OR (l.entity = 'initiative_membership'
              AND l.entity_id IN (SELECT id FROM initiative_membership WHERE actor_id = $1))
          OR (l.entity = 'engagement' AND l.entity_id IN (SELECT id FROM engagement WHERE actor_id = $1))
          OR (l.entity = 'consent' AND l.entity_id IN (SELECT id FROM consent WHERE actor_id = $1))
          OR (l.entity = 'duplicate_candidate'
              AND l.entity_id IN (SELECT id FROM duplicate_candidate WHERE actor_a = $1 OR actor_b = $1))
       ORDER BY l.at DESC, l.id DESC`,
    );
    const accessLog = await q<HeldAccess>(
      `SELECT r.at, r.operation, u.name AS "userName", u.email AS "userEmail"
       FROM personal_data_access r JOIN app_user u ON u.id = r.user_id
       WHERE r.actor_ids @> ARRAY[$1::uuid] ORDER BY r.at DESC, r.id DESC`,
    );
    // A rejected line is kept as its number and reason ({ line, reason }), and a reason can quote what
    // the file said. The rows shown are exactly those anonymising the person would remove
    // (rejectedImportRowsSql). An anonymised person's name and address are gone, and so are the rows
    // that named them: nothing is looked for, lest rows quoting the common ANONYMISED_NAME be shown.
    const searched = person.anonymisedAt === null;
    const importedRows = await q<HeldImportedRow>(
      `WITH named AS (${rejectedImportRowsSql('$1', '$2')})
       SELECT ri.id AS "importId", ri.created_at AS "importedAt", e.title AS "eventTitle",
              CASE WHEN jsonb_typeof(n.el -> 'line') = 'number' THEN (n.el ->> 'line')::int END AS line,
              n.el ->> 'reason' AS reason
       FROM named n
       JOIN registration_import ri ON ri.id = n.import_id
       JOIN event e ON e.id = ri.event_id
       WHERE n.names_person
       ORDER BY ri.created_at DESC, ri.id, n.ord`,
      [searched && person.email ? [person.email] : [], searched ? [person.name] : []],
    );

    const eventIds = new Set<string>();
    const initiativeIds = new Set<string>();
    for (const period of ladderPeriods)
      for (const reason of period.reasons as { eventId?: string | null; initiativeId?: string | null }[]) {
        if (reason.eventId) eventIds.add(reason.eventId);
        if (reason.initiativeId) initiativeIds.add(reason.initiativeId);
      }
    const events = await q<{ id: string; title: string }>(
      `SELECT id, title FROM event WHERE id = ANY($1::uuid[])`,
      [[...eventIds]],
    );
    const initiatives = await q<{ id: string; name: string }>(
      `SELECT id, name FROM initiative WHERE id = ANY($1::uuid[])`,
      [[...initiativeIds]],
    );
    return {
      person,
      consents,
      participations,
      checkIns,
      memberships,
      engagements,
      ladderPeriods,
      duplicateCandidates,
      merges,
      auditTrail,
      accessLog,
      importedRows,
      eventTitles: new Map(events.map((e) => [e.id, e.title])),
      initiativeNames: new Map(initiatives.map((i) => [i.id, i.name])),
    };
  }

  /** Stores an extract; it expires `keepDays` after it was made. */
  async insert(
    actorId: string,
    content: unknown,
    requestedBy: string,
    createdAt: Date,
    keepDays: number,
  ): Promise<PersonalDataExportRecord> {
    const rows: PersonalDataExportRecord[] = await this.em.query(
      `INSERT INTO personal_data_export (actor_id, content, requested_by, created_at, expires_at)
       VALUES ($1, $2::jsonb, $3, $4::timestamptz, $4::timestamptz + make_interval(days => $5::int))
       RETURNING ${RECORD}`,
      [actorId, JSON.stringify(content), requestedBy, createdAt.toISOString(), keepDays],
    );
    return rows[0];
  }

  /** An extract that has not expired, with its content; null otherwise. */
  async findUnexpired(id: string, now: Date = new Date()): Promise<PersonalDataExportDocument | null> {
    const rows: PersonalDataExportDocument[] = await this.em.query(
      `SELECT ${RECORD}, content FROM personal_data_export WHERE id = $1 AND expires_at > $2::timestamptz`,
      [id, now.toISOString()],
    );
    return rows[0] ?? null;
  }

  /** The person's extracts that have not expired, newest first. */
  async unexpiredFor(actorId: string, now: Date = new Date()): Promise<PersonalDataExportRecord[]> {
    return this.em.query(
      `SELECT ${RECORD} FROM personal_data_export WHERE actor_id = $1 AND expires_at > $2::timestamptz
       ORDER BY created_at DESC, id`,
      [actorId, now.toISOString()],
    );
  }
}
