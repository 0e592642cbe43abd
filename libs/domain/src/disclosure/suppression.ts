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

export interface SuppressionOptions {
  /**
   * Persons in each cell, when a cell also counts things that are not persons (organisations)
   * whose counts are published exactly elsewhere. Then a cell's person part is what must not be
   * 1..k−1 (a mixed cell minus the published organisations would reveal it), and a cell with no
   * persons cannot hide anything. Default: every cell counts persons only.
   */
  persons?: readonly (readonly number[])[];
  /** Cells to suppress whatever their value (e.g. as another answer showing the same row does). */
  suppressedCells?: readonly (readonly boolean[])[];
  /**
   * Row totals whose publication was decided elsewhere (true: suppressed there): shown exactly so
   * and never suppressed further here. Give them when the same totals are answered by another query.
   */
  decidedRowTotals?: readonly boolean[];
  /** Column totals decided elsewhere, as `decidedRowTotals` (e.g. the ungrouped answer's step counts). */
  decidedColumnTotals?: readonly boolean[];
  /** The grand total decided elsewhere (true: suppressed there), e.g. the ungrouped answer's total. */
  decidedGrandTotal?: boolean;
}

/** One figure of a set of published figures tied together by sums. */
export interface LinearFigure {
  value: number;
  /** Persons behind the figure (default: `value`). */
  persons?: number;
  /** Suppressed from the start, whatever its value. */
  suppressed?: boolean;
  /** Decided elsewhere: its suppression never changes here (and no primary rule is applied to it). */
  fixed?: boolean;
}

/** `members` add up to `total` (indexes into the figures). */
export interface LinearLine {
  members: readonly number[];
  total: number;
}

/**
 * The general form behind `suppressTable`: figures tied by lines (members summing to a total).
 * Primary suppression of every figure that is not fixed and has 1..k−1 persons, then secondary
 * suppression until no line lets a suppressed figure, or a sum of suppressed figures of 1..k−1
 * persons, be worked out from its published figures. `personsApart`: counts of the rest (organisations)
 * are published elsewhere, so a figure without persons hides nothing. Returns which figures to suppress.
 */
export function suppressLinear(
  figures: readonly LinearFigure[],
  lines: readonly LinearLine[],
  minCount: number,
  options: { personsApart?: boolean } = {},
): boolean[] {
  const sensitive = figures.map((f) => f.persons ?? f.value);
  const fixed = figures.map((f) => f.fixed === true);
  const protective = (m: number) => !options.personsApart || sensitive[m] > 0;
  const suppressed = new Set<number>();
  /** Suppressed figures that a line gives away anyway (a fixed total left nothing to hide behind): as good as published. */
  const known = new Set<number>();
  figures.forEach((f, m) => {
    if (f.suppressed || (!f.fixed && isSensitiveCount(sensitive[m], minCount))) suppressed.add(m);
  });
  const hidden = (m: number) => suppressed.has(m) && !known.has(m);

  const linesOf = new Map<number, LinearLine[]>();
  for (const line of lines) {
    for (const m of [...line.members, line.total]) linesOf.set(m, [...(linesOf.get(m) ?? []), line]);
  }

  /** Does this line, with its total published, give away a suppressed figure (or a sum of 1..k−1 persons)? */
  const exposed = (line: LinearLine): boolean => {
    if (hidden(line.total)) {
      // Only the total hidden: it is the sum of the published members.
      return line.members.every((m) => !hidden(m)) && protective(line.total);
    }
    const inside = line.members.filter(hidden);
    if (inside.length === 0) return false;
    return (
      inside.filter(protective).length === 1 ||
      isSensitiveCount(sum(inside.map((m) => sensitive[m])), minCount)
    );
  };

  /** Would suppressing `m` leave one of its other lines with nothing but its total to hide behind? */
  const strandsAnotherLine = (m: number, line: LinearLine): boolean =>
    (linesOf.get(m) ?? []).some(
      (other) =>
        other !== line &&
        !hidden(other.total) &&
        !other.members.some((x) => x !== m && hidden(x)) &&
        !other.members.some((x) => x !== m && !suppressed.has(x) && protective(x) && !fixed[x]),
    );

  const nextToSuppress = (line: LinearLine): number | undefined => {
    const open = line.members.filter((m) => !suppressed.has(m) && !fixed[m] && protective(m));
    const rank = (m: number): number[] => [
      sensitive[m] === 0 ? 1 : 0, // prefer non-zero
      strandsAnotherLine(m, line) ? 1 : 0, // prefer figures that do not expose another line
      sensitive[m], // the smallest
      m,
    ];
    open.sort((a, b) => compareTuples(rank(a), rank(b)));
    if (open.length) return open[0];
    return suppressed.has(line.total) || fixed[line.total] ? undefined : line.total;
  };

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      while (exposed(line)) {
        const next = nextToSuppress(line);
        if (next !== undefined) {
          suppressed.add(next);
        } else {
          // Nothing left to suppress: what the line gives away counts as published for the other lines.
          const inside = [...line.members, line.total].filter((m) => hidden(m) && protective(m));
          if (inside.length !== 1) break;
          known.add(inside[0]);
        }
        changed = true;
      }
    }
  }
  return figures.map((_, m) => suppressed.has(m));
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

  // Every figure gets an index: the cells row by row, then the row totals, the column totals, the grand total.
  const cellIndex = (i: number, j: number) => i * cols + j;
  const rowTotalIndex = (i: number) => rows * cols + i;
  const columnTotalIndex = (j: number) => rows * cols + rows + j;
  const grandIndex = rows * cols + rows + cols;
  const figures: LinearFigure[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      figures[cellIndex(i, j)] = {
        value: cells[i][j],
        persons: persons[i][j],
        suppressed: options.suppressedCells?.[i]?.[j] === true,
      };
    }
  }
  for (let i = 0; i < rows; i++) {
    const decided = options.decidedRowTotals?.[i];
    figures[rowTotalIndex(i)] = {
      value: sum(cells[i]),
      persons: sum(persons[i]),
      suppressed: decided === true,
      fixed: decided !== undefined,
    };
  }
  for (let j = 0; j < cols; j++) {
    const decided = options.decidedColumnTotals?.[j];
    figures[columnTotalIndex(j)] = {
      value: sum(cells.map((r) => r[j])),
      persons: sum(persons.map((r) => r[j])),
      suppressed: decided === true,
      fixed: decided !== undefined,
    };
  }
  figures[grandIndex] = {
    value: sum(cells.map(sum)),
    persons: sum(persons.map(sum)),
    suppressed: options.decidedGrandTotal === true,
    fixed: options.decidedGrandTotal !== undefined,
  };

  const lines: LinearLine[] = [];
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

  const suppressed = suppressLinear(figures, lines, minCount, {
    personsApart: options.persons !== undefined,
  });
  const disclosed = (m: number): DisclosedCount =>
    suppressed[m] ? { count: null, suppressed: true } : { count: figures[m].value, suppressed: false };
  return {
    cells: cells.map((row, i) => row.map((_, j) => disclosed(cellIndex(i, j)))),
    rowTotals: range(rows).map((i) => disclosed(rowTotalIndex(i))),
    columnTotals: range(cols).map((j) => disclosed(columnTotalIndex(j))),
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
