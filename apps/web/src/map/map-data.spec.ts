import type { LadderStep } from '../gql/graphql';
import {
  activeOf,
  countBreaks,
  countScale,
  dashboardHref,
  endedQuarters,
  figuresOf,
  municipalityDescription,
  municipalityName,
  niceNumber,
  outsideFigures,
  partialText,
  shareOf,
  shareScale,
  shareText,
  type Bucket,
  type MunicipalityFigure,
} from './map-data';

const STEPS: LadderStep[] = ['AWARENESS', 'INTEREST', 'PARTICIPATION', 'COLLABORATION', 'INFLUENCE'];

/** A bucket with counts per step (null: withheld); the total is their sum unless given. */
function bucket(group: string, counts: (number | null)[], total?: number | null): Bucket {
  const sum = counts.every((c) => c !== null) ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) : null;
  const t = total === undefined ? sum : total;
  return {
    group,
    label: group,
    total: t,
    suppressed: t === null,
    steps: STEPS.map((step, i) => ({ step, count: counts[i], suppressed: counts[i] === null })),
  };
}

const figure = (total: number | null, active: number | null): MunicipalityFigure => ({
  code: '2481',
  name: 'Lycksele',
  total,
  active,
  share: shareOf(total, active),
});

describe('share on steps 3–5', () => {
  it('adds participation, collaboration and influence and divides by the total', () => {
    const b = bucket('2481', [20, 10, 8, 3, 1]);
    expect(activeOf(b)).toBe(12);
    expect(shareOf(42, 12)).toBeCloseTo(12 / 42);
    expect(shareText(figure(42, 12))).toBe('29\u00a0%');
  });

  it('is unknown when a step it needs is withheld, and empty without actors', () => {
    expect(activeOf(bucket('2481', [20, 10, null, 3, 1], 40))).toBeNull();
    // A withheld step below 3 does not matter for the share.
    expect(activeOf(bucket('2481', [null, 10, 8, 3, 1], 40))).toBe(12);
    expect(shareOf(0, 0)).toBeNull();
    expect(shareText(figure(0, 0))).toBe('–');
    expect(shareText(figure(40, null))).toBe('skyddat');
  });
});

describe('figures per municipality', () => {
  it('gives every municipality its bucket, and 0 to one without', () => {
    const figures = figuresOf(
      [
        { code: '2481', name: 'Lycksele' },
        { code: '2403', name: 'Bjurholm' },
      ],
      [bucket('2481', [20, 10, 8, 3, 1]), bucket('1280', [5, 0, 0, 0, 0])],
    );
    expect(figures).toEqual([
      { code: '2481', name: 'Lycksele', total: 42, active: 12, share: 12 / 42 },
      { code: '2403', name: 'Bjurholm', total: 0, active: 0, share: null },
    ]);
  });
});

describe('accessible names', () => {
  it('reads "<kommun>: N engagerade aktörer" with the number in Swedish', () => {
    expect(municipalityName({ name: 'Lycksele', total: 42 })).toBe('Lycksele: 42 engagerade aktörer');
    expect(municipalityName({ name: 'Umeå', total: 12345 })).toBe('Umeå: 12\u00a0345 engagerade aktörer');
    expect(municipalityName({ name: 'Bjurholm', total: 0 })).toBe('Bjurholm: 0 engagerade aktörer');
  });

  it('says "skyddat antal" when the committee may not see the count', () => {
    expect(municipalityName({ name: 'Lycksele', total: null })).toBe(
      'Lycksele: skyddat antal engagerade aktörer',
    );
  });

  it('describes the share, or why it is missing', () => {
    expect(municipalityDescription(figure(42, 12))).toBe('Andel på steg 3–5: 29\u00a0%');
    expect(municipalityDescription(figure(0, 0))).toBe('Andel på steg 3–5: inga engagerade aktörer');
    expect(municipalityDescription(figure(null, null))).toBe('Andel på steg 3–5: skyddad uppgift');
  });
});

describe('classes of the legend', () => {
  it('rounds the quartiles of the positive counts to nice numbers', () => {
    expect(niceNumber(3)).toBe(2);
    expect(niceNumber(42)).toBe(50);
    expect(niceNumber(8)).toBe(10);
    expect(countBreaks([0, 0, 1, 2, 3, 5, 8, 10, 20, 42, 150, 500])).toEqual([1, 2, 10, 50]);
    expect(countBreaks([0, 0])).toEqual([]);
    expect(countBreaks([3, 3])).toEqual([1, 2]);
  });

  it('labels each count class with its range, 0 apart, and puts every municipality in one', () => {
    const figures = [0, 1, 2, 3, 5, 8, 10, 20, 42, 150, 500].map((n) => figure(n, 0));
    const scale = countScale(figures);
    expect(scale.classes.map((c) => c.label)).toEqual(['0', '1', '2–9', '10–49', '50–500']);
    expect(scale.classOf(figure(0, 0)).label).toBe('0');
    expect(scale.classOf(figure(9, 0)).label).toBe('2–9');
    expect(scale.classOf(figure(10, 0)).label).toBe('10–49');
    expect(scale.classOf(figure(500, 0)).label).toBe('50–500');
    // Colours get darker with the count.
    expect(new Set(scale.classes.map((c) => c.fill)).size).toBe(5);
  });

  it('adds a hatched class for withheld counts only when there is one', () => {
    expect(countScale([figure(5, 1)]).classes.some((c) => c.hatched)).toBe(false);
    const scale = countScale([figure(5, 1), figure(null, null)]);
    const withheld = scale.classOf(figure(null, null));
    expect(withheld).toMatchObject({ hatched: true, label: 'Skyddat antal' });
    expect(scale.classes).toContain(withheld);
  });

  it('classes shares by 20 percentage points, with no actors and withheld apart', () => {
    const scale = shareScale([figure(10, 2), figure(0, 0), figure(null, null)]);
    expect(scale.classes.map((c) => c.label)).toEqual([
      '0–19\u00a0%',
      '20–39\u00a0%',
      '40–59\u00a0%',
      '60–79\u00a0%',
      '80–100\u00a0%',
      'Inga engagerade aktörer',
      'Skyddad uppgift',
    ]);
    expect(scale.classOf(figure(10, 2)).label).toBe('20–39\u00a0%');
    expect(scale.classOf(figure(1000, 195)).label).toBe('20–39\u00a0%'); // 19.5 % shows as 20 %
    expect(scale.classOf(figure(3, 3)).label).toBe('80–100\u00a0%');
    expect(scale.classOf(figure(0, 0)).label).toBe('Inga engagerade aktörer');
    expect(scale.classOf(figure(40, null)).hatched).toBe(true);
  });
});

describe('actors the map does not show', () => {
  it('sums other municipalities, Sweden without municipality and each country abroad', () => {
    const outside = outsideFigures(
      [
        bucket('2481', [1, 0, 0, 0, 0]),
        bucket('1280', [4, 0, 0, 0, 0]),
        bucket('0180', [2, 1, 0, 0, 0]),
        bucket('SE', [3, 0, 0, 0, 0]),
        bucket('NO', [2, 0, 0, 0, 0]),
        bucket('FI', [5, 0, 0, 0, 0]),
      ],
      new Set(['2481']),
    );
    expect(outside.otherMunicipalities).toEqual({ known: 7, withheld: false });
    expect(outside.noMunicipality).toEqual({ known: 3, withheld: false });
    expect(outside.abroad.map((a) => `${a.name} ${a.total}`)).toEqual(['Finland 5', 'Norge 2']);
  });

  it('says "minst" when part of a sum is withheld', () => {
    const outside = outsideFigures(
      [bucket('1280', [4, 0, 0, 0, 0]), bucket('0180', [null, 1, 0, 0, 0], null)],
      new Set(),
    );
    expect(partialText(outside.otherMunicipalities)).toBe('minst 4 (vissa antal skyddade)');
    expect(partialText({ known: 0, withheld: true })).toBe('skyddat');
  });
});

describe('dates and links', () => {
  it('offers the committee the ends of the last twelve ended quarters (as the dashboard), the latest first', () => {
    const quarters = endedQuarters(new Date('2026-12-04T12:00:00Z'));
    expect(quarters).toHaveLength(12);
    expect(quarters[11].id).toBe('2023-12-31');
    expect(quarters[0]).toEqual({ id: '2026-09-30', label: '2026 K3 (30 september 2026)' });
    expect(quarters[1].id).toBe('2026-06-30');
    expect(quarters[7].id).toBe('2024-12-31');
  });

  it('links to the dashboard filtered to the municipality, keeping the date', () => {
    expect(dashboardHref('2481', null)).toBe('/ladder?municipality=2481');
    expect(dashboardHref('2481', '2026-09-30')).toBe('/ladder?municipality=2481&asOf=2026-09-30');
  });
});
