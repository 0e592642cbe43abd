import { Module } from '@nestjs/common';
import { AnonymisationResolver } from './anonymisation.resolver';
import { AnonymisationService } from './anonymisation.service';

/** Anonymisation and deletion of persons, leaving every reported figure unchanged (issue 12, item 3). */
@Module({
  providers: [AnonymisationResolver, AnonymisationService],
})
export class AnonymisationModule {}
