import {
  CalendarDate,
  describeReason,
  DomainValidationError,
  LADDER_STEPS,
  ladderStepLabelSv,
  sectorLabelSv,
  stepOf,
  stockholmDate,
  LadderStep,
  Sector,
} from '@crm/domain';
import { Grouping, LadderFilter, LadderQueries, LadderRepository, PeriodRow } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GraphqlContext } from '../auth/request-context';
import { initiativeLoaders } from '../initiatives/initiative.loaders';
import { LadderNotifier } from './ladder-notifier.service';
import {
  LadderBucket,
  LadderChange,
  LadderMovement,
  LadderPosition,
  LadderReason,
  LadderStatus,
  LadderTransition,
} from './ladder.models';

@Injectable()
export class LadderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: LadderNotifier,
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
        const words = describeReason(r, {
          eventTitle: event?.title,
          initiativeName: initiative?.name,
          viaPersonName: via?.name,
        });
        return {
          rule: r.rule,
          ...words,
          occurredOn: r.occurredOn,
          eventId: r.eventId,
          initiativeId: r.initiativeId,
          engagementId: r.engagementId,
          viaActorId: r.actorId !== period.actorId ? r.actorId : null,
        };
      }),
    );
  }

  async distribution(
    asOf: string | null | undefined,
    grouping: Grouping,
    filter: LadderFilter,
  ): Promise<LadderBucket[]> {
    // The Date scalar has already refused anything but YYYY-MM-DD.
    const day = asOf ?? this.today();
    const rows = await new LadderQueries(this.dataSource.manager).distribution(day, grouping, filter ?? {});
    const groups = new Map<string, Map<number, number>>();
    if (grouping === 'NONE') groups.set('ALL', new Map());
    for (const row of rows) {
      const counts = groups.get(row.group) ?? new Map<number, number>();
      counts.set(row.step, row.count);
      groups.set(row.group, counts);
    }
    const labels =
      grouping === 'MUNICIPALITY'
        ? await this.municipalityNames([...groups.keys()])
        : new Map<string, string>();
    return [...groups.entries()]
      .map(([group, counts]) => ({
        group,
        label: labels.get(group) ?? groupLabel(grouping, group),
        total: [...counts.values()].reduce((a, b) => a + b, 0),
        steps: LADDER_STEPS.map((step, i) => ({ step, count: counts.get(i + 1) ?? 0 })),
      }))
      .sort((a, b) => b.total - a.total || a.group.localeCompare(b.group));
  }

  async transitions(from: string, to: string, filter: LadderFilter): Promise<LadderTransition[]> {
    if (to < from) throw new DomainValidationError('to', 'must not be before from');
    const rows = await new LadderQueries(this.dataSource.manager).transitions(from, to, filter ?? {});
    return rows
      .map((r) => ({
        from: r.from === null ? null : stepOf(r.from),
        to: r.to === null ? null : stepOf(r.to),
        count: r.count,
      }))
      .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  }

  async movement(from: string, to: string, filter: LadderFilter): Promise<LadderMovement> {
    const transitions = await this.transitions(from, to, filter);
    const m: LadderMovement = {
      movedUp: 0,
      movedDown: 0,
      unchanged: 0,
      newlyEngaged: 0,
      noLongerEngaged: 0,
      passiveToActive: 0,
      transitions,
    };
    for (const t of transitions) {
      const [a, b] = [order(t.from), order(t.to)];
      if (t.from === null) m.newlyEngaged += t.count;
      else if (t.to === null) m.noLongerEngaged += t.count;
      if (b > a) m.movedUp += t.count;
      else if (b < a) m.movedDown += t.count;
      else m.unchanged += t.count;
      if (a >= 1 && a <= 2 && b >= 3) m.passiveToActive += t.count;
    }
    return m;
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

const order = (step: LadderStep | null) => (step === null ? 0 : LADDER_STEPS.indexOf(step) + 1);

function groupLabel(grouping: Grouping, group: string): string {
  if (grouping === 'SECTOR') return sectorLabelSv[group as Sector] ?? group;
  if (grouping === 'NONE') return 'Alla';
  return group;
}
