// Which rejected rows of imported registration lists name a person. One definition, used both by
// the register extract (the rows it shows a person) and by anonymisation and deletion (the rows they
// remove), so that what a person is shown as "about you" is exactly what erasing them removes.

/**
 * A name whose key (folded, punctuation as spaces) is shorter than this is not looked for: "Li" or
 * "Ann" would be found in other people's rows.
 */
export const MIN_NAME_KEY_TO_MATCH = 4;

/**
 * A rejected row as a retention cull leaves it (retention-rules.ts, REJECTED_IMPORT_ROWS): its line,
 * and its reason with any value quoted from the file replaced by an ellipsis. A row in that form
 * quotes nothing, so an import whose rows are all culled cannot name anyone and is not read.
 */
const culledForm = (row: string) =>
  `jsonb_build_object('line', ${row} -> 'line', 'reason', regexp_replace(${row} ->> 'reason', '".*"', '"…"'))`;

/**
 * An address as a regular expression that finds it only as a whole address: every character but
 * letters and digits escaped, and around it nothing that could continue it (before it, a character of
 * a local part; after it, one of a domain, or a full stop that does not end the text or a sentence).
 */
const wholeAddressPattern = (address: string) =>
  `'(?<![[:alnum:]._%+-])' || regexp_replace(${address}, '([^[:alnum:]])', '\\\\\\1', 'g')` +
  ` || '(?![[:alnum:]_-]|\\.[[:alnum:]])'`;

/**
 * A query (usable as a CTE body or a subquery) over the rejected rows of every import that still
 * quotes its file, one row each: `import_id`, `ord` (1-based position in registration_import.rejected),
 * `el` (the row as stored) and `names_person`, true when the row names one of the persons looked for.
 *
 * A row names a person when
 * - one of its values contains one of their e-mail addresses as a whole address, case ignored:
 *   "li.ek@example.se" is not found in "natali.ek@example.se" nor in "li.ek@example.se.com"; or
 * - its reason contains their whole name as whole words, case, accents and punctuation ignored
 *   (person_name_key on both sides), and that name's key has at least MIN_NAME_KEY_TO_MATCH
 *   characters: "Li Ek" is not found in "Natali Ekdahl", nor "Håkan Hägglund" in "Håkan Hägglundsson".
 *
 * `emails` and `names` are SQL expressions (usually parameters such as `$1`) of type text[]; nulls and
 * empty strings are ignored. Each row's text and name key are computed once, whatever the number of
 * persons looked for (a retention run anonymises many at once).
 */
export function rejectedImportRowsSql(emails: string, names: string): string {
  return `WITH search_email AS MATERIALIZED (
      SELECT email, ${wholeAddressPattern('email')} AS pattern
      FROM (SELECT DISTINCT lower(e) AS email FROM unnest(${emails}::text[]) AS e WHERE e <> '') addresses
    ),
    search_name AS MATERIALIZED (
      SELECT DISTINCT ' ' || k || ' ' AS word
      FROM (SELECT person_name_key(n) AS k FROM unnest(${names}::text[]) AS n) keys
      WHERE char_length(k) >= ${MIN_NAME_KEY_TO_MATCH}
    ),
    uncut_import AS (
      SELECT i.id, i.rejected FROM registration_import i
      WHERE jsonb_array_length(i.rejected) > 0
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(i.rejected) c(item) WHERE c.item <> ${culledForm('c.item')})
    ),
    row_text AS MATERIALIZED (
      SELECT u.id AS import_id, r.ord, r.el,
             lower(coalesce(CASE WHEN jsonb_typeof(r.el) = 'object'
                                 THEN (SELECT string_agg(kv.value, ' ') FROM jsonb_each_text(r.el) kv)
                                 ELSE r.el #>> '{}' END, '')) AS text,
             ' ' || person_name_key(coalesce(r.el ->> 'reason', '')) || ' ' AS reason_key
      FROM uncut_import u CROSS JOIN LATERAL jsonb_array_elements(u.rejected) WITH ORDINALITY AS r(el, ord)
    )
    SELECT t.import_id, t.ord, t.el,
           EXISTS (SELECT 1 FROM search_email s WHERE strpos(t.text, s.email) > 0 AND t.text ~ s.pattern)
           OR EXISTS (SELECT 1 FROM search_name s WHERE strpos(t.reason_key, s.word) > 0) AS names_person
    FROM row_text t`;
}
