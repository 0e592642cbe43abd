import { Module } from '@nestjs/common';
import { LadderModule } from '../ladder/ladder.module';
import { DuplicatesResolver } from './duplicates.resolver';
import { DuplicatesService } from './duplicates.service';

/** Duplicate candidates (found when actors are created or imported) and merging actors who are one. */
@Module({
  imports: [LadderModule],
  providers: [DuplicatesResolver, DuplicatesService],
})
export class DuplicatesModule {}
