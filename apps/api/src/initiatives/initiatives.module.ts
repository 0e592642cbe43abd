import { Module } from '@nestjs/common';
import { LadderModule } from '../ladder/ladder.module';
import {
  ActorInitiativesResolver,
  EngagementsResolver,
  InitiativeMembershipsResolver,
  InitiativesResolver,
} from './initiatives.resolver';
import { InitiativesService } from './initiatives.service';

/** Initiatives, memberships and recorded engagements: the ladder's evidence beyond attendance. */
@Module({
  imports: [LadderModule],
  providers: [
    InitiativesResolver,
    InitiativeMembershipsResolver,
    EngagementsResolver,
    ActorInitiativesResolver,
    InitiativesService,
  ],
})
export class InitiativesModule {}
