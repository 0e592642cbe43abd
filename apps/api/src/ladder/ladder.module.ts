import { Module } from '@nestjs/common';
import { LadderDisclosureService } from './ladder-disclosure.service';
import { LadderNotifier } from './ladder-notifier.service';
import { ActorLadderResolver, LadderResolver } from './ladder.resolver';
import { LadderService } from './ladder.service';

@Module({
  providers: [ActorLadderResolver, LadderResolver, LadderService, LadderNotifier, LadderDisclosureService],
  exports: [LadderNotifier],
})
export class LadderModule {}
