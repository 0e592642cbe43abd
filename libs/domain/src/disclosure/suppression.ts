/**
 * Statistical disclosure control for counts of persons (primary and secondary cell suppression).
 *
 * A count of 1..k−1 persons could single someone out, so it is not published (primary suppression).
 * Where a published total makes a suppressed cell recoverable — it is the only suppressed cell of
 * its line, or the suppressed cells of the line add up to 1..k−1 persons — a further cell of the line
 * is suppressed (secondary suppression), repeated until no line gives anything away.
 *
 * Pure and deterministic: the same table always gives the same pattern.
 */

export interface DisclosedCount {
  /** The count, or null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export interface PublishedTotals {
  /** Each row's total is published (or obtainable elsewhere). */
  rowTotals: boolean;
  /** Each column's total is published (or obtainable elsewhere). */
  columnTotals: boolean;
  /**
   * The grand total is published (or obtainable elsewhere), which makes the row totals and the
   * column totals lines of their own. Default: when both row and column totals are published.
   */
  grandTotal?: boolean;
}

export interface SuppressionOptions {
  /**
   * Persons in each cell, when a cell also counts things that are not persons (organisations)
   * whose counts are published exactly elsewhere. Then a cell's person part is what must not be
   * 1..k−1 (a mixed cell minus the published organisations would reveal it), and a cell with no
   * persons cannot hide anything. Default: every cell counts persons only.
   */
  persons?: readonly (readonly number[])[];
}

export interface SuppressedTable {
  cells: DisclosedCount[][];
  rowTotals: DisclosedCount[];
  columnTotals: DisclosedCount[];
}

/** Label shown in documents for a suppressed cell, e.g. "<3" for k = 3. */
export function suppressedLabel(minCount: number): string {
  return `<${minCount}`;
}

/** Is this a count that must not be published (1..k−1)? */
export function isSensitiveCount(count: number, minCount: number): boolean {
  return count >= 1 && count < minCount;
}

/** A single published count with no published complement: suppressed when 1..k−1. */
export function discloseCount(count: number, minCount: number): DisclosedCount {
  return isSensitiveCount(count, minCount) ? SUPPRESSED : { count, suppressed: false };
}

/** A count published as it is (staff, or counts that are not about persons). */
export function exactCount(count: number): DisclosedCount {
  return { count, suppressed: false };
}

const SUPPRESSED: DisclosedCount = Object.freeze({ count: null, suppressed: true }) as DisclosedCount;

interface Line {
  /** Indexes of the cells (or, for the margins, of the totals) that add up to `total`. */
  members: number[];
  total: number;
}

/**
 * A table of counts of persons (rows × columns) whose row totals and/or column totals are published
 * (or obtainable elsewhere). Primary: every cell 1..k-1. Secondary: wherever a row or column with a
 * published total would otherwise reveal a suppressed cell (exactly one suppressed cell in it, or the
 * suppressed cells' sum is itself 1..k-1), suppress the smallest further cell of that line (prefer
 * non-zero), repeating until stable. Totals that are 1..k-1 are suppressed too.
 *
 * Totals that are not marked published are still returned (with primary suppression), but nothing
 * protects cells against differencing with them: publish only what `published` says.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  minCount: number,
  published: PublishedTotals,
  options: SuppressionOptions = {},
): SuppressedTable {
  const rows = cells.length;
  const cols = rows ? cells[0].length : 0;
  for (const row of cells) {
    if (row.length !== cols) throw new RangeError('suppressTable: rows of different lengths');
    for (const v of row) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError('suppressTable: counts are integers ≥ 0');
    }
  }
  const persons = options.persons ?? cells;
  if (
    persons.length !== rows ||
    persons.some((r, i) => r.length !== cols || r.some((p, j) => p > cells[i][j] || p < 0))
  ) {
    throw new RangeError('suppressTable: persons must have the shape of cells and never exceed them');
  }
  const personsMode = options.persons !== undefined;

  // Every figure gets an index: the cells row by row, then the row totals, the column totals, the grand total.
  const cellIndex = (i: number, j: number) => i * cols + j;
  const rowTotalIndex = (i: number) => rows * cols + i;
  const columnTotalIndex = (j: number) => rows * cols + rows + j;
  const grandIndex = rows * cols + rows + cols;
  const sensitive: number[] = []; // persons behind each figure
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) sensitive[cellIndex(i, j)] = persons[i][j];
  for (let i = 0; i < rows; i++) sensitive[rowTotalIndex(i)] = sum(persons[i]);
  for (let j = 0; j < cols; j++) sensitive[columnTotalIndex(j)] = sum(persons.map((r) => r[j]));
  sensitive[grandIndex] = sum(persons.map(sum));

  const lines: Line[] = [];
  if (published.rowTotals) {
    for (let i = 0; i < rows; i++) {
      lines.push({ members: range(cols).map((j) => cellIndex(i, j)), total: rowTotalIndex(i) });
    }
  }
  if (published.columnTotals) {
    for (let j = 0; j < cols; j++) {
      lines.push({ members: range(rows).map((i) => cellIndex(i, j)), total: columnTotalIndex(j) });
    }
  }
  const grand = published.grandTotal ?? (published.rowTotals && published.columnTotals);
  if (grand && published.rowTotals)
    lines.push({ members: range(rows).map(rowTotalIndex), total: grandIndex });
  if (grand && published.columnTotals) {
    lines.push({ members: range(cols).map(columnTotalIndex), total: grandIndex });
  }
  const linesOf = new Map<number, Line[]>();
  for (const line of lines) {
    for (const m of [...line.members, line.total]) linesOf.set(m, [...(linesOf.get(m) ?? []), line]);
  }

  // A figure with no persons behind it hides nothing when the rest of the cell is published elsewhere.
  const protective = (m: number) => !personsMode || sensitive[m] > 0;

  const suppressed = new Set<number>();
  for (let m = 0; m <= grandIndex; m++) if (isSensitiveCount(sensitive[m], minCount)) suppressed.add(m);

  /** Does this line, with its total published, let a suppressed figure (or a sum of 1..k−1) be worked out? */
  const exposed = (line: Line): boolean => {
    if (suppressed.has(line.total)) {
      // Only the total hidden: it is the sum of the published members.
      return line.members.every((m) => !suppressed.has(m)) && protective(line.total);
    }
    const hidden = line.members.filter((m) => suppressed.has(m));
    if (hidden.length === 0) return false;
    const hiding = hidden.filter(protective);
    return hiding.length === 1 || isSensitiveCount(sum(hidden.map((m) => sensitive[m])), minCount);
  };

  /** Would suppressing `m` leave one of its other lines with nothing but its total to hide behind? */
  const strandsAnotherLine = (m: number, line: Line): boolean =>
    (linesOf.get(m) ?? []).some(
      (other) =>
        other !== line &&
        !suppressed.has(other.total) &&
        !other.members.some((x) => x !== m && suppressed.has(x)) &&
        !other.members.some((x) => x !== m && !suppressed.has(x) && protective(x)),
    );

  const nextToSuppress = (line: Line): number | undefined => {
    const open = line.members.filter((m) => !suppressed.has(m) && (protective(m) || !personsMode));
    const rank = (m: number): [number, number, number, number] => [
      sensitive[m] === 0 ? 1 : 0, // prefer non-zero
      strandsAnotherLine(m, line) ? 1 : 0, // prefer cells that do not expose another line
      sensitive[m], // the smallest
      m,
    ];
    open.sort((a, b) => compareTuples(rank(a), rank(b)));
    if (open.length) return open[0];
    return suppressed.has(line.total) ? undefined : line.total;
  };

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      while (exposed(line)) {
        const next = nextToSuppress(line);
        if (next === undefined) break;
        suppressed.add(next);
        changed = true;
      }
    }
  }

  const disclosed = (m: number, count: number): DisclosedCount =>
    suppressed.has(m) ? { count: null, suppressed: true } : { count, suppressed: false };
  return {
    cells: cells.map((row, i) => row.map((v, j) => disclosed(cellIndex(i, j), v))),
    rowTotals: cells.map((row, i) => disclosed(rowTotalIndex(i), sum(row))),
    columnTotals: range(cols).map((j) => disclosed(columnTotalIndex(j), sum(cells.map((r) => r[j])))),
  };
}

/** One line whose total is published (e.g. a step distribution): suppressTable with one row. */
export function suppressLine(
  counts: readonly number[],
  minCount: number,
  options: { persons?: readonly number[] } = {},
): { cells: DisclosedCount[]; total: DisclosedCount } {
  const table = suppressTable(
    [counts],
    minCount,
    { rowTotals: true, columnTotals: false },
    options.persons ? { persons: [options.persons] } : {},
  );
  return { cells: table.cells[0], total: table.rowTotals[0] };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
