import { EvidenceKind, LADDER_STEPS, levelOf, MAX_REASONS, RuleSet } from '@crm/domain';

/**
 * The ladder recomputation as one set-based SQL statement, generated from a rule set. It mirrors
 * the pure function in libs/domain/src/ladder (classify → timeline → organisations → reasons); a
 * property test runs both on random evidence and compares them.
 *
 * $1 is the array of actors to place. The statement answers one row per ladder period.
 */

/** One counter column per evidence kind, in a fixed order. */
const KIND_COLUMNS: Record<EvidenceKind, string> = {
  [EvidenceKind.ATTENDED_EVENT]: 'k_attended',
  [EvidenceKind.STAGE_ROLE]: 'k_stage',
  [EvidenceKind.LEADING_ROLE]: 'k_leading',
  [EvidenceKind.INPUT]: 'k_input',
  [EvidenceKind.WORKING_GROUP]: 'k_working_group',
  [EvidenceKind.CROSS_SECTOR_COLLABORATION]: 'k_collaboration',
  [EvidenceKind.OWN_INITIATIVE_LEAD]: 'k_own_initiative',
  [EvidenceKind.POLICY_OR_IMPLEMENTATION]: 'k_policy',
};
const KINDS = Object.keys(KIND_COLUMNS) as EvidenceKind[];
const cols = (f: (col: string, kind: EvidenceKind) => string, sep = ', ') =>
  KINDS.map((k) => f(KIND_COLUMNS[k], k)).join(sep);

/** The level the rules give, from running counts named n_<kind>. */
function levelExpression(rules: RuleSet): string {
  const parts = rules.steps.map((rule) => {
    const holds = rule.anyOf.map((c) => `n_${KIND_COLUMNS[c.evidence]} >= ${c.min}`).join(' OR ');
    return `CASE WHEN ${holds} THEN ${levelOf(rule.step)} ELSE 0 END`;
  });
  return `GREATEST(0, ${parts.join(', ')})`;
}

/** For a period on `level`, the first clause of that step an item satisfies (its rank among reasons). */
function clauseExpression(rules: RuleSet, pick: 'index' | 'kind'): string {
  const branches = rules.steps.map((rule) => {
    const whens = rule.anyOf
      .map(
        (c, i) => `WHEN i.${KIND_COLUMNS[c.evidence]} > 0 THEN ${pick === 'index' ? i : `'${c.evidence}'`}`,
      )
      .join(' ');
    return `WHEN ${levelOf(rule.step)} THEN CASE ${whens} END`;
  });
  return `CASE p.level ${branches.join(' ')} END`;
}

const stepName = `(ARRAY[${LADDER_STEPS.map((s) => `'${s}'`).join(', ')}])[p.level]`;

export function ladderPeriodsSql(rules: RuleSet): string {
  const window = `interval '${rules.windowMonths} months'`;
  return `
WITH subjects AS (
  SELECT id AS subject_id, kind FROM actor WHERE id = ANY ($1::uuid[])
), contributors AS (
  SELECT subject_id, subject_id AS contributor_id FROM subjects
  UNION
  SELECT s.subject_id, a.id FROM subjects s JOIN actor a ON a.organisation_id = s.subject_id
  WHERE s.kind = 'ORGANISATION'
), contributor_ids AS (
  SELECT DISTINCT contributor_id AS actor_id FROM contributors
), initiative_sectors AS (
  SELECT m.initiative_id, count(DISTINCT a.sector) AS sectors
  FROM initiative_membership m JOIN actor a ON a.id = m.actor_id
  WHERE m.initiative_id IN (
    SELECT m2.initiative_id FROM initiative_membership m2 JOIN contributor_ids c ON c.actor_id = m2.actor_id)
  GROUP BY m.initiative_id
), raw_items AS (
  SELECT p.actor_id, 'PARTICIPATION' AS source, p.id AS source_id, p.role AS detail,
         (e.starts_at AT TIME ZONE 'Europe/Stockholm')::date AS occurred_on,
         (e.starts_at AT TIME ZONE 'Europe/Stockholm')::date AS last_on,
         1 AS k_attended,
         (p.role IN ('PANELIST', 'SPEAKER'))::int AS k_stage,
         (p.role IN ('MODERATOR', 'ORGANISER'))::int AS k_leading,
         0 AS k_input, 0 AS k_working_group, 0 AS k_collaboration, 0 AS k_own_initiative, 0 AS k_policy,
         p.event_id, NULL::uuid AS initiative_id, NULL::uuid AS engagement_id
  FROM participation p
  JOIN contributor_ids c ON c.actor_id = p.actor_id
  JOIN event e ON e.id = p.event_id
  WHERE p.status = 'ATTENDED'
  UNION ALL
  SELECT m.actor_id, 'MEMBERSHIP', m.id, m.role, m.joined_on, m.left_on,
         0, 0, 0, 0,
         (i.kind = 'WORKING_GROUP')::int,
         (i.kind = 'COLLABORATION' AND m.role IN ('PARTNER', 'LEAD') AND s.sectors >= 2)::int,
         (i.kind = 'OWN_INITIATIVE' AND m.role = 'LEAD')::int,
         0,
         NULL::uuid, m.initiative_id, NULL::uuid
  FROM initiative_membership m
  JOIN contributor_ids c ON c.actor_id = m.actor_id
  JOIN initiative i ON i.id = m.initiative_id
  JOIN initiative_sectors s ON s.initiative_id = m.initiative_id
  UNION ALL
  SELECT g.actor_id, 'ENGAGEMENT', g.id, g.kind, g.occurred_on, g.occurred_on,
         0, 0, 0, (g.kind = 'INPUT')::int, 0, 0, 0, (g.kind <> 'INPUT')::int,
         g.event_id, g.initiative_id, g.id
  FROM engagement g
  JOIN contributor_ids c ON c.actor_id = g.actor_id
), items AS MATERIALIZED (
  SELECT *, occurred_on AS from_d,
         CASE WHEN source = 'MEMBERSHIP' AND last_on IS NULL THEN NULL ELSE (last_on + ${window})::date END AS until_d
  FROM raw_items
  WHERE ${cols((c) => `${c} > 0`, ' OR ')}
), deltas AS (
  SELECT actor_id, from_d AS d, ${cols((c) => c)} FROM items
  UNION ALL
  SELECT actor_id, until_d, ${cols((c) => `-${c}`)} FROM items WHERE until_d IS NOT NULL
), running AS (
  SELECT actor_id, d, ${cols((c) => `sum(sum(${c})) OVER w AS n_${c}`)}
  FROM deltas GROUP BY actor_id, d
  WINDOW w AS (PARTITION BY actor_id ORDER BY d)
), own_levels AS (
  SELECT actor_id, d, ${levelExpression(rules)} AS level,
         lag(${levelExpression(rules)}) OVER (PARTITION BY actor_id ORDER BY d) AS prev
  FROM running
), own_segments AS MATERIALIZED (
  SELECT actor_id, d AS from_d, lead(d) OVER (PARTITION BY actor_id ORDER BY d) AS until_d, level
  FROM own_levels WHERE prev IS DISTINCT FROM level
), level_deltas AS (
  SELECT c.subject_id, o.from_d AS d, o.level, 1 AS delta
  FROM contributors c JOIN own_segments o ON o.actor_id = c.contributor_id WHERE o.level > 0
  UNION ALL
  SELECT c.subject_id, o.until_d, o.level, -1
  FROM contributors c JOIN own_segments o ON o.actor_id = c.contributor_id WHERE o.level > 0 AND o.until_d IS NOT NULL
), subject_running AS (
  SELECT subject_id, d,
         ${[1, 2, 3, 4, 5].map((l) => `sum(sum(delta) FILTER (WHERE level = ${l})) OVER w AS c${l}`).join(', ')}
  FROM level_deltas GROUP BY subject_id, d
  WINDOW w AS (PARTITION BY subject_id ORDER BY d)
), subject_levels AS (
  SELECT subject_id, d,
         CASE WHEN c5 > 0 THEN 5 WHEN c4 > 0 THEN 4 WHEN c3 > 0 THEN 3 WHEN c2 > 0 THEN 2 WHEN c1 > 0 THEN 1 ELSE 0 END AS level
  FROM subject_running
), subject_changes AS (
  SELECT subject_id, d, level, lag(level) OVER (PARTITION BY subject_id ORDER BY d) AS prev
  FROM subject_levels
), periods AS (
  SELECT subject_id AS actor_id, d AS valid_from, lead(d) OVER (PARTITION BY subject_id ORDER BY d) AS valid_to,
         level, NULLIF(prev, 0) AS from_level
  FROM subject_changes WHERE prev IS DISTINCT FROM level
), engaged AS (
  SELECT * FROM periods WHERE level > 0
), contributor_segments AS MATERIALIZED (
  -- Keyed by subject, so the join below is on the actor and never on the level alone.
  SELECT c.subject_id, o.actor_id AS contributor_id, o.from_d, o.until_d, o.level
  FROM contributors c JOIN own_segments o ON o.actor_id = c.contributor_id WHERE o.level > 0
), candidates AS (
  SELECT p.actor_id, p.valid_from, i.source, i.source_id, i.actor_id AS contributor_id, i.detail, i.occurred_on,
         i.event_id, i.initiative_id, i.engagement_id,
         ${clauseExpression(rules, 'index')} AS clause, ${clauseExpression(rules, 'kind')} AS evidence,
         ${stepName} AS rule
  FROM engaged p
  JOIN contributor_segments o ON o.subject_id = p.actor_id AND o.level = p.level
   AND o.from_d <= p.valid_from AND (o.until_d IS NULL OR p.valid_from < o.until_d)
  JOIN items i ON i.actor_id = o.contributor_id
   AND i.from_d <= p.valid_from AND (i.until_d IS NULL OR p.valid_from < i.until_d)
), ranked AS (
  SELECT *, row_number() OVER (PARTITION BY actor_id, valid_from ORDER BY clause, occurred_on DESC, source_id) AS rank
  FROM candidates WHERE clause IS NOT NULL
), reasons AS (
  SELECT actor_id, valid_from,
         jsonb_agg(jsonb_build_object(
           'rule', rule, 'evidence', evidence, 'source', source, 'sourceId', source_id, 'actorId', contributor_id,
           'detail', detail, 'occurredOn', occurred_on::text, 'eventId', event_id, 'initiativeId', initiative_id,
           'engagementId', engagement_id) ORDER BY rank) AS reasons
  FROM ranked WHERE rank <= ${MAX_REASONS}
  GROUP BY actor_id, valid_from
)
SELECT p.actor_id, p.valid_from, p.valid_to, p.level AS step, p.from_level AS from_step,
       coalesce(r.reasons, '[]'::jsonb) AS reasons
FROM engaged p LEFT JOIN reasons r USING (actor_id, valid_from)`;
}

/** Inserts freshly computed periods for the actors in $1 (after their old ones were deleted); $2 is the rules version. */
export function insertPeriodsSql(rules: RuleSet): string {
  return `
INSERT INTO ladder_period (actor_id, valid_from, valid_to, step, from_step, rules_version, reasons)
SELECT actor_id, valid_from, valid_to, step, from_step, $2, reasons FROM (${ladderPeriodsSql(rules)}) computed`;
}
