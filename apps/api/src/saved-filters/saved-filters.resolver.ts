import { Permission } from '@crm/domain';
import { UserEntity } from '@crm/persistence';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Requires } from '../auth/decorators';
import { SavedFilter, SavedFilterPage, SaveFilterInput } from './saved-filter.model';
import { SavedFiltersService } from './saved-filters.service';

/** A user's own saved filters: the roles that read personal data (not the committee). */
@Resolver(() => SavedFilter)
@Requires(Permission.READ_PERSONAL_DATA)
export class SavedFiltersResolver {
  constructor(private readonly service: SavedFiltersService) {}

  @Query(() => [SavedFilter], { description: 'The signed-in user’s own saved filters for the page, by name' })
  async savedFilters(
    @Args('page', { type: () => SavedFilterPage }) page: SavedFilterPage,
    @CurrentUser() user: UserEntity,
  ): Promise<SavedFilter[]> {
    return (await this.service.list(user, page)).map(SavedFilter.from);
  }

  @Mutation(() => SavedFilter, {
    description:
      'Saves a filter under a name, replacing the one the user already has under that page and name. ' +
      'BAD_USER_INPUT names `filter` when it is not a JSON object or is larger than 8 KB, `name` when empty or over 100.',
  })
  async saveFilter(
    @Args('input') input: SaveFilterInput,
    @CurrentUser() user: UserEntity,
  ): Promise<SavedFilter> {
    return SavedFilter.from(await this.service.save(user, input));
  }

  @Mutation(() => Boolean, {
    description: 'Deletes one of the user’s own saved filters; any other id answers BAD_USER_INPUT `id`',
  })
  deleteSavedFilter(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: UserEntity,
  ): Promise<boolean> {
    return this.service.delete(user, id);
  }
}
