// What the PDF and the spreadsheet both show, derived once from the frozen figures so the two
// documents can never disagree: labels, sentences, the movement matrix and the ladder mixes.
import {
  Compared,
  Gender,
  GenderCount,
  LADDER_STEPS,
  LadderStep,
  ladderStepLabelSv,
  levelOf,
  MovementCell,
  ReportFigures,
  StepCount,
} from '@crm/domain';
import { formatChange, formatCount } from './format';

/** Genders in the order the report lists them. */
export const GENDERS: readonly Gender[] = [Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.NOT_STATED];

export const NOT_ENGAGED_SV = 'Inte engagerad';

/** "Engagemangsrapport till regionala utvecklingsnämnden, 2026 kvartal 3" */
export function reportTitle(f: ReportFigures): string {
  return `Engagemangsrapport till regionala utvecklingsnämnden, ${f.year} kvartal ${f.quarter}`;
}

/** "2026 K3", the same form as previousLabel and yearEarlierLabel. */
export function quarterLabel(f: ReportFigures): string {
  return `${f.year} K${f.quarter}`;
}

/** "1. Medvetenhet" */
export function stepLabel(step: LadderStep): string {
  return `${levelOf(step)}. ${ladderStepLabelSv[step]}`;
}

export function levelLabel(step: LadderStep | null): string {
  return step === null ? NOT_ENGAGED_SV : stepLabel(step);
}

export function countOn(steps: readonly StepCount[], step: LadderStep): number {
  return steps.filter((s) => s.step === step).reduce((sum, s) => sum + s.count, 0);
}

export function total(steps: readonly { count: number }[]): number {
  return steps.reduce((sum, s) => sum + s.count, 0);
}

/** Per step in ladder order, always five numbers. */
export function stepCounts(steps: readonly StepCount[]): number[] {
  return LADDER_STEPS.map((step) => countOn(steps, step));
}

/** Actors on steps 3–5: the active participants the committee wants more of. */
export function activeCount(steps: readonly StepCount[]): number {
  return steps.filter((s) => levelOf(s.step) >= 3).reduce((sum, s) => sum + s.count, 0);
}

export function genderCount(counts: readonly GenderCount[], gender: Gender): number {
  return counts.filter((c) => c.gender === gender).reduce((sum, c) => sum + c.count, 0);
}

/** "(+57 jämfört med 2026 K2, +120 jämfört med 2025 K3)" */
export function comparisonSv(f: ReportFigures, c: Compared): string {
  return (
    `(${formatChange(c.current - c.previousQuarter)} jämfört med ${f.previousLabel}, ` +
    `${formatChange(c.current - c.yearEarlier)} jämfört med ${f.yearEarlierLabel})`
  );
}

export interface SummaryLine {
  /** Spreadsheet row label. */
  labelSv: string;
  figure: Compared;
  /** The plain-Swedish sentence of the summary page, without the comparison. */
  sentenceSv: string;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function summaryLines(f: ReportFigures): SummaryLine[] {
  const s = f.summary;
  const n = (c: Compared) => formatCount(c.current);
  const actors = (c: Compared) => plural(c.current, 'aktör', 'aktörer');
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

export interface MovementMatrix {
  /** counts[row][column], indexed like MOVEMENT_LEVELS; [0][0] (not engaged → not engaged) is null. */
  counts: (number | null)[][];
  /** Per row: actors at that level on the quarter's first day (row 0: those who came onto the ladder). */
  rowTotals: number[];
  /** Per column: actors at that level on the last day (column 0: those who left the ladder). */
  columnTotals: number[];
}

export function movementMatrix(cells: readonly MovementCell[]): MovementMatrix {
  const index = (step: LadderStep | null) => MOVEMENT_LEVELS.indexOf(step);
  const counts: (number | null)[][] = MOVEMENT_LEVELS.map((from) =>
    MOVEMENT_LEVELS.map((to) => (from === null && to === null ? null : 0)),
  );
  for (const cell of cells) {
    const r = index(cell.from);
    const c = index(cell.to);
    if (r < 0 || c < 0 || (r === 0 && c === 0)) continue;
    counts[r][c] = (counts[r][c] ?? 0) + cell.count;
  }
  const rowTotals = counts.map((row) => row.reduce<number>((sum, n) => sum + (n ?? 0), 0));
  const columnTotals = MOVEMENT_LEVELS.map((_, c) =>
    counts.reduce<number>((sum, row) => sum + (row[c] ?? 0), 0),
  );
  return { counts, rowTotals, columnTotals };
}

export interface MovementSummaryRow {
  kind: Exclude<MovementKind, 'none'>;
  labelSv: string;
  count: number;
}

/** Up, unchanged, down, onto and off the ladder: the numbers behind the movement bar chart. */
export function movementSummary(cells: readonly MovementCell[]): MovementSummaryRow[] {
  const rows: MovementSummaryRow[] = [
    { kind: 'up', labelSv: 'Klev upp', count: 0 },
    { kind: 'same', labelSv: 'Stod kvar', count: 0 },
    { kind: 'down', labelSv: 'Gick ned', count: 0 },
    { kind: 'entered', labelSv: 'Kom in i trappan', count: 0 },
    { kind: 'left', labelSv: 'Lämnade trappan', count: 0 },
  ];
  for (const cell of cells) {
    const row = rows.find((r) => r.kind === movementKind(cell.from, cell.to));
    if (row) row.count += cell.count;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Municipalities and other areas

/** County municipalities where nobody was engaged (or took part): a zero is a finding. */
export function zeroMunicipalities(f: ReportFigures, pick: 'engaged' | 'participants'): string[] {
  return f.municipalities.filter((m) => m[pick].current === 0).map((m) => m.nameSv);
}

export function subRegionName(f: ReportFigures, code: string): string {
  return f.subRegions.find((r) => r.code === code)?.nameSv ?? code;
}

/** A list in Swedish: "a", "a och b", "a, b och c". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
