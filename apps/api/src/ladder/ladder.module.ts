import { Module } from '@nestjs/common';
import { LadderNotifier } from './ladder-notifier.service';
import { ActorLadderResolver, LadderResolver } from './ladder.resolver';
import { LadderService } from './ladder.service';

@Module({
  providers: [ActorLadderResolver, LadderResolver, LadderService, LadderNotifier],
  exports: [LadderNotifier],
})
export class LadderModule {}
