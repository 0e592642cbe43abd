import { Global, Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { LiveAttendanceResolver } from './live-attendance.resolver';
import { LiveAttendance } from './live-attendance.service';
import { LivePublisher } from './live-publisher.service';
import { LiveSocketServer } from './live-socket.service';

/**
 * Live attendance: the eventAttendanceChanged subscription over WebSocket, fed through Redis pub/sub
 * so every API process hears every change. Global: the services that change participations publish
 * through LivePublisher after their transactions commit.
 */
@Global()
@Module({
  imports: [RateLimitModule],
  providers: [LiveAttendance, LivePublisher, LiveSocketServer, LiveAttendanceResolver],
  exports: [LivePublisher, LiveAttendance],
})
export class LiveModule {}
