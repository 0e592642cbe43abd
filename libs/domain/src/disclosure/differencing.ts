/** A published sum: the figures named in `members` add up to the figure named `total`. */
export type SumLine = readonly [members: readonly string[], total: string];

/**
 * What someone holding the published figures can work out by subtraction alone: every member that is
 * the only unknown of a line whose total is known, and every total whose members are all known,
 * again and again until nothing changes. `known` is what was published; the answer adds what follows
 * from it. It audits suppression: no withheld count of 1..k−1 persons may appear in the answer.
 */
export function workOutByDifferencing(
  known: ReadonlyMap<string, number>,
  lines: readonly SumLine[],
): Map<string, number> {
  const worked = new Map(known);
  const sum = (keys: readonly string[]) => keys.reduce((total, key) => total + (worked.get(key) ?? 0), 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const [members, total] of lines) {
      const unknown = members.filter((m) => !worked.has(m));
      const knownSum = sum(members.filter((m) => worked.has(m)));
      if (worked.has(total) && unknown.length === 1) {
        worked.set(unknown[0], (worked.get(total) ?? 0) - knownSum);
        changed = true;
      } else if (!worked.has(total) && unknown.length === 0) {
        worked.set(total, knownSum);
        changed = true;
      }
    }
  }
  return worked;
}
