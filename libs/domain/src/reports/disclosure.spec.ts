import fc from 'fast-check';
import { isSensitiveCount } from '../disclosure';
import { ActorKind, Gender, MeetingPlaceCode, Sector } from '../enums';
import { InitiativeKind } from '../initiatives';
import { LADDER_STEPS, LadderStep } from '../ladder/steps';
import { diffDisclosedFigures } from './compare';
import { disclosureGroups, discloseReport, exactReport, reportCounts, suppressedKeys } from './disclosure';
import { Compared, GenderCount, ReportFigures, StepCount } from './figures';

const K = 3;
const { AWARENESS, INTEREST, PARTICIPATION, COLLABORATION, INFLUENCE } = LadderStep;
const c = (current: number, previousQuarter = current, yearEarlier = current): Compared => ({
  current,
  previousQuarter,
  yearEarlier,
});
const steps = (...n: number[]): StepCount[] => LADDER_STEPS.map((step, i) => ({ step, count: n[i] ?? 0 }));
const genders = (...n: number[]): GenderCount[] =>
  [Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.NOT_STATED].map((gender, i) => ({
    gender,
    count: n[i] ?? 0,
  }));

/** A consistent small quarter: 40 engaged, of whom the municipality of Sorsele has one. */
function figures(): ReportFigures {
  const atEnd = steps(12, 10, 9, 8, 1);
  return {
    formatVersion: 2,
    year: 2026,
    quarter: 3,
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    previousLabel: '2026 K2',
    yearEarlierLabel: '2025 K3',
    summary: {
      engagedActors: c(40),
      newActors: c(5),
      movedUp: c(1),
      movedDown: c(0),
      passiveToActive: c(0),
      largestChanges: [],
    },
    ladder: {
      atEnd,
      atEndPreviousQuarter: steps(12, 10, 9, 9, 0),
      atEndYearEarlier: atEnd,
      movement: [
        { from: AWARENESS, to: AWARENESS, count: 12 },
        { from: INTEREST, to: INTEREST, count: 10 },
        { from: PARTICIPATION, to: PARTICIPATION, count: 9 },
        { from: COLLABORATION, to: COLLABORATION, count: 8 },
        { from: COLLABORATION, to: INFLUENCE, count: 1 },
      ],
      history: [
        { label: '2025 K3', steps: atEnd },
        { label: '2025 K4', steps: atEnd },
        { label: '2026 K1', steps: atEnd },
        { label: '2026 K2', steps: steps(12, 10, 9, 9, 0) },
        { label: '2026 K3', steps: atEnd },
      ],
    },
    meetingPlaces: Object.values(MeetingPlaceCode).map((code, i) => ({
      code,
      nameSv: code,
      eventsHeld: c(i === 0 ? 1 : 0),
      attendance: c(i === 0 ? 20 : 0),
      uniqueActors: c(i === 0 ? 20 : 0),
      newActors: c(i === 0 ? 4 : 0),
      ladderMix: i === 0 ? steps(5, 5, 5, 4, 1) : steps(),
    })),
    synergy: c(0),
    sectors: [
      {
        sector: Sector.PUBLIC_SECTOR,
        labelSv: 'Offentlig sektor',
        ladderMix: steps(12, 10, 9, 8, 1),
        engaged: c(40),
      },
      ...[Sector.BUSINESS, Sector.ACADEMIA, Sector.CIVIL_SOCIETY, Sector.INNOVATION_SYSTEM].map((sector) => ({
        sector,
        labelSv: sector,
        ladderMix: steps(),
        engaged: c(0),
      })),
    ],
    crossSectorInitiatives: [
      {
        name: '=HYPERLINK("http://x")',
        kind: InitiativeKind.COLLABORATION,
        kindSv: 'Samverkan',
        sectors: [Sector.PUBLIC_SECTOR, Sector.BUSINESS],
        members: 2,
      },
    ],
    municipalities: [
      { code: '2422', nameSv: 'Sorsele', subRegion: 'INLAND', engaged: c(1), participants: c(1) },
      { code: '2481', nameSv: 'Lycksele', subRegion: 'INLAND', engaged: c(9), participants: c(9) },
      { code: '2480', nameSv: 'Umeå', subRegion: 'UMEA_REGION', engaged: c(30), participants: c(10) },
    ],
    subRegions: [
      { code: 'INLAND', nameSv: 'Inlandet', engaged: c(10), participants: c(10) },
      { code: 'UMEA_REGION', nameSv: 'Umeåregionen', engaged: c(30), participants: c(10) },
    ],
    outsideCounty: { engaged: c(0), participants: c(0) },
    unknownLocation: { engaged: c(0), participants: c(0) },
    gender: {
      participants: genders(10, 8, 1, 1),
      onStage: genders(1, 3),
      perMeetingPlace: Object.values(MeetingPlaceCode).map((code, i) => ({
        code,
        nameSv: code,
        participants: i === 0 ? genders(10, 8, 1, 1) : genders(),
        onStage: i === 0 ? genders(1, 3) : genders(),
      })),
      lastFourQuarters: ['2025 K4', '2026 K1', '2026 K2', '2026 K3'].map((label) => ({
        label,
        participants: genders(10, 8, 1, 1),
        onStage: genders(1, 3),
      })),
    },
    reachedInfluence: [
      {
        kind: ActorKind.ORGANISATION,
        descriptionSv: 'Sorsele kommun',
        reachedOn: '2026-09-01',
        reasonSv: 'x',
      },
    ],
    reachedInfluencePersons: {
      total: 1,
      perSector: [
        { sector: Sector.PUBLIC_SECTOR, labelSv: 'Offentlig sektor', count: 1 },
        { sector: Sector.BUSINESS, labelSv: 'Näringsliv', count: 0 },
      ],
      perMeetingPlace: [{ code: MeetingPlaceCode.GRAND_HOTEL, nameSv: 'Grand', count: 1 }],
    },
  };
}

/** Every count field of a (disclosed) figures object, with where it is, events held left out. */
function personCounts(value: unknown, path = ''): [string, number | null][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => personCounts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const out: [string, number | null][] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'eventsHeld' || key === 'largestChanges' || key === 'reachedInfluence') continue;
    if (['count', 'current', 'previousQuarter', 'yearEarlier', 'members', 'total'].includes(key)) {
      if (typeof v === 'number' || v === null) out.push([`${path}.${key}`, v]);
    } else out.push(...personCounts(v, `${path}.${key}`));
  }
  return out;
}

/** No published sum lets a withheld count be worked out: the audit of the suppression pattern. */
function expectNothingGivenAway(f: ReportFigures, k = K): void {
  const { suppressed, persons } = suppressedKeys(f, k);
  const p = (key: string) => persons.get(key) ?? 0;
  for (const [key, n] of persons) {
    if (isSensitiveCount(n, k))
      expect({ key, suppressed: suppressed.has(key) }).toEqual({ key, suppressed: true });
  }
  for (const g of disclosureGroups(f)) {
    const members = [...g.parts, ...(g.total ? [g.total] : [])];
    const hidden = members.filter((key) => suppressed.has(key) && p(key) > 0);
    expect({ group: members, hidden: hidden.length === 1 }).toEqual({ group: members, hidden: false });
    if (g.total && !suppressed.has(g.total)) {
      const sum = g.parts.filter((key) => suppressed.has(key)).reduce((s, key) => s + p(key), 0);
      expect({ group: members, sensitiveSum: isSensitiveCount(sum, k) }).toEqual({
        group: members,
        sensitiveSum: false,
      });
    }
  }
}

describe('disclosure control of the quarterly report', () => {
  it('withholds every count of 1..k−1 persons and publishes no other', () => {
    const d = discloseReport(figures(), K);
    const published = personCounts(d.figures).filter(([, n]) => n !== null);
    expect(published.filter(([, n]) => isSensitiveCount(n!, K))).toEqual([]);
    expect(d.figures.municipalities[0].engaged).toEqual({
      current: null,
      previousQuarter: null,
      yearEarlier: null,
      suppressed: true,
    });
    expect(d.figures.crossSectorInitiatives[0]).toMatchObject({ members: null, suppressed: true });
    expect(d.figures.reachedInfluencePersons).toMatchObject({ total: null, suppressed: true });
  });

  it('withholds a second count wherever a total would give the first away', () => {
    const d = discloseReport(figures(), K);
    // Step 5 (1 actor) is withheld, so is another step: the total of 40 is published.
    const atEnd = d.figures.ladder.atEnd.map((s) => s.count);
    expect(atEnd[4]).toBeNull();
    expect(atEnd.filter((n) => n === null).length).toBeGreaterThanOrEqual(2);
    expect(d.figures.summary.engagedActors.current).toBe(40);
    // Sorsele (1) and Lycksele (9) add up to Inlandet (10): Lycksele goes too.
    expect(d.figures.municipalities[1].engaged.current).toBeNull();
    expectNothingGivenAway(figures());
  });

  it('treats the same figure alike wherever it appears', () => {
    const d = discloseReport(figures(), K);
    const history = d.figures.ladder.history.at(-1)!.steps.map((s) => s.count);
    expect(history).toEqual(d.figures.ladder.atEnd.map((s) => s.count));
    expect(d.extras.movement.columnTotals.slice(1)).toEqual(d.figures.ladder.atEnd.map((s) => s.count));
    expect(d.figures.gender.lastFourQuarters.at(-1)!.participants).toEqual(d.figures.gender.participants);
  });

  it('judges a count of actors by its persons: organisations alone are shown as they are', () => {
    const f = figures();
    // Umeå's 30 engaged are 29 organisations and 1 person: 30 minus the organisations (published
    // exactly by the ladder aggregates) would single the person out.
    f.personCounts = Object.fromEntries(reportCounts(f));
    for (const l of ['2026 K3', '2026 K2', '2025 K3']) f.personCounts[`engagedIn:2480@${l}`] = 1;
    // Sorsele's one engaged actor is an organisation.
    for (const l of ['2026 K3', '2026 K2', '2025 K3']) f.personCounts[`engagedIn:2422@${l}`] = 0;
    const d = discloseReport(f, K);
    expect(d.figures.municipalities[0].engaged.current).toBe(1);
    expect(d.figures.municipalities[2].engaged.current).toBeNull();
    expectNothingGivenAway(f);
  });

  it('withholds a meeting place’s attendance when fewer than k persons made it', () => {
    const f = figures();
    f.meetingPlaces[1].attendance = c(5, 0, 0); // five visits …
    f.meetingPlaces[1].uniqueActors = c(1, 0, 0); // … by one person
    const d = discloseReport(f, K);
    expect(d.figures.meetingPlaces[1].attendance.current).toBeNull();
    expect(d.figures.meetingPlaces[1].uniqueActors.current).toBeNull();
  });

  it('gives staff every number, and describes no person in either view', () => {
    const f = figures();
    const exact = exactReport(f);
    expect(exact.figures.ladder.atEnd).toEqual(f.ladder.atEnd.map((s) => ({ ...s, suppressed: false })));
    expect(personCounts(exact.figures).every(([, n]) => n !== null)).toBe(true);

    const old: ReportFigures = { ...figures(), formatVersion: undefined, reachedInfluencePersons: undefined };
    old.reachedInfluence.push({
      kind: ActorKind.PERSON,
      descriptionSv: 'Kommunchef, Sorsele kommun',
      reachedOn: '2026-09-02',
      reasonSv: 'x',
    });
    for (const view of [exactReport(old), discloseReport(old, K)]) {
      expect(JSON.stringify(view.figures)).not.toContain('Kommunchef');
      expect(view.figures.reachedInfluence.map((r) => r.descriptionSv)).toEqual(['Sorsele kommun']);
    }
    expect(exactReport(old).figures.reachedInfluencePersons).toEqual({
      total: 1,
      suppressed: false,
      perSector: [],
      perMeetingPlace: [],
    });
    expect(discloseReport(old, K).figures.reachedInfluencePersons?.total).toBeNull();
  });

  it('chooses the largest changes among published figures only', () => {
    const f = figures();
    f.summary.engagedActors = c(40, 38, 30);
    f.ladder.atEndPreviousQuarter = steps(12, 10, 9, 7, 0);
    f.ladder.history[3].steps = f.ladder.atEndPreviousQuarter;
    f.municipalities[0].engaged = c(1, 0, 0);
    const d = discloseReport(f, K);
    for (const change of d.figures.summary.largestChanges) {
      expect(change.subjectSv).not.toMatch(/Sorsele|Påverkan/);
    }
  });

  it('lists the changes between versions as the committee sees them', () => {
    const before = figures();
    const after = figures();
    after.municipalities[2].engaged = c(31, 30, 30);
    after.subRegions[1].engaged = c(31, 30, 30);
    after.summary.engagedActors = c(41, 40, 40);
    after.ladder.atEnd = steps(13, 10, 9, 8, 1);
    after.ladder.history[4].steps = after.ladder.atEnd;
    after.sectors[0].ladderMix = steps(13, 10, 9, 8, 1);
    after.sectors[0].engaged = c(41, 40, 40);
    const changes = diffDisclosedFigures(discloseReport(before, K).figures, discloseReport(after, K).figures);
    expect(changes).toContainEqual({
      whatSv: 'Sammanfattning › Engagerade aktörer',
      before: 40,
      after: 41,
      suppressed: false,
    });
    for (const change of changes) {
      for (const n of [change.before, change.after])
        if (n !== null) expect(isSensitiveCount(n, K)).toBe(false);
    }
  });

  it('never gives a count away, whatever the movement, the municipalities and the genders hold', () => {
    const count = fc.nat({ max: 7 });
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 36, maxLength: 36 }),
        fc.array(count, { minLength: 3, maxLength: 3 }),
        fc.array(count, { minLength: 4, maxLength: 4 }),
        (matrix, places, women) => {
          // Rows: where actors stood when the quarter began (not engaged, steps 1–5); columns: at its end.
          const levels = [null, ...LADDER_STEPS];
          const cell = (r: number, col: number) => (r === 0 && col === 0 ? 0 : matrix[r * 6 + col]);
          const f = figures();
          const end = LADDER_STEPS.map((_, i) => levels.reduce((sum, _l, r) => sum + cell(r, i + 1), 0));
          const start = LADDER_STEPS.map((_, i) =>
            levels.reduce((sum, _l, col) => sum + cell(i + 1, col), 0),
          );
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          const moved = (test: (r: number, col: number) => boolean) =>
            sum(levels.flatMap((_l, r) => levels.map((_m, col) => (test(r, col) ? cell(r, col) : 0))));
          f.ladder.atEnd = steps(...end);
          f.ladder.atEndPreviousQuarter = steps(...start);
          f.ladder.history[4].steps = f.ladder.atEnd;
          f.ladder.history[3].steps = f.ladder.atEndPreviousQuarter;
          f.ladder.movement = levels.flatMap((from, r) =>
            levels.map((to, col) => ({ from, to, count: cell(r, col) })).filter((m) => m.count > 0),
          );
          f.summary.engagedActors = c(sum(end), sum(start), 40);
          f.summary.movedUp = c(moved((r, col) => r > 0 && col > r));
          f.summary.movedDown = c(moved((r, col) => col > 0 && r > col));
          f.summary.passiveToActive = c(moved((r, col) => (r === 1 || r === 2) && col >= 3));
          f.sectors[0].ladderMix = f.ladder.atEnd;
          f.sectors[0].engaged = c(sum(end), sum(start), 40);
          f.municipalities = f.municipalities.map((m, i) => ({ ...m, engaged: c(places[i]) }));
          f.subRegions = [
            { ...f.subRegions[0], engaged: c(places[0] + places[1]) },
            { ...f.subRegions[1], engaged: c(places[2]) },
          ];
          f.outsideCounty.engaged = c(sum(end) - sum(places), sum(start) - sum(places), 40 - sum(places));
          f.gender.participants = genders(...women);
          f.gender.lastFourQuarters[3].participants = f.gender.participants;
          expectNothingGivenAway(f);
          const d = discloseReport(f, K);
          const published = personCounts(d.figures).filter(([, n]) => n !== null);
          expect(published.filter(([, n]) => isSensitiveCount(n!, K))).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
