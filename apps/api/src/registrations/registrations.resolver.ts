import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import { Participation } from '../participations/participation.model';
import { ParticipationItem, RegistrationImport } from './registration.models';
import { MAX_IMPORTS_LISTED, RegistrationsService } from './registrations.service';

@Resolver(() => RegistrationImport)
export class RegistrationsResolver {
  constructor(private readonly service: RegistrationsService) {}

  @Query(() => RegistrationImport, {
    nullable: true,
    description:
      'An uploaded registration list (POST /events/{eventId}/registrations/import): status and counts',
  })
  @Requires(Permission.READ_PERSONAL_DATA, Permission.WRITE_PARTICIPATIONS)
  async registrationImport(@Args('id', { type: () => ID }) id: string): Promise<RegistrationImport | null> {
    const record = await this.service.findImport(id);
    return record ? RegistrationImport.from(record) : null;
  }

  @Query(() => [RegistrationImport], {
    description: `An event's uploaded registration lists, newest first, at most \`first\` (1–${MAX_IMPORTS_LISTED})`,
  })
  @Requires(Permission.READ_PERSONAL_DATA, Permission.WRITE_PARTICIPATIONS)
  async registrationImports(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<RegistrationImport[]> {
    return (await this.service.importsOf(eventId, first ?? 20)).map((r) => RegistrationImport.from(r));
  }

  @Mutation(() => [Participation], {
    description:
      'Registers many at once, in one transaction: existing actors by id, persons matched by email (else a confident name match) or created',
  })
  @Requires(Permission.WRITE_PARTICIPATIONS, Permission.WRITE_ACTORS)
  async registerParticipations(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('items', { type: () => [ParticipationItem] }) items: ParticipationItem[],
    @CurrentUser() user: UserEntity,
  ): Promise<Participation[]> {
    return (await this.service.registerMany(eventId, items, user)).map((p) => Participation.from(p));
  }
}
