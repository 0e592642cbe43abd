import { Module } from '@nestjs/common';
import { ActorLadderResolver, LadderResolver } from './ladder.resolver';
import { LadderService } from './ladder.service';

@Module({ providers: [ActorLadderResolver, LadderResolver, LadderService] })
export class LadderModule {}
