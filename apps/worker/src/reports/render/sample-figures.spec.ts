import { COUNTY_MUNICIPALITIES, exactReport, Gender, levelOf, MeetingPlaceCode } from '@crm/domain';
import { stepCounts } from './report-model';
import { SAMPLE_FIGURES as f } from './sample-figures';

const sum = (xs: readonly { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);

// The sample is reused by other tests: keep the invariants its header promises.
describe('SAMPLE_FIGURES', () => {
  it('adds up on the ladder', () => {
    expect(sum(f.ladder.atEnd)).toBe(f.summary.engagedActors.current);
    expect(sum(f.ladder.atEndPreviousQuarter)).toBe(f.summary.engagedActors.previousQuarter);
    expect(sum(f.ladder.atEndYearEarlier)).toBe(f.summary.engagedActors.yearEarlier);
    expect(f.ladder.history.at(-1)?.steps).toEqual(f.ladder.atEnd);
    expect(f.ladder.history[0].steps).toEqual(f.ladder.atEndYearEarlier);

    const m = exactReport(f).extras.movement;
    expect(m.rowTotals.slice(1)).toEqual(stepCounts(f.ladder.atEndPreviousQuarter));
    expect(m.columnTotals.slice(1)).toEqual(stepCounts(f.ladder.atEnd));
    expect(m.rowTotals[0]).toBe(f.summary.newActors.current);
    const cells = (test: (from: number, to: number) => boolean) =>
      f.ladder.movement
        .filter((c) => c.from && c.to && test(levelOf(c.from), levelOf(c.to)))
        .reduce((s, c) => s + c.count, 0);
    expect(cells((from, to) => to > from)).toBe(f.summary.movedUp.current);
    expect(cells((from, to) => to < from)).toBe(f.summary.movedDown.current);
    const passiveToActive = f.ladder.movement
      .filter((c) => c.from && c.to && levelOf(c.from) <= 2 && levelOf(c.to) >= 3)
      .reduce((s, c) => s + c.count, 0);
    expect(passiveToActive).toBe(f.summary.passiveToActive.current);
    const reachedFive = f.ladder.movement
      .filter((c) => c.to && levelOf(c.to) === 5 && (!c.from || levelOf(c.from) < 5))
      .reduce((s, c) => s + c.count, 0);
    expect(reachedFive).toBe(f.reachedInfluence.length + f.reachedInfluencePersons!.total);
    expect(f.reachedInfluence.every((r) => r.kind === 'ORGANISATION')).toBe(true);
    expect(f.reachedInfluencePersons!.perSector.reduce((s, x) => s + x.count, 0)).toBe(
      f.reachedInfluencePersons!.total,
    );
  });

  it('adds up across sectors, meeting places and areas', () => {
    const bySector = f.sectors.map((s) => stepCounts(s.ladderMix));
    expect(bySector.reduce((acc, row) => acc.map((n, i) => n! + row[i]!))).toEqual(
      stepCounts(f.ladder.atEnd),
    );
    for (const s of f.sectors) expect(sum(s.ladderMix)).toBe(s.engaged.current);
    for (const p of f.meetingPlaces) expect(sum(p.ladderMix)).toBe(p.uniqueActors.current);
    expect(f.meetingPlaces.map((p) => p.code)).toEqual(Object.values(MeetingPlaceCode));

    expect(f.municipalities.map((m) => m.code)).toEqual(COUNTY_MUNICIPALITIES.map((m) => m.code));
    for (const r of f.subRegions) {
      const members = f.municipalities.filter((m) => m.subRegion === r.code);
      for (const key of ['engaged', 'participants'] as const)
        for (const when of ['current', 'previousQuarter', 'yearEarlier'] as const)
          expect(members.reduce((s, m) => s + m[key][when], 0)).toBe(r[key][when]);
    }
    for (const when of ['current', 'previousQuarter', 'yearEarlier'] as const) {
      const areas = f.subRegions.reduce((s, r) => s + r.engaged[when], 0);
      expect(areas + f.outsideCounty.engaged[when] + f.unknownLocation.engaged[when]).toBe(
        f.summary.engagedActors[when],
      );
    }
    expect(f.municipalities.filter((m) => m.engaged.current === 0).map((m) => m.nameSv)).toEqual([
      'Bjurholm',
      'Malå',
    ]);
  });

  it('has four genders everywhere and the last quarter equal to the whole', () => {
    for (const split of [f.gender, ...f.gender.perMeetingPlace, ...f.gender.lastFourQuarters]) {
      expect(split.participants.map((g) => g.gender)).toEqual(Object.values(Gender));
      expect(split.onStage.map((g) => g.gender)).toEqual(Object.values(Gender));
    }
    const last = f.gender.lastFourQuarters.at(-1);
    expect(last?.participants).toEqual(f.gender.participants);
    expect(last?.onStage).toEqual(f.gender.onStage);
  });
});
