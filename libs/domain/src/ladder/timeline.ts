import { CalendarDate } from './calendar';
import { EvidenceItem } from './evidence';
import { EvidenceKind, RuleSet } from './rules';
import { LadderStep, Level, levelOf, stepOf } from './steps';

/** Why an actor stands on a step: the rule and one record that satisfies it. */
export interface LadderReasonRef {
  rule: LadderStep;
  evidence: EvidenceKind;
  source: EvidenceItem['source'];
  sourceId: string;
  /** Whose record it is: the actor itself, or for an organisation one of its people. */
  actorId: string;
  detail: string;
  occurredOn: CalendarDate;
  eventId: string | null;
  initiativeId: string | null;
  engagementId: string | null;
}

/** A stretch of time on one step. Between periods the actor is not engaged. */
export interface LadderPeriod {
  from: CalendarDate;
  /** First day on another step (or not engaged); null when open-ended. */
  until: CalendarDate | null;
  level: Exclude<Level, 0>;
  /** The step just before, when the actor was engaged the day before. */
  previousLevel: Exclude<Level, 0> | null;
  reasons: LadderReasonRef[];
}

export const MAX_REASONS = 3;

interface Segment {
  from: CalendarDate;
  until: CalendarDate | null;
  level: Level;
}

const isActiveOn = (item: EvidenceItem, day: CalendarDate) =>
  item.from <= day && (item.until === null || day < item.until);

/** The step the rules give for the records counting on one day. */
export function levelFor(items: readonly EvidenceItem[], rules: RuleSet): Level {
  const counts = new Map<EvidenceKind, number>();
  for (const item of items) for (const kind of item.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  let level: Level = 0;
  for (const rule of rules.steps) {
    const candidate = levelOf(rule.step);
    if (candidate > level && rule.anyOf.some((c) => (counts.get(c.evidence) ?? 0) >= c.min))
      level = candidate;
  }
  return level;
}

/** The step as a function of time: it can only change where some record starts or stops counting. */
function segments(items: readonly EvidenceItem[], rules: RuleSet): Segment[] {
  const days = new Set<CalendarDate>();
  for (const item of items) {
    days.add(item.from);
    if (item.until !== null) days.add(item.until);
  }
  const sorted = [...days].sort();
  const result: Segment[] = [];
  sorted.forEach((day, i) => {
    const level = levelFor(
      items.filter((item) => isActiveOn(item, day)),
      rules,
    );
    const until = sorted[i + 1] ?? null;
    const last = result[result.length - 1];
    if (last && last.level === level) last.until = until;
    else result.push({ from: day, until, level });
  });
  return result;
}

function levelOn(segs: readonly Segment[], day: CalendarDate): Level {
  for (const s of segs) if (s.from <= day && (s.until === null || day < s.until)) return s.level;
  return 0;
}

/** Pointwise maximum of several step functions (an organisation and its people). */
function maxSegments(all: readonly Segment[][]): Segment[] {
  const days = [
    ...new Set(all.flatMap((segs) => segs.flatMap((s) => (s.until === null ? [s.from] : [s.from, s.until])))),
  ].sort();
  const result: Segment[] = [];
  days.forEach((day, i) => {
    const level = Math.max(0, ...all.map((segs) => levelOn(segs, day))) as Level;
    const until = days[i + 1] ?? null;
    const last = result[result.length - 1];
    if (last && last.level === level) last.until = until;
    else result.push({ from: day, until, level });
  });
  return result;
}

function reasonsFor(
  level: Exclude<Level, 0>,
  day: CalendarDate,
  contributors: readonly { segments: Segment[]; items: readonly EvidenceItem[] }[],
  rules: RuleSet,
): LadderReasonRef[] {
  const step = stepOf(level) as LadderStep;
  const rule = rules.steps.find((r) => r.step === step);
  if (!rule) return [];
  const clauseKinds = rule.anyOf.map((c) => c.evidence);
  const candidates: { clause: number; item: EvidenceItem }[] = [];
  for (const contributor of contributors) {
    if (levelOn(contributor.segments, day) !== level) continue;
    for (const item of contributor.items) {
      if (!isActiveOn(item, day)) continue;
      const clause = clauseKinds.findIndex((kind) => item.kinds.includes(kind));
      if (clause >= 0) candidates.push({ clause, item });
    }
  }
  candidates.sort(
    (a, b) =>
      a.clause - b.clause ||
      (a.item.occurredOn < b.item.occurredOn ? 1 : a.item.occurredOn > b.item.occurredOn ? -1 : 0) ||
      (a.item.sourceId < b.item.sourceId ? -1 : a.item.sourceId > b.item.sourceId ? 1 : 0),
  );
  return candidates.slice(0, MAX_REASONS).map(({ clause, item }) => ({
    rule: step,
    evidence: clauseKinds[clause],
    source: item.source,
    sourceId: item.sourceId,
    actorId: item.actorId,
    detail: item.detail,
    occurredOn: item.occurredOn,
    eventId: item.eventId,
    initiativeId: item.initiativeId,
    engagementId: item.engagementId,
  }));
}

/**
 * An actor's whole ladder timeline. A person's step comes from their own records; an
 * organisation's is, on every day, the highest of its own step and each of its people's.
 * Each period carries the records that put the actor on that step on its first day.
 */
export function ladderTimeline(
  own: readonly EvidenceItem[],
  members: readonly (readonly EvidenceItem[])[],
  rules: RuleSet,
): LadderPeriod[] {
  const contributors = [own, ...members].map((items) => ({ items, segments: segments(items, rules) }));
  const combined = members.length
    ? maxSegments(contributors.map((c) => c.segments))
    : contributors[0].segments;
  const periods: LadderPeriod[] = [];
  let previous: Level = 0;
  for (const seg of combined) {
    if (seg.level !== 0) {
      periods.push({
        from: seg.from,
        until: seg.until,
        level: seg.level,
        previousLevel: previous === 0 ? null : previous,
        reasons: reasonsFor(seg.level, seg.from, contributors, rules),
      });
    }
    previous = seg.level;
  }
  return periods;
}

/** The period that holds on a day, if the actor was engaged then. */
export function periodOn(periods: readonly LadderPeriod[], day: CalendarDate): LadderPeriod | null {
  return periods.find((p) => p.from <= day && (p.until === null || day < p.until)) ?? null;
}
