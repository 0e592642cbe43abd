import { Module } from '@nestjs/common';
import { ActorsService } from '../actors/actors.service';
import { LadderModule } from '../ladder/ladder.module';
import { AttendanceResolver } from './attendance.resolver';
import { AttendanceService } from './attendance.service';

/** At the door: finding participants while typing, walk-ins and the event's head count. */
@Module({
  imports: [LadderModule],
  // ActorsService holds no state: this module's own instance validates walk-ins as createPerson does.
  providers: [AttendanceResolver, AttendanceService, ActorsService],
})
export class AttendanceModule {}
