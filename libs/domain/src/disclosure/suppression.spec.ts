import fc from 'fast-check';
import {
  DisclosedCount,
  discloseCount,
  isQuarterEnd,
  lastEndedQuarterEnd,
  requireQuarterEnd,
  requireWholeQuarters,
  suppressedLabel,
  suppressLine,
  suppressTable,
  workOutByDifferencing,
} from './index';
import { DomainValidationError } from '../validation';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const transpose = <T>(m: readonly (readonly T[])[]): T[][] => (m[0] ?? []).map((_, j) => m.map((r) => r[j]));

/** Small counts, many of them sensitive, as real narrowed tables are. */
const count = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 }));
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) =>
    fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );
const k = fc.integer({ min: 2, max: 5 });
const published = fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean() });

/** A line with a published total that gives away a suppressed member (or a sum of 1..k−1). */
function leaks(
  members: readonly DisclosedCount[],
  values: readonly number[],
  total: DisclosedCount,
  minCount: number,
  protective: (i: number) => boolean = () => true,
): boolean {
  const hidden = members.map((m, i) => (m.suppressed ? i : -1)).filter((i) => i >= 0);
  if (total.suppressed) return hidden.length === 0 && protective(-1);
  if (hidden.length === 0) return false;
  const hiddenSum = sum(hidden.map((i) => values[i]));
  return hidden.filter(protective).length === 1 || (hiddenSum >= 1 && hiddenSum < minCount);
}

/**
 * An attacker with the table, its totals and the grand total: works out every figure that is the
 * only unknown of a row or column, again and again. Returns the sensitive cells (1..k−1) so found.
 */
function deducedSensitive(
  cells: readonly (readonly number[])[],
  t: { cells: DisclosedCount[][]; rowTotals: DisclosedCount[]; columnTotals: DisclosedCount[] },
  grand: DisclosedCount,
  minCount: number,
): string[] {
  const known = new Map<string, number>();
  t.cells.forEach((row, i) => row.forEach((c, j) => c.count !== null && known.set(`c${i},${j}`, c.count)));
  t.rowTotals.forEach((c, i) => c.count !== null && known.set(`r${i}`, c.count));
  t.columnTotals.forEach((c, j) => c.count !== null && known.set(`k${j}`, c.count));
  if (grand.count !== null) known.set('g', grand.count);
  const rows = cells.length;
  const cols = cells[0].length;
  const lines: [string[], string][] = [
    ...cells.map((_, i): [string[], string] => [
      Array.from({ length: cols }, (_, j) => `c${i},${j}`),
      `r${i}`,
    ]),
    ...Array.from({ length: cols }, (_, j): [string[], string] => [
      Array.from({ length: rows }, (_, i) => `c${i},${j}`),
      `k${j}`,
    ]),
    [Array.from({ length: rows }, (_, i) => `r${i}`), 'g'],
    [Array.from({ length: cols }, (_, j) => `k${j}`), 'g'],
  ];
  return [...workOutByDifferencing(known, lines).entries()]
    .filter(([key, v]) => key.startsWith('c') && v >= 1 && v < minCount)
    .map(([key]) => key);
}

describe('suppressedLabel and discloseCount', () => {
  it('labels and suppresses 1..k−1 only', () => {
    expect(suppressedLabel(3)).toBe('<3');
    expect(discloseCount(0, 3)).toEqual({ count: 0, suppressed: false });
    expect(discloseCount(1, 3)).toEqual({ count: null, suppressed: true });
    expect(discloseCount(2, 3)).toEqual({ count: null, suppressed: true });
    expect(discloseCount(3, 3)).toEqual({ count: 3, suppressed: false });
  });
});

describe('suppressTable', () => {
  it('suppresses the smallest further non-zero cell of a row whose total is published', () => {
    const { cells, rowTotals } = suppressTable([[10, 2, 7, 0, 5]], 3, {
      rowTotals: true,
      columnTotals: false,
    });
    expect(cells[0].map((c) => c.count)).toEqual([10, null, 7, 0, null]);
    expect(rowTotals[0]).toEqual({ count: 24, suppressed: false });
    expect(suppressLine([10, 2, 7, 0, 5], 3).cells).toEqual(cells[0]);
  });

  it('protects the Sorsele woman on step 5 in a gender × step table with the NONE answer published', () => {
    // rows: WOMAN, MAN; columns: steps 1..5; column totals are the ungrouped answer.
    const t = suppressTable(
      [
        [3, 4, 3, 0, 1],
        [5, 6, 4, 0, 0],
      ],
      3,
      { rowTotals: true, columnTotals: true },
    );
    expect(t.cells[0][4].suppressed).toBe(true);
    expect(t.columnTotals[4].suppressed).toBe(true); // one person on step 5 in all
    for (const row of t.cells)
      for (const c of row) expect(c.count === null || c.count === 0 || c.count >= 3).toBe(true);
  });

  it('judges a mixed cell by its persons, organisations being published exactly', () => {
    // 4 actors on a step, 2 of them organisations: 2 persons → suppressed.
    const t = suppressTable([[4, 10]], 3, { rowTotals: true, columnTotals: false }, { persons: [[2, 10]] });
    expect(t.cells[0][0].suppressed).toBe(true);
    expect(t.cells[0][1].suppressed).toBe(true); // else 14 − 10 = 4, minus 2 organisations
    // Organisations alone are shown as they are.
    const orgs = suppressLine([1, 2, 0], 3, { persons: [0, 0, 0] });
    expect(orgs.cells.map((c) => c.count)).toEqual([1, 2, 0]);
    expect(orgs.total).toEqual({ count: 3, suppressed: false });
  });

  it('refuses tables of uneven rows and persons above the cells', () => {
    expect(() => suppressTable([[1, 2], [3]], 3, { rowTotals: true, columnTotals: true })).toThrow(
      RangeError,
    );
    expect(() =>
      suppressTable([[1]], 3, { rowTotals: true, columnTotals: true }, { persons: [[2]] }),
    ).toThrow(RangeError);
  });

  it('never publishes a cell or a total of 1..k−1', () => {
    fc.assert(
      fc.property(table, k, published, (cells, minCount, pub) => {
        const t = suppressTable(cells, minCount, pub);
        const shown = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals];
        return shown.every((c) => c.suppressed || c.count === 0 || (c.count ?? 0) >= minCount);
      }),
    );
  });

  it('lets no suppressed cell be recovered from the published cells and totals of its row or column', () => {
    fc.assert(
      fc.property(table, k, published, (cells, minCount, pub) => {
        const t = suppressTable(cells, minCount, pub);
        const rowsLeak =
          pub.rowTotals && cells.some((row, i) => leaks(t.cells[i], row, t.rowTotals[i], minCount));
        const cols = transpose(cells);
        const shownCols = transpose(t.cells);
        const colsLeak =
          pub.columnTotals && cols.some((col, j) => leaks(shownCols[j], col, t.columnTotals[j], minCount));
        return !rowsLeak && !colsLeak;
      }),
    );
  });

  it('with organisations mixed in, no cell reveals 1..k−1 persons by subtracting them', () => {
    const split = table.chain((persons) =>
      fc
        .array(
          fc.array(fc.integer({ min: 0, max: 3 }), {
            minLength: persons[0].length,
            maxLength: persons[0].length,
          }),
          {
            minLength: persons.length,
            maxLength: persons.length,
          },
        )
        .map((orgs) => ({ persons, cells: persons.map((row, i) => row.map((p, j) => p + orgs[i][j])) })),
    );
    fc.assert(
      fc.property(split, k, published, ({ persons, cells }, minCount, pub) => {
        const t = suppressTable(cells, minCount, pub, { persons });
        const personsOK = t.cells.every((row, i) =>
          row.every((c, j) => c.suppressed || !(persons[i][j] >= 1 && persons[i][j] < minCount)),
        );
        const rowsLeak =
          pub.rowTotals &&
          persons.some((row, i) =>
            leaks(t.cells[i], row, t.rowTotals[i], minCount, (j) => (j < 0 ? sum(row) > 0 : row[j] > 0)),
          );
        const cols = transpose(persons);
        const shownCols = transpose(t.cells);
        const colsLeak =
          pub.columnTotals &&
          cols.some((col, j) =>
            leaks(shownCols[j], col, t.columnTotals[j], minCount, (i) => (i < 0 ? sum(col) > 0 : col[i] > 0)),
          );
        return personsOK && !rowsLeak && !colsLeak;
      }),
    );
  });

  it('agrees with the ungrouped answer on the column totals, and repeated differencing recovers no sensitive cell', () => {
    fc.assert(
      fc.property(table, k, (cells, minCount) => {
        const columnTotals = transpose(cells).map(sum);
        const ungrouped = suppressLine(columnTotals, minCount);
        const rowLines = cells.map((row) => suppressLine(row, minCount));
        const t = suppressTable(
          cells,
          minCount,
          { rowTotals: true, columnTotals: true },
          {
            decidedColumnTotals: ungrouped.cells.map((c) => c.suppressed),
            decidedGrandTotal: ungrouped.total.suppressed,
            suppressedCells: rowLines.map((l) => l.cells.map((c) => c.suppressed)),
          },
        );
        expect(t.columnTotals).toEqual(ungrouped.cells);
        // Every cell a row's own answer suppresses stays suppressed.
        rowLines.forEach((l, i) =>
          l.cells.forEach((c, j) => c.suppressed && expect(t.cells[i][j].suppressed).toBe(true)),
        );
        expect(deducedSensitive(cells, t, ungrouped.total, minCount)).toEqual([]);
      }),
    );
  });

  it('leaves 0 and counts of k or more alone when no total is published', () => {
    fc.assert(
      fc.property(table, k, (cells, minCount) => {
        const t = suppressTable(cells, minCount, { rowTotals: false, columnTotals: false });
        return t.cells.every((row, i) =>
          row.every((c, j) => c.suppressed === (cells[i][j] >= 1 && cells[i][j] < minCount)),
        );
      }),
    );
  });

  it('leaves a table without sensitive cells untouched', () => {
    fc.assert(
      fc.property(table, k, published, (cells, minCount, pub) => {
        const safe = cells.map((row) => row.map((v) => (v > 0 && v < minCount ? v + minCount : v)));
        const t = suppressTable(safe, minCount, pub);
        return t.cells.flat().every((c) => !c.suppressed);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(table, k, published, (cells, minCount, pub) => {
        expect(suppressTable(cells, minCount, pub)).toEqual(
          suppressTable(
            cells.map((r) => [...r]),
            minCount,
            pub,
          ),
        );
      }),
    );
  });
});

describe('suppressLine', () => {
  it('is suppressTable with one row whose total is published', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 8 }), k, (counts, minCount) => {
        const line = suppressLine(counts, minCount);
        const t = suppressTable([counts], minCount, { rowTotals: true, columnTotals: false });
        expect(line).toEqual({ cells: t.cells[0], total: t.rowTotals[0] });
        expect(leaks(line.cells, counts, line.total, minCount)).toBe(false);
      }),
    );
  });
});

describe('committee dates', () => {
  it('knows quarter ends', () => {
    expect(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'].every(isQuarterEnd)).toBe(true);
    expect(['2026-03-30', '2026-04-01', '2026-06-29', '2024-02-29'].some(isQuarterEnd)).toBe(false);
  });

  it('defaults to the last ended quarter in Stockholm', () => {
    expect(lastEndedQuarterEnd(new Date('2026-12-03T12:00:00Z'))).toBe('2026-09-30');
    // 23:30 UTC on 31 March is already 1 April in Stockholm (CEST): the first quarter has ended.
    expect(lastEndedQuarterEnd(new Date('2026-03-31T22:30:00Z'))).toBe('2026-03-31');
    expect(lastEndedQuarterEnd(new Date('2026-01-01T00:30:00Z'))).toBe('2025-12-31');
  });

  it('refuses other days and periods that are not whole quarters, naming the argument', () => {
    expect(requireQuarterEnd('asOf', '2026-06-30')).toBe('2026-06-30');
    expect(() => requireQuarterEnd('asOf', '2026-06-29')).toThrow(DomainValidationError);
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainValidationError).field;
      }
      return undefined;
    };
    expect(field(() => requireWholeQuarters('2026-03-30', '2026-06-30'))).toBe('from');
    expect(field(() => requireWholeQuarters('2026-03-31', '2026-06-29'))).toBe('to');
    expect(field(() => requireWholeQuarters('2026-06-30', '2026-06-30'))).toBe('to');
    expect(field(() => requireQuarterEnd('asOf', '2026-12-31', '2026-09-30'))).toBe('asOf');
    expect(field(() => requireWholeQuarters('2026-06-30', '2026-12-31', '2026-09-30'))).toBe('to');
    expect(requireWholeQuarters('2025-12-31', '2026-06-30')).toEqual({
      from: '2025-12-31',
      to: '2026-06-30',
    });
  });
});
