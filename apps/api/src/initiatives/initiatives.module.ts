import { Module } from '@nestjs/common';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import {
  ActorInitiativesResolver,
  EngagementsResolver,
  InitiativeMembershipsResolver,
  InitiativesResolver,
} from './initiatives.resolver';
import { InitiativesService } from './initiatives.service';

/** Initiatives, memberships and recorded engagements: the ladder's evidence beyond attendance. */
@Module({
  providers: [
    InitiativesResolver,
    InitiativeMembershipsResolver,
    EngagementsResolver,
    ActorInitiativesResolver,
    InitiativesService,
    LadderNotifier,
  ],
})
export class InitiativesModule {}
