import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A group and how many it counts' })
export class GroupCount {
  @Field({ description: 'A stable code (an enum value, a municipality code, OUTSIDE_SWEDEN, UNKNOWN, …)' })
  group!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: "An event's attendance, as the desk and the organisers follow it" })
export class EventAttendance {
  @Field(() => Int, {
    description: 'Registered in advance (source other than WALK_IN) and not CANCELLED',
  })
  registered!: number;
  @Field(() => Int, { description: 'Checked in (status ATTENDED), walk-ins included' })
  attended!: number;
  @Field(() => Int, {
    description:
      'Registered in advance and not attended (status REGISTERED or NO_SHOW): during the event those ' +
      'not yet arrived, after it the no-shows',
  })
  noShows!: number;
  @Field(() => Int, {
    description: 'Came without registration (source WALK_IN), not CANCELLED (an undone walk-in is cancelled)',
  })
  walkIns!: number;
  @Field(() => [GroupCount], {
    description: 'The attended by participation role; by count, highest first, then by group',
  })
  byRole!: GroupCount[];
  @Field(() => [GroupCount], { description: "The attended by the actor's sector" })
  bySector!: GroupCount[];
  @Field(() => [GroupCount], {
    description:
      'The attended by municipality code (4 digits); OUTSIDE_SWEDEN for an actor abroad, UNKNOWN for a ' +
      'Swedish actor without municipality',
  })
  byMunicipality!: GroupCount[];
  @Field(() => [GroupCount], { description: 'The attended by gender; NOT_STATED when none is recorded' })
  byGender!: GroupCount[];
}
