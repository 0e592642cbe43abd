import {
  ActorEntity,
  ActorRepository,
  ConsentRepository,
  ConsentRow,
  EventEntity,
  EventRepository,
  LadderRepository,
  PeriodRow,
  MunicipalityRow,
  Page,
  ParticipationEntity,
  ParticipationRepository,
  ReferenceRepository,
} from '@crm/persistence';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';

type PageLoader<T> = DataLoader<string, Page<T>>;

/**
 * Per-request batching: every nested field of a page (an actor's organisation, participations,
 * members; an event's participants) is fetched in a constant number of statements.
 */
export class Loaders {
  readonly actor: DataLoader<string, ActorEntity | null>;
  readonly event: DataLoader<string, EventEntity | null>;
  readonly municipality: DataLoader<string, MunicipalityRow | null>;
  private readonly keyedLoaders = new Map<string, DataLoader<string, unknown>>();

  /**
   * `seesRestricted` answers whether the request's user may see persons whose processing is
   * restricted (asked when a list loads: the user is known by then); the lists of an organisation's
   * people and an event's participants leave such persons out for everyone else.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly seesRestricted: () => boolean = () => false,
  ) {
    const em = dataSource.manager;
    this.actor = new DataLoader(async (ids) => byId(ids, await new ActorRepository(em).findByIds(ids)));
    this.event = new DataLoader(async (ids) => byId(ids, await new EventRepository(em).findByIds(ids)));
    this.municipality = new DataLoader(async (codes) => {
      const rows = await new ReferenceRepository(em).municipalitiesByCodes(codes);
      const byCode = new Map(rows.map((m) => [m.code, m]));
      return codes.map((c) => byCode.get(c) ?? null);
    });
  }

  members(first: number, after: string | null | undefined): PageLoader<ActorEntity> {
    return this.pages('members', first, after, (ids) =>
      new ActorRepository(this.dataSource.manager).membersPages(ids, first, after, this.seesRestricted()),
    );
  }

  participationsOfActor(first: number, after: string | null | undefined): PageLoader<ParticipationEntity> {
    return this.pages('actorParticipations', first, after, (ids) =>
      new ParticipationRepository(this.dataSource.manager).pagesByActor(ids, first, after),
    );
  }

  participantsOfEvent(first: number, after: string | null | undefined): PageLoader<ParticipationEntity> {
    return this.pages('eventParticipants', first, after, (ids) =>
      new ParticipationRepository(this.dataSource.manager).pagesByEvent(
        ids,
        first,
        after,
        this.seesRestricted(),
      ),
    );
  }

  /** Each actor's ladder period on a day (null: not engaged then). */
  ladderOn(day: string): DataLoader<string, PeriodRow | null> {
    return this.keyed(`ladderOn:${day}`, async (ids) => {
      const rows = await new LadderRepository(this.dataSource.manager).periodsOn(ids, day);
      const byActor = new Map(rows.map((r) => [r.actorId, r]));
      return ids.map((id) => byActor.get(id) ?? null);
    });
  }

  /** Each actor's latest day of recorded evidence up to a day (null: none). */
  lastActivity(day: string): DataLoader<string, string | null> {
    return this.keyed(`lastActivity:${day}`, async (ids) => {
      const byActor = await new ActorRepository(this.dataSource.manager).lastActivity(ids, day);
      return ids.map((id) => byActor.get(id) ?? null);
    });
  }

  /** Each actor's consents, newest given first. */
  consents(): DataLoader<string, ConsentRow[]> {
    return this.keyed('consents', async (ids) => {
      const byActor = new Map<string, ConsentRow[]>(ids.map((id) => [id, []]));
      for (const row of await new ConsentRepository(this.dataSource.manager).forActors(ids)) {
        byActor.get(row.actorId)?.push(row);
      }
      return ids.map((id) => byActor.get(id) ?? []);
    });
  }

  /** Each actor's periods that had begun by a day, oldest first. */
  ladderPeriods(day: string): DataLoader<string, PeriodRow[]> {
    return this.keyed(`ladderPeriods:${day}`, async (ids) => {
      const byActor = new Map<string, PeriodRow[]>(ids.map((id) => [id, []]));
      for (const row of await new LadderRepository(this.dataSource.manager).periodsUntil(ids, day)) {
        byActor.get(row.actorId)?.push(row);
      }
      return ids.map((id) => byActor.get(id) ?? []);
    });
  }

  private keyed<V>(key: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.keyedLoaders.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader(batch);
      this.keyedLoaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** One loader per (list, page arguments): parents asking for the same page shape share one batch. */
  private pages<T>(
    list: string,
    first: number,
    after: string | null | undefined,
    load: (ids: readonly string[]) => Promise<Map<string, Page<T>>>,
  ): PageLoader<T> {
    return this.keyed(`${list}:${first}:${after ?? ''}`, async (ids) => {
      const pages = await load(ids);
      return ids.map((id) => pages.get(id) as Page<T>);
    });
  }
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}
