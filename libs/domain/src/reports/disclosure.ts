// Disclosure control of the quarterly report: what the committee (RUN) receives — the report's
// figures over GraphQL, the stored PDF and the XLSX — never reveals a count of 1..k−1 persons.
//
// Every count of the report has a key, and every published sum ties keys together (a step
// distribution and its total, the movement matrix and its margins, municipalities and their
// sub-regions, a gender split and its total, the shares of active actors…). Counts whose persons
// are 1..k−1 are suppressed (primary); then, wherever a published sum would let a suppressed count
// be worked out, a further count of that sum is suppressed (secondary), until nothing gives
// anything away. The keys are shared across tables, so the same figure is suppressed alike wherever
// it appears (the ladder at the quarter's end is also the history's last bar and the movement
// matrix's column totals).
//
// Counts of actors include organisations, whose counts are published exactly elsewhere (ladder
// aggregates filtered to organisations): so what must not be 1..k−1 is a count's persons, which
// format-2 figures keep per key (`personCounts`). Format-1 figures lack them; their counts are
// treated as all persons.
import { isSensitiveCount } from '../disclosure';
import { ActorKind } from '../enums';
import { LADDER_STEPS, LadderStep, levelOf } from '../ladder/steps';
import { largestChanges, reportChangeCandidates } from './compare';
import {
  Compared,
  GenderCount,
  GenderSplit,
  MovementCell,
  ReachedInfluencePersons,
  ReportFigures,
  StepCount,
} from './figures';

type Count = number | null;

/** The sums a reader of the documents sees beside the figures (shares, totals, the movement margins). */
export interface ReportExtras<N extends Count = number> {
  /** Actors on steps 3–5 at a quarter's end, by quarter label ("2026 K3"): the quarter, the one before, a year earlier and the history. */
  activeAt: Record<string, N>;
  /** Engaged actors (steps 1–5) at a quarter's end, by quarter label (the same quarters). */
  engagedAt: Record<string, N>;
  movement: {
    /** counts[row][column], rows and columns: not engaged, then steps 1–5; [0][0] is not a figure (0). */
    counts: N[][];
    /** Per row: at that level on the quarter's first day (row 0: came onto the ladder). */
    rowTotals: N[];
    /** Per column: at that level on its last day (column 0: left the ladder). */
    columnTotals: N[];
    up: N;
    same: N;
    down: N;
    entered: N;
    left: N;
  };
  /** Per meeting place: its participants on the ladder at the quarter's end, and those on steps 3–5. */
  meetingPlaceMix: Record<string, { total: N; active: N }>;
  /** Per sector: engaged actors on steps 3–5 at the quarter's end. */
  sectorActive: Record<string, N>;
  /** Totals of each gender split: by quarter label, or by meeting place code. */
  genderTotals: Record<string, { participants: N; onStage: N }>;
}

/** Report figures after disclosure control, with the sums the documents show. */
export interface DisclosedReport {
  /** k: counts of 1..k−1 persons are withheld; 0 when nothing is (staff). */
  minCount: number;
  figures: ReportFigures<Count>;
  extras: ReportExtras<Count>;
}

export interface Group {
  /** The published sum of `parts`; null for a relation with signs (a + b = c + d): one unknown is found. */
  total: string | null;
  parts: string[];
}

/** Keys that never count persons: events held, organisations named. */
const NOT_PERSONS = /^(events:|reachedOrganisations$)/;
/** Keys of sums shown only as shares: the first to suppress when a sum would give a count away. */
const DERIVED = /^(active@|mixActive:|sectorActive:)/;

const stepKey = (label: string, step: LadderStep) => `step@${label}:${step}`;
const MOVEMENT_LEVELS: readonly (LadderStep | null)[] = [null, ...LADDER_STEPS];
const levelKey = (step: LadderStep | null) => step ?? 'NONE';
const moveKey = (from: LadderStep | null, to: LadderStep | null) => `move:${levelKey(from)}>${levelKey(to)}`;
const isNull = (n: unknown): boolean => n === null;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * One walk over the figures that gives every count its key: `at(key, value)` decides what stands
 * there (the value, or null when suppressed). It also says which keys add up to which.
 */
function walk<N extends Count>(
  f: ReportFigures,
  at: (key: string, value: number) => N,
): { figures: ReportFigures<N>; extras: ReportExtras<N>; groups: Group[] } {
  const groups: Group[] = [];
  const group = (total: string | null, parts: string[]) => groups.push({ total, parts });
  const current = `${f.year} K${f.quarter}`;
  const labels = { current, previousQuarter: f.previousLabel, yearEarlier: f.yearEarlierLabel };

  const compared = (name: string, c: Compared): Compared<N> => {
    const out = {
      current: at(`${name}@${labels.current}`, c.current),
      previousQuarter: at(`${name}@${labels.previousQuarter}`, c.previousQuarter),
      yearEarlier: at(`${name}@${labels.yearEarlier}`, c.yearEarlier),
    };
    return { ...out, suppressed: Object.values(out).some(isNull) };
  };
  const comparedKeys = (name: string) => Object.values(labels).map((l) => `${name}@${l}`);
  const stepCounts = (key: (step: LadderStep) => string, list: readonly StepCount[]): StepCount<N>[] =>
    list.map((s) => {
      const count = at(key(s.step), s.count);
      return { step: s.step, count, suppressed: isNull(count) };
    });
  const activeOf = (list: readonly StepCount[]) =>
    sum(list.filter((s) => levelOf(s.step) >= 3).map((s) => s.count));
  /** A step distribution with its published total and share of active (steps 3–5). */
  const ladderGroups = (total: string, active: string, key: (step: LadderStep) => string) => {
    group(total, LADDER_STEPS.map(key));
    group(active, LADDER_STEPS.filter((s) => levelOf(s) >= 3).map(key));
    group(total, [active, ...LADDER_STEPS.filter((s) => levelOf(s) < 3).map(key)]);
  };

  // Summary
  const summary = {
    engagedActors: compared('engaged', f.summary.engagedActors),
    newActors: compared('new', f.summary.newActors),
    movedUp: compared('up', f.summary.movedUp),
    movedDown: compared('down', f.summary.movedDown),
    passiveToActive: compared('passiveToActive', f.summary.passiveToActive),
    largestChanges: f.summary.largestChanges, // recomputed from the disclosed figures afterwards
  };

  // The ladder at quarters' ends: the table's three quarters and the history's five.
  const activeAt: Record<string, N> = {};
  const engagedAt: Record<string, N> = {};
  const quarterEnd = (label: string, steps: readonly StepCount[]): StepCount<N>[] => {
    const key = (step: LadderStep) => stepKey(label, step);
    engagedAt[label] = at(`engaged@${label}`, sum(steps.map((s) => s.count)));
    activeAt[label] = at(`active@${label}`, activeOf(steps));
    ladderGroups(`engaged@${label}`, `active@${label}`, key);
    return stepCounts(key, steps);
  };
  const atEnd = quarterEnd(labels.current, f.ladder.atEnd);
  const atEndPreviousQuarter = quarterEnd(labels.previousQuarter, f.ladder.atEndPreviousQuarter);
  const atEndYearEarlier = quarterEnd(labels.yearEarlier, f.ladder.atEndYearEarlier);
  const history = f.ladder.history.map((q) => ({ label: q.label, steps: quarterEnd(q.label, q.steps) }));

  // Movement through the quarter: rows are the steps on its first day (the quarter before's end),
  // columns those on its last day (this quarter's end); up, down, unchanged and passive → active
  // are sums of cells too.
  const exact = MOVEMENT_LEVELS.map((from) =>
    MOVEMENT_LEVELS.map((to) =>
      sum(f.ladder.movement.filter((m) => m.from === from && m.to === to).map((m) => m.count)),
    ),
  );
  const rowKey = (r: number) =>
    r === 0 ? `entered@${current}` : stepKey(labels.previousQuarter, MOVEMENT_LEVELS[r]!);
  const columnKey = (c: number) => (c === 0 ? `left@${current}` : stepKey(current, MOVEMENT_LEVELS[c]!));
  const counts = MOVEMENT_LEVELS.map((from, r) =>
    MOVEMENT_LEVELS.map((to, c) => (r === 0 && c === 0 ? (0 as N) : at(moveKey(from, to), exact[r][c]))),
  );
  const cellKeys = (test: (r: number, c: number) => boolean) =>
    MOVEMENT_LEVELS.flatMap((from, r) =>
      MOVEMENT_LEVELS.flatMap((to, c) => (!(r === 0 && c === 0) && test(r, c) ? [moveKey(from, to)] : [])),
    );
  const cellSum = (test: (r: number, c: number) => boolean) =>
    sum(exact.flatMap((row, r) => row.filter((_, c) => !(r === 0 && c === 0) && test(r, c))));
  MOVEMENT_LEVELS.forEach((_, i) => {
    group(
      rowKey(i),
      cellKeys((r) => r === i),
    );
    group(
      columnKey(i),
      cellKeys((_r, c) => c === i),
    );
  });
  const up = (r: number, c: number) => r > 0 && c > r;
  const down = (r: number, c: number) => c > 0 && r > c;
  const same = (r: number, c: number) => r > 0 && r === c;
  const passiveToActive = (r: number, c: number) => (r === 1 || r === 2) && c >= 3;
  group(`up@${current}`, cellKeys(up));
  group(`down@${current}`, cellKeys(down));
  group(`same@${current}`, cellKeys(same));
  group(`passiveToActive@${current}`, cellKeys(passiveToActive));
  // Everyone at the start and those who came on = everyone at the end and those who left.
  group(null, [
    `engaged@${labels.previousQuarter}`,
    `entered@${current}`,
    `engaged@${current}`,
    `left@${current}`,
  ]);
  const movementExtras = {
    counts,
    rowTotals: MOVEMENT_LEVELS.map((_, r) => at(rowKey(r), sum(exact[r].filter((_n, c) => r > 0 || c > 0)))),
    columnTotals: MOVEMENT_LEVELS.map((_, c) =>
      at(columnKey(c), sum(exact.filter((_row, r) => r > 0 || c > 0).map((row) => row[c]))),
    ),
    up: summary.movedUp.current,
    down: summary.movedDown.current,
    same: at(`same@${current}`, cellSum(same)),
    entered: at(
      `entered@${current}`,
      cellSum((r) => r === 0),
    ),
    left: at(
      `left@${current}`,
      cellSum((_r, c) => c === 0),
    ),
  };
  const movement: MovementCell<N>[] = f.ladder.movement.map((m) => {
    const count = at(
      moveKey(m.from, m.to),
      exact[MOVEMENT_LEVELS.indexOf(m.from)][MOVEMENT_LEVELS.indexOf(m.to)],
    );
    return { from: m.from, to: m.to, count, suppressed: isNull(count) };
  });

  // Meeting places: each place's participants by step (places overlap: no sum across them).
  const meetingPlaceMix: ReportExtras<N>['meetingPlaceMix'] = {};
  const meetingPlaces = f.meetingPlaces.map((m) => {
    const key = (step: LadderStep) => `mix:${m.code}:${step}`;
    ladderGroups(`mixTotal:${m.code}`, `mixActive:${m.code}`, key);
    meetingPlaceMix[m.code] = {
      total: at(`mixTotal:${m.code}`, sum(m.ladderMix.map((s) => s.count))),
      active: at(`mixActive:${m.code}`, activeOf(m.ladderMix)),
    };
    return {
      code: m.code,
      nameSv: m.nameSv,
      eventsHeld: compared(`events:${m.code}`, m.eventsHeld),
      attendance: compared(`attendance:${m.code}`, m.attendance),
      uniqueActors: compared(`unique:${m.code}`, m.uniqueActors),
      newActors: compared(`newAt:${m.code}`, m.newActors),
      ladderMix: stepCounts(key, m.ladderMix),
    };
  });
  const synergy = compared('synergy', f.synergy);

  // Sectors: a partition of the engaged; this quarter also by step (each step's column adds up to the ladder's).
  const sectorActive: Record<string, N> = {};
  const sectors = f.sectors.map((s) => {
    const key = (step: LadderStep) => `sectorMix:${s.sector}:${step}`;
    ladderGroups(`sector:${s.sector}@${current}`, `sectorActive:${s.sector}`, key);
    sectorActive[s.sector] = at(`sectorActive:${s.sector}`, activeOf(s.ladderMix));
    return {
      sector: s.sector,
      labelSv: s.labelSv,
      ladderMix: stepCounts(key, s.ladderMix),
      engaged: compared(`sector:${s.sector}`, s.engaged),
    };
  });
  for (const [i, label] of Object.values(labels).entries()) {
    group(
      `engaged@${label}`,
      f.sectors.map((s) => comparedKeys(`sector:${s.sector}`)[i]),
    );
  }
  for (const step of LADDER_STEPS) {
    group(
      stepKey(current, step),
      f.sectors.map((s) => `sectorMix:${s.sector}:${step}`),
    );
  }

  const crossSectorInitiatives = f.crossSectorInitiatives.map((i, index) => {
    const members = at(`initiative:${index}`, i.members);
    return { ...i, members, suppressed: isNull(members) };
  });

  // Areas: the municipalities, outside the county and unknown add up to the engaged; each
  // sub-region is the sum of its municipalities (for participants too).
  const area = (code: string, a: { engaged: Compared; participants: Compared }) => ({
    engaged: compared(`engagedIn:${code}`, a.engaged),
    participants: compared(`participantsIn:${code}`, a.participants),
  });
  const municipalities = f.municipalities.map((m) => ({
    code: m.code,
    nameSv: m.nameSv,
    subRegion: m.subRegion,
    ...area(m.code, m),
  }));
  const subRegions = f.subRegions.map((r) => ({ code: r.code, nameSv: r.nameSv, ...area(r.code, r) }));
  const outsideCounty = area('OUTSIDE', f.outsideCounty);
  const unknownLocation = area('UNKNOWN', f.unknownLocation);
  for (const [i, label] of Object.values(labels).entries()) {
    for (const measure of ['engagedIn', 'participantsIn']) {
      const of = (code: string) => comparedKeys(`${measure}:${code}`)[i];
      for (const r of f.subRegions) {
        group(
          of(r.code),
          f.municipalities.filter((m) => m.subRegion === r.code).map((m) => of(m.code)),
        );
      }
    }
    const engagedIn = (code: string) => comparedKeys(`engagedIn:${code}`)[i];
    group(`engaged@${label}`, [
      ...f.municipalities.map((m) => engagedIn(m.code)),
      engagedIn('OUTSIDE'),
      engagedIn('UNKNOWN'),
    ]);
    group(`engaged@${label}`, [
      ...f.subRegions.map((r) => engagedIn(r.code)),
      engagedIn('OUTSIDE'),
      engagedIn('UNKNOWN'),
    ]);
  }

  // Gender: each split with its total; the quarter's split is also the last of the four quarters.
  const genderTotals: ReportExtras<N>['genderTotals'] = {};
  const split = (prefix: string, name: string, g: GenderSplit): GenderSplit<N> => {
    const counts = (
      selection: 'participants' | 'onStage',
      list: readonly GenderCount[],
    ): GenderCount<N>[] => {
      const key = (gender: string) => `${prefix}:${selection}:${gender}`;
      group(
        key('total'),
        list.map((c) => key(c.gender)),
      );
      return list.map((c) => {
        const count = at(key(c.gender), c.count);
        return { gender: c.gender, count, suppressed: isNull(count) };
      });
    };
    genderTotals[name] = {
      participants: at(`${prefix}:participants:total`, sum(g.participants.map((c) => c.count))),
      onStage: at(`${prefix}:onStage:total`, sum(g.onStage.map((c) => c.count))),
    };
    return { participants: counts('participants', g.participants), onStage: counts('onStage', g.onStage) };
  };
  const gender = {
    ...split(`gender@${current}`, current, f.gender),
    perMeetingPlace: f.gender.perMeetingPlace.map((p) => ({
      code: p.code,
      nameSv: p.nameSv,
      ...split(`gender:${p.code}`, p.code, p),
    })),
    lastFourQuarters: f.gender.lastFourQuarters.map((q) => ({
      label: q.label,
      ...split(`gender@${q.label}`, q.label, q),
    })),
  };

  // Step 5: organisations named; persons counted per sector (adding up to their total) and per meeting place.
  const organisations = f.reachedInfluence.filter((r) => r.kind === ActorKind.ORGANISATION);
  at('reachedOrganisations', organisations.length);
  const persons: ReachedInfluencePersons = f.reachedInfluencePersons ??
    // Format 1 described persons: only how many there were is kept.
    {
      total: f.reachedInfluence.length - organisations.length,
      perSector: [],
      perMeetingPlace: [],
    };
  const reachedTotal = at('reached', persons.total);
  group(
    'reached',
    persons.perSector.map((s) => `reached:${s.sector}`),
  );
  const reachedInfluencePersons: ReachedInfluencePersons<N> = {
    total: reachedTotal,
    suppressed: isNull(reachedTotal),
    perSector: persons.perSector.map((s) => {
      const count = at(`reached:${s.sector}`, s.count);
      return { sector: s.sector, labelSv: s.labelSv, count, suppressed: isNull(count) };
    }),
    perMeetingPlace: persons.perMeetingPlace.map((p) => {
      const count = at(`reachedAt:${p.code ?? 'NONE'}`, p.count);
      return { code: p.code, nameSv: p.nameSv, count, suppressed: isNull(count) };
    }),
  };

  const figures: ReportFigures<N> = {
    formatVersion: f.formatVersion,
    year: f.year,
    quarter: f.quarter,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    previousLabel: f.previousLabel,
    yearEarlierLabel: f.yearEarlierLabel,
    summary,
    ladder: { atEnd, atEndPreviousQuarter, atEndYearEarlier, movement, history },
    meetingPlaces,
    synergy,
    sectors,
    crossSectorInitiatives,
    municipalities,
    subRegions,
    outsideCounty,
    unknownLocation,
    gender,
    reachedInfluence: organisations,
    reachedInfluencePersons,
  };
  return {
    figures,
    extras: { activeAt, engagedAt, movement: movementExtras, meetingPlaceMix, sectorActive, genderTotals },
    groups,
  };
}

/** Which keys add up to which (for audits of the suppression). */
export function disclosureGroups(f: ReportFigures): readonly Group[] {
  return walk(f, (_key, value) => value).groups;
}

/** The keys withheld for the committee, and the persons behind each key. */
export function suppressedKeys(
  f: ReportFigures,
  minCount: number,
): { suppressed: Set<string>; persons: Map<string, number> } {
  const values = reportCounts(f);
  const persons = new Map<string, number>();
  for (const [key, value] of values) {
    persons.set(key, NOT_PERSONS.test(key) ? 0 : (f.personCounts?.[key] ?? value));
  }
  // Attendance counts participations: the persons behind it are the place's distinct participants
  // (three visits by one person must not show either).
  for (const key of values.keys()) {
    const unique = key.replace(/^attendance:/, 'unique:');
    if (unique !== key && persons.has(unique)) persons.set(key, persons.get(unique)!);
  }
  return { suppressed: suppressLinked(persons, disclosureGroups(f), minCount), persons };
}

/** The keys of the figures and their counts (the first value wins when a key recurs). */
export function reportCounts(f: ReportFigures): Map<string, number> {
  const values = new Map<string, number>();
  walk(f, (key, value) => {
    if (!values.has(key)) values.set(key, value);
    return value;
  });
  return values;
}

/**
 * Which counts to withhold: primary (persons 1..k−1), then secondary until no published sum lets a
 * withheld count be worked out — not as the only unknown of a sum, nor as a withheld part whose
 * persons add up to 1..k−1. The further count withheld is the smallest of the sum (sums shown only
 * as shares first), never one without persons (organisations' counts are published elsewhere).
 */
export function suppressLinked(
  persons: ReadonlyMap<string, number>,
  groups: readonly Group[],
  minCount: number,
): Set<string> {
  const p = (key: string) => persons.get(key) ?? 0;
  const suppressed = new Set<string>();
  for (const [key, n] of persons) if (isSensitiveCount(n, minCount)) suppressed.add(key);
  const hides = (key: string) => p(key) > 0;

  const exposed = (g: Group): boolean => {
    const hidden = g.parts.filter((k) => suppressed.has(k));
    if (g.total === null) {
      return hidden.length === 1 && hides(hidden[0]);
    }
    if (suppressed.has(g.total)) return hidden.length === 0 && hides(g.total);
    if (hidden.length === 0) return false;
    return hidden.filter(hides).length === 1 || isSensitiveCount(sum(hidden.map(p)), minCount);
  };
  const next = (g: Group): string | undefined => {
    const open = [...g.parts, ...(g.total === null ? [] : [g.total])].filter(
      (k) => !suppressed.has(k) && hides(k),
    );
    open.sort(
      (a, b) =>
        Number(!DERIVED.test(a)) - Number(!DERIVED.test(b)) ||
        Number(a === g.total) - Number(b === g.total) ||
        p(a) - p(b) ||
        (a < b ? -1 : a > b ? 1 : 0),
    );
    return open[0];
  };

  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      while (exposed(g)) {
        const key = next(g);
        if (key === undefined) break;
        suppressed.add(key);
        changed = true;
      }
    }
  }
  return suppressed;
}

/**
 * The report as the committee receives it: every count of 1..k−1 persons withheld (null), and the
 * counts that would give one away. Shares and changes are computed by the documents from what is
 * published (a share or a change that needs a withheld count is withheld too), and the largest
 * changes are chosen among published figures only. Organisations that reached step 5 are named;
 * persons are only counted (format-1 entries describing persons are dropped).
 */
export function discloseReport(f: ReportFigures, minCount: number): DisclosedReport {
  const { suppressed } = suppressedKeys(f, minCount);
  const { figures, extras } = walk<Count>(f, (key, value) => (suppressed.has(key) ? null : value));
  const candidates = reportChangeCandidates(figures).filter(
    (c): c is { subjectSv: string; current: number; previous: number } =>
      c.current !== null && c.previous !== null,
  );
  figures.summary.largestChanges = largestChanges(candidates, f.previousLabel);
  return { minCount, figures, extras };
}

/** The report with every count as it is (ADMIN, EVENT_STAFF, STRATEGIST); persons still only counted. */
export function exactReport(f: ReportFigures): DisclosedReport {
  const { figures, extras } = walk<Count>(f, (_key, value) => value);
  return { minCount: 0, figures, extras };
}
