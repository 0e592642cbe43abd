import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { PersonalDataExport } from './personal-data-export.model';
import { PersonalDataExportService } from './personal-data-export.service';

/** Register extracts (GDPR art. 15): produced and listed by administrators only. */
@Resolver(() => PersonalDataExport)
@Requires(Permission.EXPORT_PERSONAL_DATA)
export class PersonalDataExportResolver {
  constructor(private readonly service: PersonalDataExportService) {}

  @Mutation(() => PersonalDataExport, {
    description:
      'Produces a register extract of everything held about a person (not an organisation), kept for seven ' +
      'days; logged in the audit trail and the access log',
  })
  @RateLimit('exports')
  async personalDataExport(
    @Args('actorId', { type: () => ID }) actorId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<PersonalDataExport> {
    return PersonalDataExport.from(await this.service.produce(actorId, user));
  }

  @Query(() => [PersonalDataExport], {
    description: "A person's register extracts that have not expired, newest first",
  })
  async personalDataExports(
    @Args('actorId', { type: () => ID }) actorId: string,
  ): Promise<PersonalDataExport[]> {
    return (await this.service.list(actorId)).map(PersonalDataExport.from);
  }
}
