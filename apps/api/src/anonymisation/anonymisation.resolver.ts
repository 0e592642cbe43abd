import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import {
  Args,
  Context,
  GraphQLISODateTime,
  ID,
  Mutation,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Actor } from '../actors/actor.model';
import { CurrentUser, Requires } from '../auth/decorators';
import type { GraphqlContext } from '../auth/request-context';
import { AnonymisationService } from './anonymisation.service';

const REASON_DESCRIPTION =
  'The case or decision reference, 1–200 characters after trimming, e.g. a diary number ("Dnr 2026/123"). ' +
  'It is kept in the erasure ledger: write a reference, never personal data such as the name.';

/** Anonymisation and deletion of persons: ADMIN only (ERASE_PERSONAL_DATA). */
@Resolver(() => Actor)
export class AnonymisationResolver {
  constructor(private readonly service: AnonymisationService) {}

  @Mutation(() => Actor, {
    description:
      "Irreversibly anonymises a person: name replaced by 'Anonymiserad person', email, title and engagement " +
      'notes removed, duplicate candidates and rejected import rows about them deleted; kind, sector, ' +
      'municipality, gender, organisation and all evidence kept, so every figure stays the same. ' +
      'BAD_USER_INPUT `actorId` for an organisation, an unknown or an already anonymised actor; `reason` when blank or too long. ' +
      'extensions.reason: NOT_A_PERSON, NOT_FOUND, ANONYMISED; REQUIRED, TOO_LONG.',
  })
  @Requires(Permission.ERASE_PERSONAL_DATA)
  async anonymiseActor(
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('reason', { description: REASON_DESCRIPTION }) reason: string,
    @CurrentUser() user: UserEntity,
  ): Promise<Actor> {
    return Actor.from(await this.service.anonymise(actorId, reason, user));
  }

  @Mutation(() => ID, {
    description:
      'Deletes a person with no recorded evidence (no participation, membership, engagement or ladder period); ' +
      'answers the deleted ID. A person with evidence is refused (BAD_USER_INPUT `actorId`, extensions.reason ' +
      'HAS_EVIDENCE): anonymise instead. Also NOT_A_PERSON, NOT_FOUND, ANONYMISED; REQUIRED, TOO_LONG (`reason`).',
  })
  @Requires(Permission.ERASE_PERSONAL_DATA)
  async deleteActor(
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('reason', { description: REASON_DESCRIPTION }) reason: string,
    @CurrentUser() user: UserEntity,
  ): Promise<string> {
    return this.service.delete(actorId, reason, user);
  }

  @ResolveField(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the person was anonymised; null unless anonymised',
  })
  @Requires(Permission.READ_PERSONAL_DATA)
  async anonymisedAt(@Parent() actor: Actor, @Context() ctx: GraphqlContext): Promise<Date | null> {
    return (await ctx.loaders.actor.load(actor.id))?.anonymisedAt ?? null;
  }
}
