import {
  ActorEntity,
  ActorRepository,
  Page,
  ParticipationEntity,
  ParticipationRepository,
} from '@crm/persistence';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { GraphqlContext } from '../auth/request-context';
import { viewerSeesRestricted } from './restriction-visibility';

/**
 * The per-request page loaders of lists that leave restricted persons out for everyone but ADMIN (an
 * organisation's people, an event's participants): as common/loaders.ts batches them, with the
 * viewer's right to see restricted persons passed to the repository. Hung on the request.
 */
export class VisibleLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly seesRestricted: boolean,
  ) {}

  members(first: number, after: string | null | undefined): DataLoader<string, Page<ActorEntity>> {
    return this.pages('members', first, after, (ids) =>
      new ActorRepository(this.dataSource.manager).membersPages(ids, first, after, this.seesRestricted),
    );
  }

  participantsOfEvent(
    first: number,
    after: string | null | undefined,
  ): DataLoader<string, Page<ParticipationEntity>> {
    return this.pages('eventParticipants', first, after, (ids) =>
      new ParticipationRepository(this.dataSource.manager).pagesByEvent(
        ids,
        first,
        after,
        this.seesRestricted,
      ),
    );
  }

  private pages<T>(
    list: string,
    first: number,
    after: string | null | undefined,
    load: (ids: readonly string[]) => Promise<Map<string, Page<T>>>,
  ): DataLoader<string, Page<T>> {
    const key = `${list}:${first}:${after ?? ''}`;
    let loader = this.loaders.get(key) as DataLoader<string, Page<T>> | undefined;
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const pages = await load(ids);
        return ids.map((id) => pages.get(id) as Page<T>);
      });
      this.loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

const perRequest = new WeakMap<object, VisibleLoaders>();

/** This request's visibility-aware loaders, made on first use and gone with the request. */
export function visibleLoaders(ctx: GraphqlContext, dataSource: DataSource): VisibleLoaders {
  let loaders = perRequest.get(ctx.req);
  if (!loaders) {
    loaders = new VisibleLoaders(dataSource, viewerSeesRestricted(ctx));
    perRequest.set(ctx.req, loaders);
  }
  return loaders;
}
