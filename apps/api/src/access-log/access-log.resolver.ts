import { DomainValidationError, Permission } from '@crm/domain';
import { AccessLogRepository, pageSize } from '@crm/persistence';
import { Args, GraphQLISODateTime, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Requires } from '../auth/decorators';
import { toConnection } from '../common/connection';
import { parseId } from '../common/ids';
import { AccessLogEntry, AccessLogEntryConnection, AccessLogSummary } from './access-log.models';

const MAX_SUMMARY_WEEKS = 104;

/** Who read whose personal data, and the weekly follow-up: ADMIN only (READ_ACCESS_LOG). */
@Resolver()
@Requires(Permission.READ_ACCESS_LOG)
export class AccessLogResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => AccessLogEntryConnection, {
    description:
      "Reads of persons' personal data, newest first: by one person (actorId: the reads that included them), " +
      'one user, and/or a time span (from and to inclusive). BAD_USER_INPUT names a bad id, `from` after `to`, or a bad cursor.',
  })
  async accessLog(
    @Args('actorId', { type: () => ID, nullable: true }) actorId: string | null,
    @Args('userId', { type: () => ID, nullable: true }) userId: string | null,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true }) from: Date | null,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true }) to: Date | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const filter = {
      actorId: actorId === null || actorId === undefined ? null : parseId('actorId', actorId),
      userId: userId === null || userId === undefined ? null : parseId('userId', userId),
      from: from ?? null,
      to: to ?? null,
    };
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new DomainValidationError('from', 'must not be after `to`');
    }
    const page = await new AccessLogRepository(this.dataSource.manager).page(filter, pageSize(first), after);
    return toConnection(page, AccessLogEntry.from);
  }

  @Query(() => [AccessLogSummary], {
    description:
      'The weekly follow-up of the access log (made Mondays 06:00 Europe/Stockholm for the week before), newest week first; first 1–104, default 8',
  })
  async accessLogSummaries(
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<AccessLogSummary[]> {
    const weeks = first ?? 8;
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_SUMMARY_WEEKS) {
      throw new DomainValidationError('first', `must be an integer from 1 to ${MAX_SUMMARY_WEEKS}`);
    }
    return (await new AccessLogRepository(this.dataSource.manager).summaries(weeks)).map(
      AccessLogSummary.from,
    );
  }
}
