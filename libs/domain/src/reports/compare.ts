import { genderLabelSv, sectorLabelSv } from '../enums';
import { ladderStepLabelSv } from '../ladder/steps';
import { ActorKind } from '../enums';
import { Compared, FigureChange, LargestChange, ReportFigures, StepCount } from './figures';

/** 12 345 and −57, as Swedish text writes numbers (a narrow no-break space groups thousands). */
export function formatNumberSv(value: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value);
}

export function formatChangeSv(change: number): string {
  return change > 0 ? `+${formatNumberSv(change)}` : formatNumberSv(change);
}

export interface ChangeCandidate {
  /** What the figure counts, in Swedish: "Deltagande", "Mötesplats Lycksele, unika aktörer". */
  subjectSv: string;
  current: number;
  previous: number;
}

/**
 * The three largest changes against the quarter before, largest first (ties by subject, so the
 * same figures always give the same sentences). A figure that did not change is never news.
 */
export function largestChanges(
  candidates: readonly ChangeCandidate[],
  previousLabel: string,
): LargestChange[] {
  return candidates
    .map((c) => ({ ...c, change: c.current - c.previous }))
    .filter((c) => c.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.subjectSv.localeCompare(b.subjectSv, 'sv'))
    .slice(0, 3)
    .map((c) => ({
      subjectSv: c.subjectSv,
      change: c.change,
      textSv: `${c.subjectSv}: ${formatNumberSv(c.current)} (${formatChangeSv(c.change)} jämfört med ${previousLabel})`,
    }));
}

/**
 * What the largest changes are chosen from: the engaged, each step, each meeting place's unique
 * actors, each sector's and each municipality's engaged, against the quarter before.
 */
export function reportChangeCandidates<N extends number | null>(
  f: ReportFigures<N>,
): { subjectSv: string; current: N; previous: N }[] {
  return [
    {
      subjectSv: 'Engagerade aktörer',
      current: f.summary.engagedActors.current,
      previous: f.summary.engagedActors.previousQuarter,
    },
    ...f.ladder.atEnd.map((s) => ({
      subjectSv: ladderStepLabelSv[s.step],
      current: s.count,
      previous: f.ladder.atEndPreviousQuarter.find((p) => p.step === s.step)!.count,
    })),
    ...f.meetingPlaces.map((p) => ({
      subjectSv: `${p.nameSv}, unika aktörer`,
      current: p.uniqueActors.current,
      previous: p.uniqueActors.previousQuarter,
    })),
    ...f.sectors.map((s) => ({
      subjectSv: `${s.labelSv}, engagerade`,
      current: s.engaged.current,
      previous: s.engaged.previousQuarter,
    })),
    ...f.municipalities.map((m) => ({
      subjectSv: `${m.nameSv}, engagerade`,
      current: m.engaged.current,
      previous: m.engaged.previousQuarter,
    })),
  ];
}

/**
 * Every number of a report with where it stands, in Swedish, in document order: what a new
 * version compares against the previous one.
 */
export function labelledFigures<N extends number | null = number>(f: ReportFigures<N>): [string, N][] {
  const steps = (prefix: string, counts: readonly StepCount<N>[]): [string, N][] =>
    counts.map((s) => [`${prefix} › ${ladderStepLabelSv[s.step]}`, s.count]);
  const compared = (prefix: string, value: Compared<N>): [string, N][] => [[prefix, value.current]];
  const rows: [string, N][] = [
    ...compared('Sammanfattning › Engagerade aktörer', f.summary.engagedActors),
    ...compared('Sammanfattning › Nya aktörer', f.summary.newActors),
    ...compared('Sammanfattning › Flyttade uppåt', f.summary.movedUp),
    ...compared('Sammanfattning › Flyttade nedåt', f.summary.movedDown),
    ...compared('Sammanfattning › Från passiv till aktiv', f.summary.passiveToActive),
    ...steps('Stegen vid kvartalets slut', f.ladder.atEnd),
    ...f.ladder.movement.map((m): [string, N] => [
      `Förflyttningar › ${m.from ? ladderStepLabelSv[m.from] : 'Inte engagerad'} till ${m.to ? ladderStepLabelSv[m.to] : 'Inte engagerad'}`,
      m.count,
    ]),
  ];
  for (const place of f.meetingPlaces) {
    rows.push(
      [`${place.nameSv} › Genomförda evenemang`, place.eventsHeld.current],
      [`${place.nameSv} › Deltagande`, place.attendance.current],
      [`${place.nameSv} › Unika aktörer`, place.uniqueActors.current],
      [`${place.nameSv} › Nya aktörer`, place.newActors.current],
    );
  }
  rows.push(['Synergi › Aktörer vid två eller fler mötesplatser', f.synergy.current]);
  for (const sector of f.sectors)
    rows.push([`${sectorLabelSv[sector.sector]} › Engagerade`, sector.engaged.current]);
  for (const m of f.municipalities) {
    rows.push(
      [`${m.nameSv} › Engagerade`, m.engaged.current],
      [`${m.nameSv} › Deltagare`, m.participants.current],
    );
  }
  rows.push(
    ['Utanför länet › Engagerade', f.outsideCounty.engaged.current],
    ['Utanför länet › Deltagare', f.outsideCounty.participants.current],
  );
  for (const g of f.gender.participants) rows.push([`Kön › Deltagare › ${genderLabelSv[g.gender]}`, g.count]);
  for (const g of f.gender.onStage) rows.push([`Kön › På scen › ${genderLabelSv[g.gender]}`, g.count]);
  if (f.reachedInfluencePersons) {
    const organisations = f.reachedInfluence.filter((r) => r.kind === ActorKind.ORGANISATION).length;
    rows.push(
      ['Nått steg 5 under kvartalet › Organisationer', organisations as N],
      ['Nått steg 5 under kvartalet › Personer', f.reachedInfluencePersons.total],
    );
  } else {
    rows.push(['Nått steg 5 under kvartalet', f.reachedInfluence.length as N]);
  }
  return rows;
}

/** What differs between two versions of the same quarter's report, figure by figure. */
export function diffFigures(before: ReportFigures, after: ReportFigures): FigureChange[] {
  const old = new Map(labelledFigures(before));
  const changes: FigureChange[] = [];
  const seen = new Set<string>();
  for (const [whatSv, value] of labelledFigures(after)) {
    seen.add(whatSv);
    const previous = old.get(whatSv) ?? 0;
    if (previous !== value) changes.push({ whatSv, before: previous, after: value });
  }
  // A movement cell that emptied is no longer listed in the new figures: it went to zero.
  for (const [whatSv, value] of old) {
    if (!seen.has(whatSv) && value !== 0) changes.push({ whatSv, before: value, after: 0 });
  }
  return changes;
}

/**
 * What differs between two disclosed versions of the same quarter's report, as the committee can
 * see it: a figure withheld in either version shows as null, and a figure withheld in both is not
 * listed (nothing visible changed).
 */
export function diffDisclosedFigures(
  before: ReportFigures<number | null>,
  after: ReportFigures<number | null>,
): FigureChange<number | null>[] {
  const old = new Map(labelledFigures(before));
  const changes: FigureChange<number | null>[] = [];
  const seen = new Set<string>();
  const change = (whatSv: string, b: number | null, a: number | null) =>
    changes.push({ whatSv, before: b, after: a, suppressed: b === null || a === null });
  for (const [whatSv, value] of labelledFigures(after)) {
    seen.add(whatSv);
    const previous = old.has(whatSv) ? old.get(whatSv)! : 0;
    if (previous === null && value === null) continue;
    if (previous !== value) change(whatSv, previous, value);
  }
  for (const [whatSv, value] of old) {
    if (!seen.has(whatSv) && value !== 0) change(whatSv, value, 0);
  }
  return changes;
}
