import { Module } from '@nestjs/common';

/** Anonymisation and deletion of persons, leaving every reported figure unchanged (issue 12, item 3). */
@Module({
  providers: [],
})
export class AnonymisationModule {}
