import { Sector } from '@crm/domain';
import {
  EngagementEntity,
  EngagementRepository,
  InitiativeEntity,
  InitiativeMembershipEntity,
  InitiativeMembershipRepository,
  InitiativeRepository,
  Page,
} from '@crm/persistence';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { GraphqlContext } from '../auth/request-context';
import { viewerSeesRestricted } from '../restriction/restriction-visibility';

/**
 * Per-request batching for this feature's nested fields (an actor's memberships and engagements, an
 * engagement's or membership's initiative, an initiative's members and sectors), in the manner of
 * common/loaders.ts. Kept beside the feature and hung on the request, so each request gets its own.
 */
export class InitiativeLoaders {
  readonly initiative: DataLoader<string, InitiativeEntity | null>;
  readonly membershipsOfActor: DataLoader<string, InitiativeMembershipEntity[]>;
  readonly engagementsOfActor: DataLoader<string, EngagementEntity[]>;
  readonly sectorsOfInitiative: DataLoader<string, Sector[]>;
  private readonly memberPages = new Map<string, DataLoader<string, Page<InitiativeMembershipEntity>>>();

  /** `seesRestricted`: whether the request's user may see restricted persons among the members. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly seesRestricted = false,
  ) {
    const em = dataSource.manager;
    this.initiative = new DataLoader(async (ids) => {
      const rows = await new InitiativeRepository(em).findByIds(ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.membershipsOfActor = new DataLoader(async (ids) => {
      const byActor = await new InitiativeMembershipRepository(em).byActors(ids);
      return ids.map((id) => byActor.get(id) ?? []);
    });
    this.engagementsOfActor = new DataLoader(async (ids) => {
      const byActor = await new EngagementRepository(em).byActors(ids);
      return ids.map((id) => byActor.get(id) ?? []);
    });
    this.sectorsOfInitiative = new DataLoader(async (ids) => {
      const byInitiative = await new InitiativeRepository(em).sectorsByInitiatives(ids);
      return ids.map((id) => byInitiative.get(id) ?? []);
    });
  }

  /** One loader per page shape: initiatives asking for the same page of members share one batch. */
  members(
    first: number,
    after: string | null | undefined,
  ): DataLoader<string, Page<InitiativeMembershipEntity>> {
    const key = `${first}:${after ?? ''}`;
    let loader = this.memberPages.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const pages = await new InitiativeMembershipRepository(this.dataSource.manager).pagesByInitiative(
          ids,
          first,
          after,
          this.seesRestricted,
        );
        return ids.map((id) => pages.get(id) as Page<InitiativeMembershipEntity>);
      });
      this.memberPages.set(key, loader);
    }
    return loader;
  }
}

const perRequest = new WeakMap<object, InitiativeLoaders>();

/** This request's loaders, made on first use and gone with the request. */
export function initiativeLoaders(ctx: GraphqlContext, dataSource: DataSource): InitiativeLoaders {
  let loaders = perRequest.get(ctx.req);
  if (!loaders) {
    loaders = new InitiativeLoaders(dataSource, viewerSeesRestricted(ctx));
    perRequest.set(ctx.req, loaders);
  }
  return loaders;
}
