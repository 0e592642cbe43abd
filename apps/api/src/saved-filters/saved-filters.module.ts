import { Module } from '@nestjs/common';
import { SavedFiltersResolver } from './saved-filters.resolver';
import { SavedFiltersService } from './saved-filters.service';

/** Named filters each user saves for a page (first the "whom to invite next" page). */
@Module({
  providers: [SavedFiltersResolver, SavedFiltersService],
})
export class SavedFiltersModule {}
