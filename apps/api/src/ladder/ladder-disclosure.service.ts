import {
  DomainValidationError,
  CalendarDate,
  can,
  DisclosedCount,
  exactCount,
  lastEndedQuarterEnd,
  LinearLine,
  LinearFigure,
  Permission,
  requireQuarterEnd,
  requireWholeQuarters,
  Role,
  suppressLine,
  suppressLinear,
  suppressTable,
} from '@crm/domain';
import { APP_CONFIG, type AppConfig, Grouping, LadderFilter } from '@crm/persistence';
import { Inject, Injectable } from '@nestjs/common';

/** One group's actors per step (steps 1..5 at indexes 0..4), and how many of them are persons. */
export interface GroupCounts {
  group: string;
  counts: readonly number[];
  persons: readonly number[];
}

export interface DisclosedGroup {
  group: string;
  total: DisclosedCount;
  steps: DisclosedCount[];
}

/** Actors from a step to a step; 0 stands for "not engaged". */
export interface TransitionCounts {
  from: number;
  to: number;
  count: number;
  persons: number;
}

export interface DisclosedMovement {
  /** [from][to], 0 = not engaged. */
  cells: DisclosedCount[][];
  movedUp: DisclosedCount;
  movedDown: DisclosedCount;
  unchanged: DisclosedCount;
  newlyEngaged: DisclosedCount;
  noLongerEngaged: DisclosedCount;
  passiveToActive: DisclosedCount;
}

const STEPS = 5;
const SIDE = STEPS + 1; // not engaged, then the five steps
const range = (n: number, from = 0) => Array.from({ length: n - from }, (_, i) => i + from);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Disclosure control of the ladder aggregates. Whoever may read personal data (ADMIN, EVENT_STAFF,
 * STRATEGIST) gets exact numbers; every other role (the committee) gets quarter ends only and no count
 * of 1..k−1 persons, directly or by subtracting published figures of the same answer or of the
 * ungrouped answer over the same filter (k = DISCLOSURE_MIN_COUNT). Counts of organisations alone
 * are not personal data and stay exact, so a mixed count is judged by its persons.
 */
@Injectable()
export class LadderDisclosureService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get minCount(): number {
    return this.config.DISCLOSURE_MIN_COUNT;
  }

  /** Exact numbers for roles that may read personal data anyway; disclosure control for the rest. */
  exactFor(role: Role): boolean {
    return can(role, Permission.READ_PERSONAL_DATA);
  }

  /** The day the committee sees: a quarter end that has passed; by default the last one. */
  committeeDay(asOf: CalendarDate | null | undefined, now = new Date()): CalendarDate {
    const latest = lastEndedQuarterEnd(now);
    return asOf === null || asOf === undefined ? latest : requireQuarterEnd('asOf', asOf, latest);
  }

  /** The period the committee sees: whole quarters that have passed. */
  committeePeriod(
    from: CalendarDate,
    to: CalendarDate,
    now = new Date(),
  ): { from: CalendarDate; to: CalendarDate } {
    return requireWholeQuarters(from, to, lastEndedQuarterEnd(now));
  }

  /**
   * What the committee may break a distribution down by: one dimension at a time — a grouping or a
   * filter on sector, municipality or meeting place — with or without a kind. Each such answer is
   * a row or a margin of one protected table per dimension, agreeing with the ungrouped answer; two
   * dimensions crossed (a grouping within a filter, or two filters) would be cut from tables whose
   * secondary suppressions are chosen independently, and subtracting one from the other could give
   * a withheld cell away. A sub-region nests municipalities (its total would be a further sum of
   * their rows): the committee asks per municipality instead.
   */
  requireCommitteeBreakdown(grouping: Grouping, filter: LadderFilter): void {
    if (filter.subRegion) {
      throw new DomainValidationError(
        'filter.subRegion',
        'delregioner visas inte för nämnden: dela upp per kommun i stället / ' +
          'not available to the committee: group by municipality instead',
      );
    }
    const used = [
      ...(grouping !== 'NONE' && grouping !== 'KIND' ? ['groupBy'] : []),
      ...(['sector', 'municipalityCode', 'meetingPlace'] as const)
        .filter((key) => filter[key])
        .map((key) => `filter.${key}`),
    ];
    if (used.length > 1) {
      throw new DomainValidationError(
        used[1],
        'nämnden kan dela upp siffrorna efter en sak i taget (en gruppering eller ett filter, ' +
          'utöver aktörstyp) / the committee may break figures down by one dimension at a time',
      );
    }
  }

  /**
   * The committee's transitions and movement: the whole county, or persons or organisations alone.
   * Filtered movements of every municipality would add up to the whole and give away what each
   * answer's secondary suppression protects.
   */
  requireCommitteeMovementScope(filter: LadderFilter): void {
    const key = (['sector', 'municipalityCode', 'subRegion', 'meetingPlace'] as const).find((k) => filter[k]);
    if (key) {
      throw new DomainValidationError(
        `filter.${key}`,
        'nämnden ser rörelsen för hela länet, eller för personer eller organisationer / ' +
          'the committee sees the movement of the whole county, filtered by kind only',
      );
    }
  }

  /**
   * A distribution per group (rows) and step (columns). Every row is suppressed at least as the
   * ungrouped answer filtered to that group would be; the step counts of the ungrouped answer over
   * the same filter are the column totals (for groupings that split the actors), so the grouped
   * cells are protected against them, and the row totals are protected against the ungrouped total.
   */
  distribution(grouping: Grouping, groups: readonly GroupCounts[]): DisclosedGroup[] {
    const k = this.minCount;
    const lines = groups.map((g) => suppressLine(g.counts, k, { persons: g.persons }));
    // An actor counts at every meeting place they attended: those rows do not add up to the whole.
    if (grouping === 'NONE' || grouping === 'MEETING_PLACE' || groups.length === 0) {
      return groups.map((g, i) => ({ group: g.group, total: lines[i].total, steps: lines[i].cells }));
    }
    const cells = groups.map((g) => g.counts);
    const persons = groups.map((g) => g.persons);
    const ungrouped = suppressLine(
      range(STEPS).map((j) => sum(cells.map((r) => r[j]))),
      k,
      { persons: range(STEPS).map((j) => sum(persons.map((r) => r[j]))) },
    );
    const table = suppressTable(
      cells,
      k,
      { rowTotals: true, columnTotals: true, grandTotal: true },
      {
        persons,
        suppressedCells: lines.map((l) => l.cells.map((c) => c.suppressed)),
        decidedColumnTotals: ungrouped.cells.map((c) => c.suppressed),
        decidedGrandTotal: ungrouped.total.suppressed,
      },
    );
    return groups.map((g, i) => ({ group: g.group, total: table.rowTotals[i], steps: table.cells[i] }));
  }

  /** The same group as answered twice: withheld wherever either answer withholds. */
  withholdBoth(a: DisclosedGroup, b: DisclosedGroup): DisclosedGroup {
    const both = (x: DisclosedCount, y: DisclosedCount): DisclosedCount =>
      x.suppressed || y.suppressed ? { count: null, suppressed: true } : x;
    return {
      group: a.group,
      total: both(a.total, b.total),
      steps: a.steps.map((s, i) => both(s, b.steps[i])),
    };
  }

  /**
   * Transitions (from × to, not engaged included) and the movement figures made of them, as one
   * system of sums: rows add up to the distribution at the start (its ungrouped answer decides those
   * totals) and to the newly engaged; columns to the distribution at the end and to those no longer
   * engaged; the movement figures are sums of cells, and moved up + down + unchanged is everyone.
   * ladderTransitions and ladderMovement over the same arguments therefore suppress the same cells.
   */
  movement(rows: readonly TransitionCounts[], exact: boolean): DisclosedMovement {
    const value = range(SIDE).map(() => range(SIDE).map(() => 0));
    const persons = range(SIDE).map(() => range(SIDE).map(() => 0));
    for (const r of rows) {
      value[r.from][r.to] += r.count;
      persons[r.from][r.to] += r.persons;
    }
    const cell = (i: number, j: number) => i * SIDE + j;
    const rowTotal = (i: number) => SIDE * SIDE + i;
    const columnTotal = (j: number) => SIDE * SIDE + SIDE + j;
    const [fromTotal, toTotal, grand, movedUp, movedDown, unchanged, passiveToActive] = range(
      SIDE * SIDE + 2 * SIDE + 7,
      SIDE * SIDE + 2 * SIDE,
    );
    const upper = range(SIDE).flatMap((i) => range(SIDE, i + 1).map((j) => cell(i, j)));
    const lower = range(SIDE).flatMap((i) => range(i).map((j) => cell(i, j)));
    const diagonal = range(SIDE, 1).map((i) => cell(i, i));
    const passiveToActiveCells = [1, 2].flatMap((i) => [3, 4, 5].map((j) => cell(i, j)));

    const figures: LinearFigure[] = [];
    const set = (m: number, members: readonly number[]) => {
      figures[m] = {
        value: sum(members.map((x) => figures[x].value)),
        persons: sum(members.map((x) => figures[x].persons ?? 0)),
      };
    };
    for (const i of range(SIDE)) {
      for (const j of range(SIDE)) figures[cell(i, j)] = { value: value[i][j], persons: persons[i][j] };
    }
    const rowMembers = (i: number) => range(SIDE).map((j) => cell(i, j));
    const columnMembers = (j: number) => range(SIDE).map((i) => cell(i, j));
    for (const i of range(SIDE)) set(rowTotal(i), rowMembers(i));
    for (const j of range(SIDE)) set(columnTotal(j), columnMembers(j));
    const stepRows = range(SIDE, 1).map(rowTotal);
    const stepColumns = range(SIDE, 1).map(columnTotal);
    set(fromTotal, stepRows);
    set(toTotal, stepColumns);
    set(grand, [rowTotal(0), fromTotal]);
    set(movedUp, upper);
    set(movedDown, lower);
    set(unchanged, diagonal);
    set(passiveToActive, passiveToActiveCells);

    const disclosed = (m: number, suppressed: readonly boolean[] | null): DisclosedCount =>
      suppressed?.[m] ? { count: null, suppressed: true } : exactCount(figures[m].value);
    let suppressed: boolean[] | null = null;
    if (!exact) {
      // The distributions at the start and at the end are answered by ladderDistribution: decide
      // their steps and totals as it does, and never suppress them further here.
      for (const [members, total] of [
        [stepRows, fromTotal],
        [stepColumns, toTotal],
      ] as const) {
        const line = suppressLine(
          members.map((m) => figures[m].value),
          this.minCount,
          { persons: members.map((m) => figures[m].persons ?? 0) },
        );
        members.forEach(
          (m, i) => (figures[m] = { ...figures[m], fixed: true, suppressed: line.cells[i].suppressed }),
        );
        figures[total] = { ...figures[total], fixed: true, suppressed: line.total.suppressed };
      }
      const lines: LinearLine[] = [
        ...range(SIDE).map((i) => ({ members: rowMembers(i), total: rowTotal(i) })),
        ...range(SIDE).map((j) => ({ members: columnMembers(j), total: columnTotal(j) })),
        { members: stepRows, total: fromTotal },
        { members: stepColumns, total: toTotal },
        { members: [rowTotal(0), fromTotal], total: grand },
        { members: [columnTotal(0), toTotal], total: grand },
        { members: upper, total: movedUp },
        { members: lower, total: movedDown },
        { members: diagonal, total: unchanged },
        { members: passiveToActiveCells, total: passiveToActive },
        {
          members: [...upper.filter((m) => !passiveToActiveCells.includes(m)), passiveToActive],
          total: movedUp,
        },
        { members: [movedUp, movedDown, unchanged], total: grand },
      ];
      suppressed = suppressLinear(figures, lines, this.minCount, { personsApart: true });
    }
    return {
      cells: range(SIDE).map((i) => range(SIDE).map((j) => disclosed(cell(i, j), suppressed))),
      movedUp: disclosed(movedUp, suppressed),
      movedDown: disclosed(movedDown, suppressed),
      unchanged: disclosed(unchanged, suppressed),
      newlyEngaged: disclosed(rowTotal(0), suppressed),
      noLongerEngaged: disclosed(columnTotal(0), suppressed),
      passiveToActive: disclosed(passiveToActive, suppressed),
    };
  }
}
