// What the PDF and the spreadsheet both show, derived once from the frozen figures so the two
// documents can never disagree: labels, sentences, the movement matrix and the ladder mixes.
//
// The documents are the committee's: they show the figures after disclosure control
// (discloseReport), where a count is null when withheld. A change or a share that needs a withheld
// count is withheld too.
import {
  Compared,
  discloseReport,
  DisclosedReport,
  FigureChange,
  Gender,
  GenderCount,
  isSensitiveCount,
  LADDER_STEPS,
  LadderStep,
  ladderStepLabelSv,
  levelOf,
  ReportFigures,
  StepCount,
} from '@crm/domain';
import { formatChangeOf, formatDisclosed } from './format';

/** A disclosed count: null when withheld. */
export type Count = number | null;
export type DisclosedFigures = ReportFigures<Count>;

/** The report as its documents show it: the figures after disclosure control, and k. */
export function documentReport(figures: ReportFigures, minCount: number): DisclosedReport {
  return discloseReport(figures, minCount);
}

/**
 * The changes since the previous version as a document lists them. They come disclosed from the
 * generator (diffDisclosedFigures); as a last guard, a count of 1..k−1 is never printed.
 */
export function documentChanges(
  changes: readonly FigureChange<Count>[] | null,
  minCount: number,
): FigureChange<Count>[] | null {
  if (changes === null) return null;
  const guard = (n: Count) => (n !== null && isSensitiveCount(n, minCount) ? null : n);
  return changes.map((c) => {
    const before = guard(c.before);
    const after = guard(c.after);
    return { whatSv: c.whatSv, before, after, suppressed: before === null || after === null };
  });
}

/** Genders in the order the report lists them. */
export const GENDERS: readonly Gender[] = [Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.NOT_STATED];

export const NOT_ENGAGED_SV = 'Inte engagerad';

/** "Engagemangsrapport till regionala utvecklingsnämnden, 2026 kvartal 3" */
export function reportTitle(f: DisclosedFigures): string {
  return `Engagemangsrapport till regionala utvecklingsnämnden, ${f.year} kvartal ${f.quarter}`;
}

/** "2026 K3", the same form as previousLabel and yearEarlierLabel. */
export function quarterLabel(f: DisclosedFigures): string {
  return `${f.year} K${f.quarter}`;
}

/** "1. Medvetenhet" */
export function stepLabel(step: LadderStep): string {
  return `${levelOf(step)}. ${ladderStepLabelSv[step]}`;
}

export function levelLabel(step: LadderStep | null): string {
  return step === null ? NOT_ENGAGED_SV : stepLabel(step);
}

/** Is this step one of the active ones (3–5)? */
export function isActiveStep(step: LadderStep): boolean {
  return levelOf(step) >= 3;
}

/** The count on a step; 0 when the list has no entry for it. */
export function countOn(steps: readonly StepCount<Count>[], step: LadderStep): Count {
  const found = steps.find((s) => s.step === step);
  return found ? found.count : 0; // null (withheld) stays null
}

/** Per step in ladder order, always five counts. */
export function stepCounts(steps: readonly StepCount<Count>[]): Count[] {
  return LADDER_STEPS.map((step) => countOn(steps, step));
}

export function genderCount(counts: readonly GenderCount<Count>[], gender: Gender): Count {
  const found = counts.find((c) => c.gender === gender);
  return found ? found.count : 0; // null (withheld) stays null
}

/** "(+57 jämfört med 2026 K2, +120 jämfört med 2025 K3)"; ".." for a change that would need a withheld count. */
export function comparisonSv(f: DisclosedFigures, c: Compared<Count>): string {
  return (
    `(${formatChangeOf(c.current, c.previousQuarter)} jämfört med ${f.previousLabel}, ` +
    `${formatChangeOf(c.current, c.yearEarlier)} jämfört med ${f.yearEarlierLabel})`
  );
}

export interface SummaryLine {
  /** Spreadsheet row label. */
  labelSv: string;
  figure: Compared<Count>;
  /** The plain-Swedish sentence of the summary page, without the comparison. */
  sentenceSv: string;
}

function plural(n: Count, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function summaryLines(f: DisclosedFigures, minCount: number): SummaryLine[] {
  const s = f.summary;
  const n = (c: Compared<Count>) => formatDisclosed(c.current, minCount);
  const actors = (c: Compared<Count>) => plural(c.current, 'aktör', 'aktörer');
  return [
    {
      labelSv: 'Engagerade aktörer',
      figure: s.engagedActors,
      sentenceSv: `${n(s.engagedActors)} ${plural(s.engagedActors.current, 'engagerad', 'engagerade')} ${actors(s.engagedActors)}`,
    },
    {
      labelSv: 'Nya aktörer',
      figure: s.newActors,
      sentenceSv: `${n(s.newActors)} ${plural(s.newActors.current, 'ny', 'nya')} ${actors(s.newActors)}`,
    },
    {
      labelSv: 'Klev upp minst ett steg',
      figure: s.movedUp,
      sentenceSv: `${n(s.movedUp)} ${actors(s.movedUp)} klev upp minst ett steg i trappan`,
    },
    {
      labelSv: 'Gick ned minst ett steg',
      figure: s.movedDown,
      sentenceSv: `${n(s.movedDown)} ${actors(s.movedDown)} gick ned minst ett steg`,
    },
    {
      labelSv: 'Från passiv (steg 1–2) till aktiv (steg 3–5)',
      figure: s.passiveToActive,
      sentenceSv: `${n(s.passiveToActive)} ${actors(s.passiveToActive)} gick från passiva lyssnare (steg 1–2) till aktiva deltagare (steg 3–5)`,
    },
  ];
}

export const SYNERGY_LABEL_SV = 'Aktörer vid två eller fler mötesplatser';

// ---------------------------------------------------------------------------------------------
// Movement between the quarter's first and last day

/** Rows and columns of the movement matrix: not engaged first, then the five steps. */
export const MOVEMENT_LEVELS: readonly (LadderStep | null)[] = [null, ...LADDER_STEPS];

export type MovementKind = 'up' | 'down' | 'same' | 'entered' | 'left' | 'none';

export function movementKind(from: LadderStep | null, to: LadderStep | null): MovementKind {
  if (from === null && to === null) return 'none';
  if (from === null) return 'entered';
  if (to === null) return 'left';
  const d = levelOf(to) - levelOf(from);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

export interface MovementSummaryRow {
  kind: Exclude<MovementKind, 'none'>;
  labelSv: string;
  count: Count;
}

/** Up, unchanged, down, onto and off the ladder: the numbers behind the movement bar chart. */
export function movementSummary(report: DisclosedReport): MovementSummaryRow[] {
  const m = report.extras.movement;
  return [
    { kind: 'up', labelSv: 'Klev upp', count: m.up },
    { kind: 'same', labelSv: 'Stod kvar', count: m.same },
    { kind: 'down', labelSv: 'Gick ned', count: m.down },
    { kind: 'entered', labelSv: 'Kom in i trappan', count: m.entered },
    { kind: 'left', labelSv: 'Lämnade trappan', count: m.left },
  ];
}

// ---------------------------------------------------------------------------------------------
// Municipalities and other areas

/** County municipalities where nobody was engaged (or took part): a zero is a finding. */
export function zeroMunicipalities(f: DisclosedFigures, pick: 'engaged' | 'participants'): string[] {
  return f.municipalities.filter((m) => m[pick].current === 0).map((m) => m.nameSv);
}

export function subRegionName(f: DisclosedFigures, code: string): string {
  return f.subRegions.find((r) => r.code === code)?.nameSv ?? code;
}

/** A list in Swedish: "a", "a och b", "a, b och c". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
