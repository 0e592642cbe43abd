import { Module } from '@nestjs/common';

/** Restriction of processing (GDPR art. 18): hidden from everyone but ADMIN, still counted (issue 12, item 2). */
@Module({
  providers: [],
})
export class RestrictionModule {}
