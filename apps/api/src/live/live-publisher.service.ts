import { APP_CONFIG, type AppConfig, AttendanceChangePublisher } from '@crm/persistence';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { LiveAttendance } from './live-attendance.service';

/**
 * What the services call after a transaction that changed an event's participations has
 * committed: every API process hears it through Redis (ids only) and pushes new counts to that
 * event's subscribers. Never throws and never holds a write up for long: if Redis does not answer
 * within half a second, this process's own subscribers are told directly and the others see the
 * change at the next notice (or by the web app's polling).
 */
@Injectable()
export class LivePublisher implements OnApplicationShutdown {
  private readonly logger = new Logger('LivePublisher');
  private readonly publisher: AttendanceChangePublisher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly live: LiveAttendance,
  ) {
    this.publisher = new AttendanceChangePublisher(config.REDIS_URL, config.QUEUE_PREFIX);
  }

  async attendanceChanged(eventIds: Iterable<string | null | undefined>): Promise<void> {
    const ids = [...new Set([...eventIds].filter((id): id is string => Boolean(id)))];
    if (!ids.length) return;
    try {
      await this.publisher.publish(ids);
    } catch (error) {
      this.logger.warn(`could not publish an attendance change: ${(error as Error).message}`);
      for (const id of ids) this.live.changed(id);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
  }
}
