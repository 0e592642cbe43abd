import { DisclosedCount, Role, workOutByDifferencing } from '@crm/domain';
import { AppConfig, Grouping } from '@crm/persistence';
import fc from 'fast-check';
import { GroupCounts, LadderDisclosureService, TransitionCounts } from './ladder-disclosure.service';

const K = 3;
const service = new LadderDisclosureService({ DISCLOSURE_MIN_COUNT: K } as AppConfig);
const sensitive = (n: number) => n >= 1 && n < K;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * An attacker who knows every organisation count (so every published figure's persons) and works out
 * any figure that is the only unknown of a sum, again and again. Returns the figures worked out that
 * hold 1..k−1 persons.
 */
function attack(
  figures: Map<string, { persons: number; shown: DisclosedCount }>,
  lines: [members: string[], total: string][],
): string[] {
  const known = new Map<string, number>();
  for (const [key, f] of figures) if (!f.shown.suppressed) known.set(key, f.persons);
  return [...workOutByDifferencing(known, lines).entries()]
    .filter(([, v]) => sensitive(v))
    .map(([key, v]) => `${key}=${v}`);
}

const small = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 }));
/** A count of persons and of organisations. */
const mixed = fc.tuple(small, fc.integer({ min: 0, max: 2 }));

describe('LadderDisclosureService', () => {
  it('gives exact numbers to the roles that may read personal data, disclosure control to the committee', () => {
    expect([Role.ADMIN, Role.EVENT_STAFF, Role.STRATEGIST].every((r) => service.exactFor(r))).toBe(true);
    expect(service.exactFor(Role.COMMITTEE)).toBe(false);
  });

  it('gives the committee quarter ends that have passed, the last one by default', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(service.committeeDay(null, now)).toBe('2026-09-30');
    expect(service.committeeDay('2026-06-30', now)).toBe('2026-06-30');
    expect(() => service.committeeDay('2026-07-15', now)).toThrow(/kvartal/);
    expect(() => service.committeeDay('2026-12-31', now)).toThrow(/kvartal/);
    expect(service.committeePeriod('2026-03-31', '2026-09-30', now)).toEqual({
      from: '2026-03-31',
      to: '2026-09-30',
    });
  });

  it('protects a grouped distribution against itself and the ungrouped answer over the same filter', () => {
    const groups = fc.array(fc.array(mixed, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        groups,
        fc.constantFrom<Grouping>('SECTOR', 'GENDER', 'MEETING_PLACE'),
        (rows, grouping) => {
          const input: GroupCounts[] = rows.map((r, i) => ({
            group: `g${i}`,
            counts: r.map(([p, o]) => p + o),
            persons: r.map(([p]) => p),
          }));
          const grouped = service.distribution(grouping, input);
          const columns = [0, 1, 2, 3, 4];
          const all: GroupCounts = {
            group: 'ALL',
            counts: columns.map((j) => sum(input.map((g) => g.counts[j]))),
            persons: columns.map((j) => sum(input.map((g) => g.persons[j]))),
          };
          const [ungrouped] = service.distribution('NONE', [all]);
          const figures = new Map<string, { persons: number; shown: DisclosedCount }>();
          grouped.forEach((g, i) => {
            g.steps.forEach((shown, j) => figures.set(`c${i}/${j}`, { persons: input[i].persons[j], shown }));
            figures.set(`r${i}`, { persons: sum(input[i].persons), shown: g.total });
          });
          ungrouped.steps.forEach((shown, j) => figures.set(`k${j}`, { persons: all.persons[j], shown }));
          figures.set('g', { persons: sum(all.persons), shown: ungrouped.total });
          for (const [key, f] of figures) {
            if (!f.shown.suppressed && sensitive(f.persons))
              throw new Error(`${key} shown with ${f.persons} persons`);
          }
          const lines: [string[], string][] = grouped.map((_, i) => [
            columns.map((j) => `c${i}/${j}`),
            `r${i}`,
          ]);
          lines.push([columns.map((j) => `k${j}`), 'g']);
          if (grouping !== 'MEETING_PLACE') {
            for (const j of columns) lines.push([grouped.map((_, i) => `c${i}/${j}`), `k${j}`]);
            lines.push([grouped.map((_, i) => `r${i}`), 'g']);
          }
          expect(attack(figures, lines)).toEqual([]);
        },
      ),
    );
  });

  it('protects transitions and the movement made of them, against the distributions at both ends', () => {
    const side = [0, 1, 2, 3, 4, 5];
    const table = fc.array(fc.array(mixed, { minLength: 6, maxLength: 6 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(table, (t) => {
        const rows: TransitionCounts[] = side.flatMap((i) =>
          side
            .filter((j) => i + j > 0)
            .map((j) => ({ from: i, to: j, count: t[i][j][0] + t[i][j][1], persons: t[i][j][0] })),
        );
        const persons = (i: number, j: number) => (i + j > 0 ? t[i][j][0] : 0);
        const m = service.movement(rows, false);
        const exact = service.movement(rows, true);
        expect(exact.cells.flat().every((c) => !c.suppressed)).toBe(true);
        // The distributions at the start and the end, as ladderDistribution answers them.
        const start = service.distribution('NONE', [
          {
            group: 'ALL',
            counts: [1, 2, 3, 4, 5].map((i) =>
              sum(side.map((j) => rows.find((r) => r.from === i && r.to === j)?.count ?? 0)),
            ),
            persons: [1, 2, 3, 4, 5].map((i) => sum(side.map((j) => persons(i, j)))),
          },
        ])[0];
        const end = service.distribution('NONE', [
          {
            group: 'ALL',
            counts: [1, 2, 3, 4, 5].map((j) =>
              sum(side.map((i) => rows.find((r) => r.from === i && r.to === j)?.count ?? 0)),
            ),
            persons: [1, 2, 3, 4, 5].map((j) => sum(side.map((i) => persons(i, j)))),
          },
        ])[0];
        const figures = new Map<string, { persons: number; shown: DisclosedCount }>();
        for (const i of side)
          for (const j of side) figures.set(`c${i}/${j}`, { persons: persons(i, j), shown: m.cells[i][j] });
        const upper = side.flatMap((i) => side.filter((j) => j > i).map((j) => `c${i}/${j}`));
        const lower = side.flatMap((i) => side.filter((j) => j < i).map((j) => `c${i}/${j}`));
        const diagonal = [1, 2, 3, 4, 5].map((i) => `c${i}/${i}`);
        const p2a = [1, 2].flatMap((i) => [3, 4, 5].map((j) => `c${i}/${j}`));
        const personsOf = (keys: string[]) => sum(keys.map((k) => figures.get(k)?.persons ?? 0));
        const row = (i: number) => side.map((j) => `c${i}/${j}`);
        const column = (j: number) => side.map((i) => `c${i}/${j}`);
        [1, 2, 3, 4, 5].forEach((s, x) => {
          figures.set(`from${s}`, { persons: personsOf(row(s)), shown: start.steps[x] });
          figures.set(`to${s}`, { persons: personsOf(column(s)), shown: end.steps[x] });
        });
        figures.set('fromAll', {
          persons: sum([1, 2, 3, 4, 5].map((s) => personsOf(row(s)))),
          shown: start.total,
        });
        figures.set('toAll', {
          persons: sum([1, 2, 3, 4, 5].map((s) => personsOf(column(s)))),
          shown: end.total,
        });
        figures.set('newly', { persons: personsOf(row(0)), shown: m.newlyEngaged });
        figures.set('gone', { persons: personsOf(column(0)), shown: m.noLongerEngaged });
        figures.set('up', { persons: personsOf(upper), shown: m.movedUp });
        figures.set('down', { persons: personsOf(lower), shown: m.movedDown });
        figures.set('same', { persons: personsOf(diagonal), shown: m.unchanged });
        figures.set('p2a', { persons: personsOf(p2a), shown: m.passiveToActive });
        for (const [key, f] of figures) {
          if (!f.shown.suppressed && sensitive(f.persons))
            throw new Error(`${key} shown with ${f.persons} persons`);
        }
        const lines: [string[], string][] = [
          [row(0), 'newly'],
          [column(0), 'gone'],
          ...[1, 2, 3, 4, 5].map((s): [string[], string] => [row(s), `from${s}`]),
          ...[1, 2, 3, 4, 5].map((s): [string[], string] => [column(s), `to${s}`]),
          [[1, 2, 3, 4, 5].map((s) => `from${s}`), 'fromAll'],
          [[1, 2, 3, 4, 5].map((s) => `to${s}`), 'toAll'],
          [upper, 'up'],
          [lower, 'down'],
          [diagonal, 'same'],
          [p2a, 'p2a'],
          [['up', 'down', 'same'], 'grand'],
          [['newly', 'fromAll'], 'grand'],
          [['gone', 'toAll'], 'grand'],
        ];
        figures.set('grand', {
          persons: personsOf([...row(0), ...[1, 2, 3, 4, 5].flatMap(row)]),
          shown: { count: null, suppressed: true },
        });
        expect(attack(figures, lines)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
