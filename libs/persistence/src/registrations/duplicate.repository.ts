import { ActorKind, DomainValidationError } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, Page, rowsOf } from '../sql';

/** A pair of actors of the same kind that may be one; actorA < actorB. */
export interface DuplicateCandidateRow {
  id: string;
  kind: ActorKind;
  actorA: string;
  actorB: string;
  score: number;
  reasons: string[];
  createdAt: Date;
}

/**
 * Mailboxes shared by everyone at an organisation: the same one at two organisations says nothing
 * about the people behind them.
 */
export const GENERIC_MAILBOXES: readonly string[] = [
  'info',
  'kontakt',
  'admin',
  'post',
  'office',
  'registrator',
  'noreply',
  'no-reply',
  'hello',
  'hej',
  'mail',
  'support',
  'ekonomi',
  'reception',
];

/**
 * How likely two actors are one, from 0 to 1 (the score of a recorded pair):
 *
 *   score = min(1, name + 0.5 · same email local part − 0.4 · different mailboxes
 *                  + 0.2 · same organisation + 0.1 · same municipality)
 *
 * - name: 1 when the matching keys are equal (case, accents, punctuation and, for organisations,
 *   legal forms ignored); otherwise the pg_trgm similarity of the keys when it is at least
 *   NAME_FLOOR, else 0 (a faint likeness is noise, and every part of the score has a reason).
 * - same email local part: the part before @ is equal, at least 3 characters and not a generic
 *   mailbox (GENERIC_MAILBOXES): the same person at a new employer.
 * - different mailboxes: both have a personal address and the parts before @ differ. Two
 *   "Anna Johansson" with addresses of their own are most often two people; the duplicates staff
 *   need to see are the ones registered without an address, which could not be matched on it.
 * - same organisation: persons at the same organisation. Same municipality: both have one, equal.
 *
 * A pair is recorded when its score is at least RECORD_THRESHOLD: namesakes of whom one has no
 * address; a one-letter slip such as "Nordmark"/"Nordmarck" (0.76); "Jon"/"John Persson" (0.71)
 * in the same municipality; "Per Ek"/"Peter Ekman" (0.36)
 * with the same address before @; namesakes with two addresses only at the same organisation. Organisations with two different organisation numbers are never
 * paired: they are different legal entities.
 */
export const DUPLICATE_SCORE = {
  RECORD_THRESHOLD: 0.75,
  NAME_FLOOR: 0.3,
  SAME_EMAIL_LOCAL_PART: 0.5,
  DIFFERENT_MAILBOXES: 0.4,
  SAME_ORGANISATION: 0.2,
  SAME_MUNICIPALITY: 0.1,
} as const;

/** Namesakes looked at per actor (a common name is paired with at most this many). */
const MAX_NAMESAKES = 50;
/** Nearest other names looked at per actor; the score then decides which are recorded. */
const NEAREST_NAMES = 20;

const LIST = 'duplicate-candidates';
const COLUMNS = `id, kind, actor_a, actor_b, score, reasons, created_at`;
/** Neither actor of the pair `c` is a person whose processing is restricted. */
const NOT_RESTRICTED = `NOT EXISTS (
  SELECT 1 FROM actor r WHERE r.id IN (c.actor_a, c.actor_b) AND r.restricted_at IS NOT NULL)`;
const SCORE_TEXT = /^\d(\.\d{1,20})?(e-\d{1,2})?$/;

/**
 * Likely duplicate actors, recorded by the duplicate scan (after createPerson, createOrganisation,
 * the walk-in desk and, in batches, after a registration import) and worked through by staff, who
 * merge a pair or dismiss it. A dismissed pair stays dismissed, whatever later scans find.
 */
export class DuplicateRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records likely duplicates of the given actors among all actors of the same kind, set-based:
   * one statement finds, scores and upserts the pairs for any number of ids (two more set and
   * restore the trigram threshold for this transaction). A recorded pair is updated with its new
   * score and reasons when they changed, unless it was dismissed. Answers how many pairs were
   * recorded or updated.
   */
  async scanFor(actorIds: readonly string[]): Promise<number> {
    const ids = [...new Set(actorIds)];
    if (!ids.length) return 0;
    const [{ count }] = await this.em.query(
      `WITH source AS MATERIALIZED (
         SELECT id, kind, match_key, organisation_id, municipality_code, organisation_number,
           CASE WHEN email IS NOT NULL AND char_length(split_part(email, '@', 1)) >= 3
                     AND split_part(email, '@', 1) <> ALL ($2::text[])
                THEN split_part(email, '@', 1) END AS local_part
         FROM actor WHERE id = ANY ($1::uuid[]) AND anonymised_at IS NULL
       ),
       -- Index searches per source actor: namesakes through the btree on (kind, match_key), the
       -- nearest names by trigram distance through the GiST index (a k-nearest-neighbour scan that
       -- stops after NEAREST_NAMES rows, where a similarity-threshold search would visit every
       -- name sharing a common trigram: 1.5 ms instead of 145 ms an actor among a million).
       found AS (
         SELECT s.id AS source_id, o.id AS other_id
         FROM source s CROSS JOIN LATERAL (
           SELECT o.id FROM actor o
           WHERE o.kind = s.kind AND o.match_key = s.match_key AND o.id <> s.id AND o.anonymised_at IS NULL
           LIMIT $9) o
         WHERE s.match_key <> ''
         UNION
         SELECT s.id, o.id
         FROM source s CROSS JOIN LATERAL (
           SELECT o.id FROM actor o
           WHERE o.kind = s.kind AND o.id <> s.id AND o.anonymised_at IS NULL
           ORDER BY o.match_key <-> s.match_key LIMIT $10) o
         WHERE s.match_key <> ''
         UNION
         SELECT s.id, o.id
         FROM source s CROSS JOIN LATERAL (
           SELECT o.id FROM actor o
           WHERE o.email IS NOT NULL AND split_part(o.email, '@', 1) = s.local_part
             AND o.kind = s.kind AND o.id <> s.id AND o.anonymised_at IS NULL OFFSET 0) o
         WHERE s.local_part IS NOT NULL
       ),
       signals AS (
         SELECT least(s.id, o.id) AS actor_a, greatest(s.id, o.id) AS actor_b, s.kind,
           s.match_key <> '' AND s.match_key = o.match_key AS same_name,
           CASE WHEN s.match_key <> '' AND s.match_key = o.match_key THEN 1
                ELSE similarity(s.match_key, o.match_key) END AS name_similarity,
           coalesce(s.local_part = split_part(o.email, '@', 1), false) AS same_local_part,
           coalesce(s.local_part <> split_part(o.email, '@', 1)
             AND char_length(split_part(o.email, '@', 1)) >= 3
             AND split_part(o.email, '@', 1) <> ALL ($2::text[]), false) AS different_mailboxes,
           coalesce(s.kind = 'PERSON' AND s.organisation_id = o.organisation_id, false) AS same_organisation,
           coalesce(s.municipality_code = o.municipality_code, false) AS same_municipality
         FROM found f JOIN source s ON s.id = f.source_id JOIN actor o ON o.id = f.other_id
         WHERE s.organisation_number IS NULL OR o.organisation_number IS NULL
           OR s.organisation_number = o.organisation_number
       ),
       scored AS (
         SELECT *, least(1,
             CASE WHEN name_similarity >= $3::float8 THEN name_similarity::float8 ELSE 0 END
             + CASE WHEN same_local_part THEN $4::float8 ELSE 0 END
             - CASE WHEN different_mailboxes THEN $8::float8 ELSE 0 END
             + CASE WHEN same_organisation THEN $5::float8 ELSE 0 END
             + CASE WHEN same_municipality THEN $6::float8 ELSE 0 END) AS score
         FROM signals
       ),
       pairs AS (
         -- Both actors of a pair may be in the batch: each pair once.
         SELECT DISTINCT ON (actor_a, actor_b) kind, actor_a, actor_b, score::real AS score,
           array_remove(ARRAY[
             CASE WHEN same_name THEN 'Samma namn'
                  WHEN name_similarity >= $3::float8
                  THEN format('Liknande namn (%s %%)', round(name_similarity * 100)::int) END,
             CASE WHEN same_local_part THEN 'Samma e-postadress före @' END,
             CASE WHEN same_organisation THEN 'Samma organisation' END,
             CASE WHEN same_municipality THEN 'Samma kommun' END
           ], NULL) AS reasons
         FROM scored WHERE score >= $7::float8
         ORDER BY actor_a, actor_b
       ),
       recorded AS (
         INSERT INTO duplicate_candidate AS c (kind, actor_a, actor_b, score, reasons)
         SELECT kind, actor_a, actor_b, score, reasons FROM pairs
         ON CONFLICT (actor_a, actor_b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons
           WHERE c.dismissed_at IS NULL
             AND (c.score, c.reasons) IS DISTINCT FROM (excluded.score, excluded.reasons)
         RETURNING 1
       )
       SELECT count(*)::int AS count FROM recorded`,
      [
        ids,
        GENERIC_MAILBOXES,
        DUPLICATE_SCORE.NAME_FLOOR,
        DUPLICATE_SCORE.SAME_EMAIL_LOCAL_PART,
        DUPLICATE_SCORE.SAME_ORGANISATION,
        DUPLICATE_SCORE.SAME_MUNICIPALITY,
        DUPLICATE_SCORE.RECORD_THRESHOLD,
        DUPLICATE_SCORE.DIFFERENT_MAILBOXES,
        MAX_NAMESAKES,
        NEAREST_NAMES,
      ],
    );
    return count;
  }

  /**
   * Open (not dismissed) candidates, the likeliest first, then by id. Unless `seesRestricted`, pairs
   * with a person whose processing is restricted are left out (and out of the count): staff who may
   * not see such a person must not learn of them through a likely duplicate.
   */
  async page(
    first: number,
    after: string | null | undefined,
    options: { seesRestricted: boolean } = { seesRestricted: false },
  ): Promise<Page<DuplicateCandidateRow>> {
    const key = decodeCursor(after, LIST, ['text', 'uuid']);
    const params: unknown[] = [first + 1];
    const visible = options.seesRestricted ? '' : `AND ${NOT_RESTRICTED}`;
    let afterSql = '';
    if (key) {
      if (!SCORE_TEXT.test(key[0]) || !(Number(key[0]) > 0 && Number(key[0]) <= 1)) {
        throw new DomainValidationError('after', 'is not a cursor this list produced');
      }
      params.push(key[0], key[1]);
      afterSql = `AND score <= $2::real AND (score < $2::real OR id > $3::uuid)`;
    }
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT ${COLUMNS} FROM duplicate_candidate c WHERE dismissed_at IS NULL ${visible} ${afterSql}
       ORDER BY score DESC, id LIMIT $1`,
      params,
    );
    const [{ count }] = await this.em.query(
      `SELECT count(*)::int AS count FROM duplicate_candidate c WHERE dismissed_at IS NULL ${visible}`,
    );
    const items = rows.map(toRow);
    return {
      items: items.slice(0, first),
      hasNextPage: items.length > first,
      totalCount: count,
      cursorOf: (c) => encodeCursor(LIST, [String(c.score), c.id]),
    };
  }

  async findById(id: string): Promise<DuplicateCandidateRow | null> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT ${COLUMNS} FROM duplicate_candidate WHERE id = $1`,
      [id],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  /**
   * Marks an open candidate as not a duplicate; false when no open candidate has this id. Unless
   * `seesRestricted`, a pair with a restricted person counts as not there (it is not listed either).
   */
  async dismiss(
    id: string,
    userId: string | null,
    options: { seesRestricted: boolean } = { seesRestricted: false },
  ): Promise<boolean> {
    const visible = options.seesRestricted ? '' : `AND ${NOT_RESTRICTED}`;
    const rows = await this.em.query(
      `UPDATE duplicate_candidate c SET dismissed_at = now(), dismissed_by = $2
       WHERE c.id = $1 AND c.dismissed_at IS NULL ${visible} RETURNING c.id`,
      [id, userId],
    );
    return rowsOf(rows).length > 0;
  }
}

function toRow(row: Record<string, unknown>): DuplicateCandidateRow {
  return {
    id: row.id as string,
    kind: row.kind as ActorKind,
    actorA: row.actor_a as string,
    actorB: row.actor_b as string,
    score: Number(row.score),
    reasons: row.reasons as string[],
    createdAt: row.created_at as Date,
  };
}
