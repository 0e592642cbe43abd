import { Module } from '@nestjs/common';
import { ConsentResolver } from './consent.resolver';
import { ConsentService } from './consent.service';

/** Consent where a person's legal basis is CONSENT (issue 12, item 6). */
@Module({
  providers: [ConsentResolver, ConsentService],
})
export class ConsentModule {}
