import { ACCESS_LOG_RULE, AccessLogEntryRow, AccessLogWeek, AccessLogWeekUser } from '@crm/persistence';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';
import { GraphQLDate } from '../common/date.scalar';

/** The staff user who read (a user account, not a person the CRM is about). */
@ObjectType()
export class AccessLogUser {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({
  description: "One read of persons' personal data: who, when, through what, and whose (ids only)",
})
export class AccessLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => AccessLogUser) user!: AccessLogUser;
  @Field({
    description:
      'The GraphQL root field that read the data (e.g. `actors`, `checkInSearch`, `updateActor`) or the export route (e.g. `GET /exports/actors.csv`)',
  })
  operation!: string;
  @Field(() => Int, { description: 'How many persons the read covered' }) personCount!: number;
  @Field(() => [ID], { description: 'The persons (actors of kind PERSON) whose data was read' })
  actorIds!: string[];

  static from(row: AccessLogEntryRow): AccessLogEntry {
    return Object.assign(new AccessLogEntry(), {
      id: row.id,
      at: row.at,
      user: { id: row.userId, name: row.userName },
      operation: row.operation,
      personCount: row.personCount,
      actorIds: row.actorIds,
    });
  }
}

export const AccessLogEntryConnection = Connection(AccessLogEntry, 'AccessLogEntry');

@ObjectType({ description: "One user's week in the access log" })
export class AccessLogUserWeek {
  @Field(() => AccessLogUser) user!: AccessLogUser;
  @Field(() => Int, { description: 'Reads (requests or exports) that returned personal data' })
  reads!: number;
  @Field(() => Int, { description: 'Distinct persons whose data was read' }) persons!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      `The user's median of distinct persons a week over the ${ACCESS_LOG_RULE.baselineWeeks} weeks ` +
      'before (weeks without reads as 0)',
  })
  baselineMedian!: number | null;
  @Field({
    description:
      `Unusual: more than ${ACCESS_LOG_RULE.ceiling} persons, or more than ${ACCESS_LOG_RULE.factor} times ` +
      `the baseline median and more than ${ACCESS_LOG_RULE.minimum} persons`,
  })
  flagged!: boolean;

  static from(u: AccessLogWeekUser): AccessLogUserWeek {
    return Object.assign(new AccessLogUserWeek(), {
      user: { id: u.userId, name: u.userName },
      reads: u.reads,
      persons: u.persons,
      baselineMedian: u.baselineMedian,
      flagged: u.flagged,
    });
  }
}

@ObjectType({
  description:
    'The weekly follow-up of the access log for the data protection officer: counts and users, never persons',
})
export class AccessLogSummary {
  @Field(() => GraphQLDate, { description: 'The Monday the week starts (Europe/Stockholm)' })
  weekStart!: string;
  @Field(() => GraphQLISODateTime) computedAt!: Date;
  @Field(() => Int) reads!: number;
  @Field(() => Int, { description: 'Users who read personal data in the week' }) users!: number;
  @Field(() => Int) flaggedUsers!: number;
  @Field(() => [AccessLogUserWeek], { description: 'Flagged first, then by persons read' })
  perUser!: AccessLogUserWeek[];

  static from(week: AccessLogWeek): AccessLogSummary {
    return Object.assign(new AccessLogSummary(), {
      weekStart: week.weekStart,
      computedAt: week.computedAt,
      reads: week.reads,
      users: week.users,
      flaggedUsers: week.flaggedUsers,
      perUser: week.perUser.map(AccessLogUserWeek.from),
    });
  }
}
