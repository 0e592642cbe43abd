import {
  ActorEntity,
  ActorRepository,
  EventEntity,
  EventRepository,
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
  private readonly pageLoaders = new Map<string, PageLoader<unknown>>();

  constructor(private readonly dataSource: DataSource) {
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
      new ActorRepository(this.dataSource.manager).membersPages(ids, first, after),
    );
  }

  participationsOfActor(first: number, after: string | null | undefined): PageLoader<ParticipationEntity> {
    return this.pages('actorParticipations', first, after, (ids) =>
      new ParticipationRepository(this.dataSource.manager).pagesByActor(ids, first, after),
    );
  }

  participantsOfEvent(first: number, after: string | null | undefined): PageLoader<ParticipationEntity> {
    return this.pages('eventParticipants', first, after, (ids) =>
      new ParticipationRepository(this.dataSource.manager).pagesByEvent(ids, first, after),
    );
  }

  /** One loader per (list, page arguments): parents asking for the same page shape share one batch. */
  private pages<T>(
    list: string,
    first: number,
    after: string | null | undefined,
    load: (ids: readonly string[]) => Promise<Map<string, Page<T>>>,
  ): PageLoader<T> {
    const key = `${list}:${first}:${after ?? ''}`;
    let loader = this.pageLoaders.get(key) as PageLoader<T> | undefined;
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const pages = await load(ids);
        return ids.map((id) => pages.get(id) as Page<T>);
      });
      this.pageLoaders.set(key, loader as PageLoader<unknown>);
    }
    return loader;
  }
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}
