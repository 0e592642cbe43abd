// The map's figures, classes and words, apart from drawing (tested on their own).
import { quarterEndedBefore, quarterLabel, quarterPeriod, shiftQuarter } from '@crm/domain/reports/quarters';
import type { LadderStep, MapDistributionQuery } from '../gql/graphql';
import { formatDate, formatNumber, t } from '../i18n/i18n';

export type Bucket = MapDistributionQuery['ladderDistribution'][number];
export type Measure = 'count' | 'share';

/** Steps 3–5: from listening to contributing ("active"). */
export const ACTIVE_STEPS: readonly LadderStep[] = ['PARTICIPATION', 'COLLABORATION', 'INFLUENCE'];

/** One municipality's numbers as the map, the table and the accessible names show them. */
export interface MunicipalityFigure {
  code: string;
  name: string;
  /** Engaged actors (the bucket's total); null when withheld for the committee. */
  total: number | null;
  /** Of them on steps 3–5; null when any of those counts is withheld. */
  active: number | null;
  /** active / total (0..1); null when unknown (withheld) or when there is no actor. */
  share: number | null;
}

/** Actors on steps 3–5 of a bucket; null when a count it needs is withheld. */
export function activeOf(bucket: Pick<Bucket, 'steps'>): number | null {
  let sum = 0;
  for (const step of ACTIVE_STEPS) {
    const found = bucket.steps.find((s) => s.step === step);
    if (!found) continue;
    if (found.count === null) return null;
    sum += found.count;
  }
  return sum;
}

/** The share of the total on steps 3–5 (0..1); null when withheld or when there is no actor. */
export function shareOf(total: number | null, active: number | null): number | null {
  if (total === null || active === null || total === 0) return null;
  return active / total;
}

/** A share as a whole percentage (what the page shows and classifies). */
export const percentOf = (share: number): number => Math.round(share * 100);

/** "42 %" (Swedish: a space before the sign). */
export const formatPercent = (share: number): string => `${formatNumber(percentOf(share))}\u00a0%`;

/**
 * The figures of the given municipalities (each boundary's code and name), from the distribution's
 * buckets: a municipality without a bucket has no engaged actor (0).
 */
export function figuresOf(
  municipalities: readonly { code: string; name: string }[],
  buckets: readonly Bucket[],
): MunicipalityFigure[] {
  const byCode = new Map(buckets.map((b) => [b.group, b]));
  return municipalities.map(({ code, name }) => {
    const bucket = byCode.get(code);
    if (!bucket) return { code, name, total: 0, active: 0, share: null };
    const total = bucket.suppressed ? null : bucket.total;
    const active = activeOf(bucket);
    return { code, name, total, active, share: shareOf(total, active) };
  });
}

/**
 * The accessible name of a municipality on the map: "Lycksele: 42 engagerade aktörer". A count the
 * committee may not see is named "Lycksele: skyddat antal engagerade aktörer": the API withholds
 * fewer than k persons and also counts that would give such a count away, so "fewer than k" would
 * not always be true.
 */
export function municipalityName(figure: Pick<MunicipalityFigure, 'name' | 'total'>): string {
  return figure.total === null
    ? t('map.name.withheld', { name: figure.name })
    : t('map.name', { name: figure.name, count: figure.total });
}

/** The description beside the name: the share on steps 3–5, or why it is missing. */
export function municipalityDescription(figure: MunicipalityFigure): string {
  if (figure.share !== null) return t('map.describe.share', { share: formatPercent(figure.share) });
  if (figure.total === 0) return t('map.describe.noActors');
  return t('map.describe.shareWithheld');
}

/** A table cell's count: "1 234" or "skyddat". */
export const countText = (total: number | null): string =>
  total === null ? t('map.withheldShort') : formatNumber(total);

/** A table cell's share: "42 %", "–" without actors, "skyddat" when withheld. */
export function shareText(figure: MunicipalityFigure): string {
  if (figure.share !== null) return formatPercent(figure.share);
  return figure.total === 0 ? t('map.noShare') : t('map.withheldShort');
}

// ---- Classes --------------------------------------------------------------------------------------

/** One class of the legend: its words and its fill (a hatch over the fill when `hatched`). */
export interface MapClass {
  key: string;
  label: string;
  fill: string;
  hatched?: boolean;
}

export interface MapScale {
  /** The classes in the legend's order (only those that occur, but every class of values). */
  classes: MapClass[];
  classOf: (figure: MunicipalityFigure) => MapClass;
}

/** No actor: near white (a class of its own, told apart by the legend and the numbers). */
export const ZERO_FILL = '#f4f6f8';
/** Counts: ColorBrewer Blues, light to dark. */
export const COUNT_RAMP = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
/** Shares: ColorBrewer BuGn (7 classes without the lightest, told apart from "no actor"), light to dark. */
export const SHARE_RAMP = ['#ccece6', '#99d8c9', '#41ae76', '#238b45', '#005824'] as const;

const WITHHELD: MapClass = { key: 'withheld', label: '', fill: '#ffffff', hatched: true };

/** The nearest of 1, 2, 5, 10 × a power of ten. */
export function niceNumber(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10]
    .map((m) => m * power)
    .reduce((best, c) => (Math.abs(c - x) < Math.abs(best - x) ? c : best));
}

/**
 * Lower bounds of the classes of positive counts: 1, then the quartiles of the counts rounded to
 * nice numbers (at most `classes` classes; fewer when the counts are few or alike).
 */
export function countBreaks(totals: readonly number[], classes = COUNT_RAMP.length): number[] {
  const positive = totals.filter((n) => n > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const max = positive[positive.length - 1];
  const starts = [1];
  for (let i = 1; i < classes; i++) {
    const nice = niceNumber(positive[Math.floor((i * positive.length) / classes)]);
    if (nice > starts[starts.length - 1] && nice <= max) starts.push(nice);
  }
  return starts;
}

/** The fills for n classes, spread over the ramp from light to dark. */
function spread(ramp: readonly string[], n: number): string[] {
  if (n === 1) return [ramp[1]];
  return Array.from({ length: n }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (n - 1))]);
}

const range = (from: number, to: number, unit = '') =>
  from === to ? `${formatNumber(from)}${unit}` : `${formatNumber(from)}–${formatNumber(to)}${unit}`;

/** Classes of engaged actors: 0, then classes of the positive counts; hatched when withheld. */
export function countScale(figures: readonly MunicipalityFigure[]): MapScale {
  const totals = figures.map((f) => f.total).filter((n): n is number => n !== null);
  const starts = countBreaks(totals);
  const max = Math.max(0, ...totals);
  const fills = spread(COUNT_RAMP, starts.length);
  const zero: MapClass = { key: 'zero', label: t('map.legend.zero'), fill: ZERO_FILL };
  const positive: MapClass[] = starts.map((from, i) => ({
    key: `count-${from}`,
    label: range(from, i + 1 < starts.length ? starts[i + 1] - 1 : max),
    fill: fills[i],
  }));
  const withheld: MapClass = { ...WITHHELD, label: t('map.legend.withheld') };
  const classOf = (f: MunicipalityFigure): MapClass => {
    if (f.total === null) return withheld;
    if (f.total === 0) return zero;
    let i = starts.length - 1;
    while (i > 0 && f.total < starts[i]) i--;
    return positive[i];
  };
  const classes = [zero, ...positive];
  if (figures.some((f) => f.total === null)) classes.push(withheld);
  return { classes, classOf };
}

/** Lower bounds of the share classes (whole percentages). */
export const SHARE_BREAKS = [0, 20, 40, 60, 80] as const;

/** Classes of the share on steps 3–5, fixed at 20 percentage points; no actor and withheld apart. */
export function shareScale(figures: readonly MunicipalityFigure[]): MapScale {
  const classes: MapClass[] = SHARE_BREAKS.map((from, i) => ({
    key: `share-${from}`,
    label: range(from, i + 1 < SHARE_BREAKS.length ? SHARE_BREAKS[i + 1] - 1 : 100, '\u00a0%'),
    fill: SHARE_RAMP[i],
  }));
  const none: MapClass = { key: 'none', label: t('map.legend.noActors'), fill: ZERO_FILL };
  const withheld: MapClass = { ...WITHHELD, label: t('map.legend.shareWithheld') };
  const classOf = (f: MunicipalityFigure): MapClass => {
    if (f.share === null) return f.total === 0 ? none : withheld;
    const percent = percentOf(f.share);
    let i = SHARE_BREAKS.length - 1;
    while (i > 0 && percent < SHARE_BREAKS[i]) i--;
    return classes[i];
  };
  const legend = [...classes];
  if (figures.some((f) => f.share === null && f.total === 0)) legend.push(none);
  if (figures.some((f) => f.share === null && f.total !== 0)) legend.push(withheld);
  return { classes: legend, classOf };
}

// ---- Actors the map does not show -----------------------------------------------------------------

/** A sum of disclosed counts: what is known, and whether some of it is withheld. */
export interface PartialCount {
  known: number;
  withheld: boolean;
}

export interface OutsideFigures {
  /** Engaged actors in municipalities that are not drawn (other counties, in the county view). */
  otherMunicipalities: PartialCount;
  /** In Sweden without a known municipality (group SE). */
  noMunicipality: PartialCount;
  /** Abroad, per country (ISO code and Swedish name), the largest first. */
  abroad: { country: string; name: string; total: number | null }[];
}

const isMunicipalityCode = (group: string) => /^\d{4}$/.test(group);

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['sv'], { type: 'region' });
  } catch {
    return null;
  }
})();

/** The buckets the map cannot draw: municipalities outside `drawn`, Sweden without municipality, abroad. */
export function outsideFigures(buckets: readonly Bucket[], drawn: ReadonlySet<string>): OutsideFigures {
  const add = (c: PartialCount, b: Bucket): PartialCount =>
    b.suppressed || b.total === null
      ? { ...c, withheld: true }
      : { known: c.known + b.total, withheld: c.withheld };
  let otherMunicipalities: PartialCount = { known: 0, withheld: false };
  let noMunicipality: PartialCount = { known: 0, withheld: false };
  const abroad: OutsideFigures['abroad'] = [];
  for (const b of buckets) {
    if (isMunicipalityCode(b.group)) {
      if (!drawn.has(b.group)) otherMunicipalities = add(otherMunicipalities, b);
    } else if (b.group === 'SE') {
      noMunicipality = add(noMunicipality, b);
    } else {
      const total = b.suppressed ? null : b.total;
      abroad.push({ country: b.group, name: regionNames?.of(b.group) ?? b.label, total });
    }
  }
  abroad.sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || a.name.localeCompare(b.name, 'sv'));
  return { otherMunicipalities, noMunicipality, abroad };
}

/** "12", "minst 12 (ett eller flera antal skyddade)", or "skyddat". */
export function partialText(c: PartialCount): string {
  if (!c.withheld) return formatNumber(c.known);
  return c.known === 0 ? t('map.withheldShort') : t('map.atLeast', { count: c.known });
}

// ---- Dates ----------------------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(value: string | null): value is string {
  return value !== null && DATE.test(value) && !Number.isNaN(Date.parse(value));
}

export interface QuarterOption {
  id: string;
  label: string;
}

/**
 * The ends of the last `count` quarters that have ended, the latest first (the committee's dates;
 * twelve, as on the dashboard).
 */
export function endedQuarters(now: Date = new Date(), count = 12): QuarterOption[] {
  const last = quarterEndedBefore(now);
  return Array.from({ length: count }, (_, i) => {
    const quarter = shiftQuarter(last, -i);
    const end = quarterPeriod(quarter).end;
    return {
      id: end,
      label: t('map.quarterOption', { quarter: quarterLabel(quarter), date: formatDate(end) }),
    };
  });
}

/** The link to the dashboard filtered to a municipality (keeping the chosen date). */
export function dashboardHref(code: string, asOf: string | null): string {
  const params = new URLSearchParams({ municipality: code });
  if (asOf) params.set('asOf', asOf);
  return `/ladder?${params.toString()}`;
}
