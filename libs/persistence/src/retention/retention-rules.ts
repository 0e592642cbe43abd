import type { EntityManager } from 'typeorm';
import { anonymisePersons, ErasureLedgerRepository } from '../anonymisation';
import { SESSION_IDLE_TIMEOUT } from '../repositories/session.repository';
import { rowsOf } from '../sql';

/** The retention rules there are; each is a row of retention_rule (seeded by the data-protection migration). */
export enum RetentionRuleCode {
  INACTIVE_PERSONS = 'INACTIVE_PERSONS',
  REJECTED_IMPORT_ROWS = 'REJECTED_IMPORT_ROWS',
  ACCESS_LOG = 'ACCESS_LOG',
  SESSIONS = 'SESSIONS',
  INVITATIONS = 'INVITATIONS',
  IDEMPOTENCY_KEYS = 'IDEMPOTENCY_KEYS',
  PERSONAL_DATA_EXPORTS = 'PERSONAL_DATA_EXPORTS',
}

export enum RetentionUnit {
  DAYS = 'DAYS',
  MONTHS = 'MONTHS',
}

/** What a rule needs to touch what is due: the window's start, and for the ledger the run and the decision. */
export interface RetentionScope {
  /** Records older than this (or without evidence since) are due. */
  windowStart: Date;
  retentionRunId: string;
  decisionReference: string | null;
}

/** What one batch of a rule did. */
export interface RetentionBatch {
  /** Records touched. */
  touched: number;
  /** Whether anything may be left: the runner then asks for another batch. */
  more: boolean;
  /** For a rule that walks its candidates in key order: the last key this batch looked at. */
  after: string | null;
}

/**
 * One rule: the SQL that finds what is due (shared by the preview and the run, so they never
 * disagree) and one batch of its work, in the caller's transaction. `$1` in `due` is the window's
 * start (timestamptz); `due` selects the key `key` of the rows due.
 */
interface RuleDefinition {
  /** In Swedish, for the ADMIN's list. */
  description: string;
  /** How many rows one transaction touches at most. */
  batch: number;
  /** `SELECT <key> FROM … WHERE …` of what is due, with `$1` the window's start. */
  due: string;
  /**
   * Touches one batch of what is due. `after` is the previous batch's `after` (null for the first),
   * so a rule that walks its candidates in key order continues where it stopped instead of
   * scanning from the start again.
   */
  apply(
    em: EntityManager,
    scope: RetentionScope,
    limit: number,
    after: string | null,
  ): Promise<RetentionBatch>;
}

/** The window's start as a Stockholm calendar date: evidence dated on or after it is recent. */
const WINDOW_DATE = `(($1::timestamptz) AT TIME ZONE 'Europe/Stockholm')::date`;

/**
 * A person with no evidence dated within the window and no change to their record since its start.
 * Evidence as on the ladder (a participation's event date, a membership from joined_on to left_on —
 * an open membership is ongoing —, an engagement's date), and, more cautious than the ladder, any
 * registration whatever its status, a consent given or withdrawn, and any of these rows written
 * within the window. A person whose processing is restricted (art. 18) is kept as it is.
 */
const INACTIVE_PERSONS_DUE = `
  SELECT a.id FROM actor a
  WHERE a.kind = 'PERSON' AND a.anonymised_at IS NULL AND a.restricted_at IS NULL
    AND a.created_at < $1 AND a.updated_at < $1
    AND NOT EXISTS (
      SELECT 1 FROM participation p JOIN event e ON e.id = p.event_id
      WHERE p.actor_id = a.id
        AND ((e.starts_at AT TIME ZONE 'Europe/Stockholm')::date >= ${WINDOW_DATE}
             OR p.created_at >= $1 OR p.updated_at >= $1))
    AND NOT EXISTS (
      SELECT 1 FROM initiative_membership m
      WHERE m.actor_id = a.id
        AND (m.left_on IS NULL OR m.left_on >= ${WINDOW_DATE} OR m.created_at >= $1 OR m.updated_at >= $1))
    AND NOT EXISTS (
      SELECT 1 FROM engagement g
      WHERE g.actor_id = a.id AND (g.occurred_on >= ${WINDOW_DATE} OR g.created_at >= $1))
    AND NOT EXISTS (
      SELECT 1 FROM consent c
      WHERE c.actor_id = a.id
        AND (c.given_on >= ${WINDOW_DATE} OR c.withdrawn_on >= ${WINDOW_DATE} OR c.created_at >= $1))`;

/**
 * A rejected row as it is kept once culled: its line and its reason, with any value quoted from the
 * file (`Okänd roll: "…"`) replaced by an ellipsis. Culling twice gives the same row.
 */
const CULLED_ROW = (r: string) =>
  `jsonb_build_object('line', ${r} -> 'line', 'reason', regexp_replace(${r} ->> 'reason', '".*"', '"…"'))`;

const REJECTED_IMPORT_ROWS_DUE = `
  SELECT i.id FROM registration_import i
  WHERE i.finished_at < $1
    AND EXISTS (SELECT 1 FROM jsonb_array_elements(i.rejected) r(item) WHERE r.item <> ${CULLED_ROW('r.item')})`;

/** A rule that deletes rows of one table: `predicate` over alias t, `$1` the window's start. */
function deleting(table: string, predicate: string, description: string): RuleDefinition {
  const due = `SELECT t.ctid FROM ${table} t WHERE ${predicate}`;
  return {
    description,
    batch: 5_000,
    due,
    async apply(em, scope, limit) {
      const deleted = rowsOf(
        await em.query(
          `DELETE FROM ${table} WHERE ctid = ANY (ARRAY(${due} LIMIT ${limit})) RETURNING 1 AS one`,
          [scope.windowStart],
        ),
      );
      return { touched: deleted.length, more: deleted.length > 0, after: null };
    },
  };
}

export const RETENTION_RULES: Record<RetentionRuleCode, RuleDefinition> = {
  [RetentionRuleCode.INACTIVE_PERSONS]: {
    description:
      'Personer utan aktivitet anonymiseras: ingen närvaro, inget medlemskap, inget engagemang, inget ' +
      'samtycke och ingen ändring av uppgifterna inom perioden (personer med begränsad behandling undantas)',
    batch: 500,
    due: INACTIVE_PERSONS_DUE,
    async apply(em, scope, limit, after) {
      // Keyset: each batch takes the next `limit` persons neither anonymised nor restricted, by id,
      // after the last batch's (actor_retention_candidate_idx), and looks for evidence in that id
      // range only. A bounded range lets the planner probe the evidence indexes per person; with
      // only a lower bound and a LIMIT it merge-joins each evidence table from its first row.
      const slice = rowsOf(
        await em.query(
          `SELECT a.id FROM actor a
            WHERE a.kind = 'PERSON' AND a.anonymised_at IS NULL AND a.restricted_at IS NULL
                  ${after === null ? '' : 'AND a.id > $1'}
            ORDER BY a.id LIMIT ${limit}`,
          after === null ? [] : [after],
        ),
      ).map((row) => row.id as string);
      if (!slice.length) return { touched: 0, more: false, after };
      const upTo = slice[slice.length - 1];
      const candidates = rowsOf(
        await em.query(
          `${INACTIVE_PERSONS_DUE} AND a.id <= $2 ${after === null ? '' : 'AND a.id > $3'}
           ORDER BY a.id FOR UPDATE OF a`,
          after === null ? [scope.windowStart, upTo] : [scope.windowStart, upTo, after],
        ),
      ).map((row) => row.id as string);
      const next = { more: slice.length === limit, after: upTo };
      if (!candidates.length) return { touched: 0, ...next };
      // That statement judged the evidence on the snapshot it started with, before it waited for the
      // locks: a participation, membership, engagement or consent committed meanwhile (a check-in at
      // the door) was not seen. The candidates are locked now, so no new row can refer to them until
      // this transaction ends (a reference takes a share lock on the actor), and a new statement sees
      // everything committed before it: only the persons it still finds due are anonymised.
      const due = rowsOf(
        await em.query(`${INACTIVE_PERSONS_DUE} AND a.id = ANY ($2::uuid[])`, [
          scope.windowStart,
          candidates,
        ]),
      ).map((row) => row.id as string);
      const anonymised = await anonymisePersons(em, due, {
        retentionRunId: scope.retentionRunId,
        reference: scope.decisionReference,
        userId: null,
      });
      return { touched: anonymised.length, ...next };
    },
  },
  [RetentionRuleCode.REJECTED_IMPORT_ROWS]: {
    description:
      'Avvisade rader i importer gallras: radnummer och skäl sparas, men värden som citerats ur filen tas bort',
    batch: 500,
    due: REJECTED_IMPORT_ROWS_DUE,
    async apply(em, scope, limit) {
      const culled = rowsOf(
        await em.query(
          `WITH due AS (${REJECTED_IMPORT_ROWS_DUE} ORDER BY i.id LIMIT ${limit} FOR UPDATE OF i)
           UPDATE registration_import i SET rejected = (
             SELECT coalesce(jsonb_agg(${CULLED_ROW('r.item')} ORDER BY r.n), '[]'::jsonb)
             FROM jsonb_array_elements(i.rejected) WITH ORDINALITY r(item, n))
           FROM due WHERE i.id = due.id RETURNING i.id`,
          [scope.windowStart],
        ),
      ).map((row) => row.id as string);
      await new ErasureLedgerRepository(em).record('IMPORT_ROWS_CULLED', culled, {
        retentionRunId: scope.retentionRunId,
        reference: scope.decisionReference,
        userId: null,
      });
      return { touched: culled.length, more: culled.length > 0, after: null };
    },
  },
  // The weekly summaries (access_log_summary*) hold counts per staff user and no one else's data:
  // they are the data protection officer's record of the follow-up and are kept.
  [RetentionRuleCode.ACCESS_LOG]: deleting(
    'personal_data_access',
    't.at < $1',
    'Loggen över vem som läst personuppgifter gallras (veckosammanställningarna med antal per användare sparas)',
  ),
  [RetentionRuleCode.SESSIONS]: deleting(
    'user_session',
    `(t.expires_at < $1 OR t.last_seen_at + interval '${SESSION_IDLE_TIMEOUT}' < $1)`,
    'Inloggningssessioner som gått ut raderas',
  ),
  [RetentionRuleCode.INVITATIONS]: deleting(
    'user_invitation',
    '(t.used_at < $1 OR t.expires_at < $1)',
    'Inbjudningar till nya användare som använts eller gått ut raderas',
  ),
  [RetentionRuleCode.IDEMPOTENCY_KEYS]: deleting(
    'idempotency_key',
    't.created_at < $1',
    'Nycklar som skyddar incheckningar mot dubbelregistrering raderas',
  ),
  [RetentionRuleCode.PERSONAL_DATA_EXPORTS]: deleting(
    'personal_data_export',
    't.created_at < $1',
    'Registerutdrag raderas',
  ),
};

/** The rules in the order the list shows them. */
export const RETENTION_RULE_ORDER: readonly RetentionRuleCode[] = Object.values(RetentionRuleCode);

/**
 * The order a run takes them: inactive persons last, because anonymisation also deletes a person's
 * register extracts and the rejected import rows that name them; taken after the other rules, each
 * rule touches exactly what the preview counted for it.
 */
export const RETENTION_RUN_ORDER: readonly RetentionRuleCode[] = [
  ...RETENTION_RULE_ORDER.filter((code) => code !== RetentionRuleCode.INACTIVE_PERSONS),
  RetentionRuleCode.INACTIVE_PERSONS,
];

/** The start of a rule's window: `now` minus the kept time, in Europe/Stockholm calendar terms. */
export async function windowStartOf(
  em: EntityManager,
  now: Date,
  keepAmount: number,
  keepUnit: RetentionUnit,
): Promise<Date> {
  const [row] = rowsOf(
    await em.query(
      `SELECT (($1::timestamptz AT TIME ZONE 'Europe/Stockholm')
                - make_interval(months => $2::int, days => $3::int)) AT TIME ZONE 'Europe/Stockholm' AS start`,
      [
        now,
        keepUnit === RetentionUnit.MONTHS ? keepAmount : 0,
        keepUnit === RetentionUnit.DAYS ? keepAmount : 0,
      ],
    ),
  );
  return row.start as Date;
}

/** How many records a rule would touch with this window: the same SQL the run works through. */
export async function countDue(
  em: EntityManager,
  code: RetentionRuleCode,
  windowStart: Date,
): Promise<number> {
  const [row] = rowsOf(
    await em.query(`SELECT count(*)::int AS n FROM (${RETENTION_RULES[code].due}) due`, [windowStart]),
  );
  return row.n as number;
}
