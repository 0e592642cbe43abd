import {
  ActorKind,
  actorKindLabelSv,
  CalendarDate,
  describeReason,
  Gender,
  genderLabelSv,
  MEETING_PLACES,
  DomainValidationError,
  exactCount,
  LADDER_STEPS,
  ladderStepLabelSv,
  sectorLabelSv,
  stepOf,
  stockholmDate,
  LadderStep,
  Role,
  Sector,
} from '@crm/domain';
import { Grouping, LadderFilter, LadderQueries, LadderRepository, PeriodRow } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GraphqlContext } from '../auth/request-context';
import { initiativeLoaders } from '../initiatives/initiative.loaders';
import { MASKED_PERSON_NAME, viewerSeesRestricted } from '../restriction/restriction-visibility';
import { DisclosedGroup, GroupCounts, LadderDisclosureService } from './ladder-disclosure.service';
import { LadderNotifier } from './ladder-notifier.service';
import {
  LadderBucket,
  LadderChange,
  LadderMovement,
  LadderPosition,
  LadderReason,
  LadderStatus,
  LadderTransition,
  MOVEMENT_FIGURES,
} from './ladder.models';

/** Who asks: the role decides how much detail the aggregates show. */
export interface Viewer {
  role: Role;
}

@Injectable()
export class LadderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: LadderNotifier,
    private readonly disclosure: LadderDisclosureService,
  ) {}

  today(): CalendarDate {
    return stockholmDate();
  }

  /** A period as the API shows it, its reasons in words (names looked up through the request's loaders). */
  async position(period: PeriodRow, ctx: GraphqlContext): Promise<LadderPosition> {
    const step = stepOf(period.step) as LadderStep;
    return {
      step,
      level: period.step,
      label: ladderStepLabelSv[step],
      since: period.validFrom,
      until: period.validTo,
      rulesVersion: period.rulesVersion,
      reasons: await this.reasons(period, ctx),
    };
  }

  /** Changes of step up to today, derived from the periods: each start, and each end not followed by another step. */
  async history(periods: PeriodRow[], ctx: GraphqlContext): Promise<LadderChange[]> {
    const today = this.today();
    const changes: LadderChange[] = [];
    for (const [i, p] of periods.entries()) {
      changes.push({
        from: p.fromStep === null ? null : stepOf(p.fromStep),
        to: stepOf(p.step),
        effectiveOn: p.validFrom,
        rulesVersion: p.rulesVersion,
        reasons: await this.reasons(p, ctx),
      });
      const next = periods[i + 1];
      if (p.validTo !== null && p.validTo <= today && next?.validFrom !== p.validTo) {
        changes.push({
          from: stepOf(p.step),
          to: null,
          effectiveOn: p.validTo,
          rulesVersion: p.rulesVersion,
          reasons: [],
        });
      }
    }
    return changes;
  }

  private async reasons(period: PeriodRow, ctx: GraphqlContext): Promise<LadderReason[]> {
    const initiatives = initiativeLoaders(ctx, this.dataSource);
    return Promise.all(
      period.reasons.map(async (r) => {
        const [event, initiative, via] = await Promise.all([
          r.eventId ? ctx.loaders.event.load(r.eventId) : null,
          r.initiativeId ? initiatives.initiative.load(r.initiativeId) : null,
          r.actorId !== period.actorId ? ctx.loaders.actor.load(r.actorId) : null,
        ]);
        // A restricted person behind an organisation's reason is named only to whoever may see them.
        const viaMasked = !!via?.restrictedAt && !viewerSeesRestricted(ctx);
        const words = describeReason(r, {
          eventTitle: event?.title,
          initiativeName: initiative?.name,
          viaPersonName: viaMasked ? MASKED_PERSON_NAME : via?.name,
        });
        return {
          rule: r.rule,
          ...words,
          occurredOn: r.occurredOn,
          eventId: r.eventId,
          initiativeId: r.initiativeId,
          engagementId: r.engagementId,
          viaActorId: r.actorId !== period.actorId && !viaMasked ? r.actorId : null,
        };
      }),
    );
  }

  /**
   * Actors per step and group on a day. `viewer` decides the detail: exact numbers for roles that may
   * read personal data; for the committee a quarter end and disclosure control (LadderDisclosureService).
   */
  async distribution(
    asOf: string | null | undefined,
    grouping: Grouping,
    filter: LadderFilter,
    viewer: Viewer,
  ): Promise<LadderBucket[]> {
    const exact = this.disclosure.exactFor(viewer.role);
    // The Date scalar has already refused anything but YYYY-MM-DD.
    const day = exact ? (asOf ?? this.today()) : this.disclosure.committeeDay(asOf);
    if (!exact) this.disclosure.requireCommitteeBreakdown(grouping, filter ?? {});
    const groups = await this.groupCounts(day, grouping, filter ?? {}, !exact);
    const labels =
      grouping === 'MUNICIPALITY'
        ? await this.municipalityNames([...groups.keys()])
        : new Map<string, string>();
    const disclosed: DisclosedGroup[] = exact
      ? [...groups.values()].map((g) => ({
          group: g.group,
          total: exactCount(g.counts.reduce((a, b) => a + b, 0)),
          steps: g.counts.map(exactCount),
        }))
      : await this.committeeDistribution(day, grouping, filter ?? {}, groups);
    const buckets = disclosed.map((g) => ({
      group: g.group,
      label: labels.get(g.group) ?? groupLabel(grouping, g.group),
      total: g.total.count,
      suppressed: g.total.suppressed,
      steps: LADDER_STEPS.map((step, i) => ({ step, ...g.steps[i] })),
    }));
    // The committee's answer is in the order of the groups: an order by size would hint at what is withheld.
    return exact
      ? buckets.sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || a.group.localeCompare(b.group))
      : buckets.sort((a, b) => a.group.localeCompare(b.group));
  }

  /** Actors per step (and persons among them) per group on a day. */
  private async groupCounts(
    day: CalendarDate,
    grouping: Grouping,
    filter: LadderFilter,
    withPersons: boolean,
  ): Promise<Map<string, GroupCounts>> {
    const rows = await new LadderQueries(this.dataSource.manager).distribution(day, grouping, filter, {
      withPersons,
    });
    const groups = new Map<string, GroupCounts>();
    const groupOf = (group: string) => {
      const found = groups.get(group) ?? {
        group,
        counts: LADDER_STEPS.map(() => 0),
        persons: LADDER_STEPS.map(() => 0),
      };
      groups.set(group, found);
      return found;
    };
    if (grouping === 'NONE') groupOf('ALL');
    for (const row of rows) {
      const g = groupOf(row.group);
      (g.counts as number[])[row.step - 1] = row.count;
      (g.persons as number[])[row.step - 1] = row.persons ?? 0;
    }
    return groups;
  }

  /**
   * The committee's distribution. An ungrouped answer filtered to one sector, municipality or kind is
   * also a row of the answer grouped by it (without that filter): it withholds at least what that
   * row withholds, so the two answers together give nothing away that each protects.
   */
  private async committeeDistribution(
    day: CalendarDate,
    grouping: Grouping,
    filter: LadderFilter,
    groups: Map<string, GroupCounts>,
  ): Promise<DisclosedGroup[]> {
    let disclosed = this.disclosure.distribution(grouping, [...groups.values()]);
    if (grouping !== 'NONE') return disclosed;
    for (const [key, dimension] of FILTERS_WITH_A_GROUPING) {
      const value = filter[key];
      if (!value) continue;
      const others = await this.groupCounts(day, dimension, { ...filter, [key]: null }, true);
      const row = this.disclosure
        .distribution(dimension, [...others.values()])
        .find((g) => g.group === value);
      if (row) disclosed = disclosed.map((g) => this.disclosure.withholdBoth(g, row));
    }
    return disclosed;
  }

  async transitions(
    from: string,
    to: string,
    filter: LadderFilter,
    viewer: Viewer,
  ): Promise<LadderTransition[]> {
    return (await this.movement(from, to, filter, viewer)).transitions;
  }

  /** Transitions and the movement made of them, disclosed together so both answers agree. */
  async movement(from: string, to: string, filter: LadderFilter, viewer: Viewer): Promise<LadderMovement> {
    const exact = this.disclosure.exactFor(viewer.role);
    if (exact && to < from) throw new DomainValidationError('to', 'must not be before from');
    const period = exact ? { from, to } : this.disclosure.committeePeriod(from, to);
    if (!exact) this.disclosure.requireCommitteeMovementScope(filter ?? {});
    const rows = (
      await new LadderQueries(this.dataSource.manager).transitions(period.from, period.to, filter ?? {}, {
        withPersons: !exact,
      })
    ).map((r) => ({ from: r.from ?? 0, to: r.to ?? 0, count: r.count, persons: r.persons ?? r.count }));
    const d = this.disclosure.movement(rows, exact);
    const transitions = rows
      .map((r) => ({
        from: r.from === 0 ? null : stepOf(r.from),
        to: r.to === 0 ? null : stepOf(r.to),
        ...d.cells[r.from][r.to],
      }))
      .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
    const figures = {
      movedUp: d.movedUp,
      movedDown: d.movedDown,
      unchanged: d.unchanged,
      newlyEngaged: d.newlyEngaged,
      noLongerEngaged: d.noLongerEngaged,
      passiveToActive: d.passiveToActive,
    };
    return {
      movedUp: figures.movedUp.count,
      movedDown: figures.movedDown.count,
      unchanged: figures.unchanged.count,
      newlyEngaged: figures.newlyEngaged.count,
      noLongerEngaged: figures.noLongerEngaged.count,
      passiveToActive: figures.passiveToActive.count,
      suppressedFields: MOVEMENT_FIGURES.filter((f) => figures[f].suppressed),
      transitions,
    };
  }

  async status(): Promise<LadderStatus> {
    const s = await new LadderRepository(this.dataSource.manager).status();
    return { pending: s.pending, lastFullRecomputeAt: s.lastFullRecomputeAt, rulesVersion: s.rulesVersion };
  }

  /** Asks the worker for a full recomputation (it runs in the worker, in batches). */
  async requestFullRecompute(userId: string): Promise<LadderStatus> {
    await this.notifier.requestFullRecompute(userId);
    return this.status();
  }

  private async municipalityNames(codes: string[]): Promise<Map<string, string>> {
    const rows: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT code, name FROM municipality WHERE code = ANY ($1::text[])`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}

/** Filters that pick one group of a grouping (the meeting place's rows are ungrouped answers already). */
const FILTERS_WITH_A_GROUPING = [
  ['sector', 'SECTOR'],
  ['municipalityCode', 'MUNICIPALITY'],
  ['kind', 'KIND'],
] as const satisfies readonly (readonly [keyof LadderFilter, Grouping])[];

const order = (step: LadderStep | null) => (step === null ? 0 : LADDER_STEPS.indexOf(step) + 1);

const COUNTRY_NAMES_SV = new Intl.DisplayNames(['sv'], { type: 'region', fallback: 'code' });
const GROUP_LABELS_SV: Record<string, string> = { ORGANISATION: 'Organisationer', UNKNOWN: 'Okänt' };

/** A group in Swedish: a sector, meeting place, gender, kind, or (a municipality's name found elsewhere) a country. */
export function groupLabel(grouping: Grouping, group: string): string {
  switch (grouping) {
    case 'NONE':
      return 'Alla';
    case 'SECTOR':
      return sectorLabelSv[group as Sector] ?? group;
    case 'MEETING_PLACE':
      return MEETING_PLACES.find((m) => m.code === group)?.name ?? group;
    case 'GENDER':
      return genderLabelSv[group as Gender] ?? GROUP_LABELS_SV[group] ?? group;
    case 'KIND':
      return actorKindLabelSv[group as ActorKind] ?? group;
    case 'MUNICIPALITY':
      // Actors without a municipality are grouped by their country (ISO 3166-1 alpha-2).
      return /^[A-Z]{2}$/.test(group) ? (COUNTRY_NAMES_SV.of(group) ?? group) : group;
  }
}
