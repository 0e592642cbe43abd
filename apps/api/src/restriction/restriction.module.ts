import { Module } from '@nestjs/common';
import { RestrictionResolver } from './restriction.resolver';
import { RestrictionService } from './restriction.service';

/** Restriction of processing (GDPR art. 18): hidden from everyone but ADMIN, still counted (issue 12, item 2). */
@Module({
  providers: [RestrictionResolver, RestrictionService],
})
export class RestrictionModule {}
