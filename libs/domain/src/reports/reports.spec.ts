import { LadderStep } from '../ladder/steps';
import { DomainValidationError } from '../validation';
import { diffFigures, formatNumberSv, largestChanges } from './compare';
import { ReportFigures } from './figures';
import {
  quarterEndedBefore,
  quarterLabel,
  quarterOf,
  quarterPeriod,
  requireReportableQuarter,
  shiftQuarter,
} from './quarters';

describe('quarters', () => {
  it('knows each quarter’s first and last day, leap years included', () => {
    expect(quarterPeriod({ year: 2024, quarter: 1 })).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterPeriod({ year: 2026, quarter: 2 })).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(quarterPeriod({ year: 2026, quarter: 3 })).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(quarterPeriod({ year: 2026, quarter: 4 })).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('steps back and forth across years', () => {
    expect(shiftQuarter({ year: 2026, quarter: 1 }, -1)).toEqual({ year: 2025, quarter: 4 });
    expect(shiftQuarter({ year: 2026, quarter: 3 }, -4)).toEqual({ year: 2025, quarter: 3 });
    expect(shiftQuarter({ year: 2025, quarter: 4 }, 1)).toEqual({ year: 2026, quarter: 1 });
    expect(quarterLabel(shiftQuarter({ year: 2026, quarter: 2 }, -6))).toBe('2024 K4');
    expect(quarterOf('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
  });

  it('reports on the quarter that ended before the Stockholm day of the run', () => {
    // 23:30 UTC on 31 March is already 1 April in Stockholm.
    expect(quarterEndedBefore(new Date('2026-03-31T23:30:00Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterEndedBefore(new Date('2026-03-31T21:30:00Z'))).toEqual({ year: 2025, quarter: 4 });
  });

  it('accepts only quarters that have ended', () => {
    expect(requireReportableQuarter(2026, 3, '2026-11-26')).toEqual({ year: 2026, quarter: 3 });
    const refused = (year: number, quarter: number) => {
      try {
        requireReportableQuarter(year, quarter, '2026-11-26');
        return null;
      } catch (error) {
        return (error as DomainValidationError).field;
      }
    };
    expect(refused(2026, 4)).toBe('quarter');
    expect(refused(2026, 5)).toBe('quarter');
    expect(refused(1999, 1)).toBe('year');
  });
});

describe('comparing figures', () => {
  it('writes numbers the Swedish way', () => {
    expect(formatNumberSv(12345).replace(/\s/g, ' ')).toBe('12 345');
    expect(formatNumberSv(-57)).toMatch(/^[−-]57$/);
  });

  it('names the three largest changes, largest first, skipping what did not change', () => {
    const changes = largestChanges(
      [
        { subjectSv: 'Deltagande', current: 412, previous: 355 },
        { subjectSv: 'Intresse', current: 900, previous: 1000 },
        { subjectSv: 'Umeå, engagerade', current: 10, previous: 10 },
        { subjectSv: 'Samverkan', current: 5, previous: 3 },
        { subjectSv: 'Medvetenhet', current: 1, previous: 0 },
      ],
      '2026 K2',
    );
    expect(changes.map((c) => c.change)).toEqual([-100, 57, 2]);
    expect(changes[1].textSv).toBe('Deltagande: 412 (+57 jämfört med 2026 K2)');
  });

  it('lists what differs between two versions, and movement cells that emptied', () => {
    const figures = (participation: number, cell: number): ReportFigures =>
      ({
        summary: {
          engagedActors: { current: 10, previousQuarter: 0, yearEarlier: 0 },
          newActors: { current: 1, previousQuarter: 0, yearEarlier: 0 },
          movedUp: { current: 1, previousQuarter: 0, yearEarlier: 0 },
          movedDown: { current: 0, previousQuarter: 0, yearEarlier: 0 },
          passiveToActive: { current: 0, previousQuarter: 0, yearEarlier: 0 },
          largestChanges: [],
        },
        ladder: {
          atEnd: [{ step: LadderStep.PARTICIPATION, count: participation }],
          movement: cell ? [{ from: null, to: LadderStep.AWARENESS, count: cell }] : [],
        },
        meetingPlaces: [],
        synergy: { current: 0, previousQuarter: 0, yearEarlier: 0 },
        sectors: [],
        municipalities: [],
        outsideCounty: { engaged: { current: 0 }, participants: { current: 0 } },
        gender: { participants: [], onStage: [] },
        reachedInfluence: [],
      }) as unknown as ReportFigures;
    expect(diffFigures(figures(3, 2), figures(3, 2))).toEqual([]);
    expect(diffFigures(figures(3, 2), figures(4, 0))).toEqual([
      { whatSv: 'Stegen vid kvartalets slut › Deltagande', before: 3, after: 4 },
      { whatSv: 'Förflyttningar › Inte engagerad till Medvetenhet', before: 2, after: 0 },
    ]);
  });
});
