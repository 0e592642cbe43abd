import { ParticipationRole, ParticipationStatus } from '@crm/domain';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import '../common/enums';

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes a replay apply once: an offline device sends its queued actions again with the key each ' +
  'got when it was made, and the server applies each key at most once per user, answering the ' +
  'participation the first application answered. A UUID or 1–64 characters of A–Z, a–z, 0–9, _ ' +
  'and -; a key used before for another operation is refused (BAD_USER_INPUT, field idempotencyKey).';

export const OCCURRED_AT_DESCRIPTION =
  'When the check-in happened on the device (an offline replay). Recorded as the check-in time when ' +
  "it falls on the event's day(s) in Europe/Stockholm and is not in the future (5 minutes of clock " +
  "skew allowed); otherwise the server's time is. An earlier time than the one recorded moves the " +
  'check-in time earlier; a later one changes nothing.';

@InputType()
export class RegisterParticipationInput {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => ParticipationRole) role!: ParticipationRole;
  @Field(() => ParticipationStatus, {
    nullable: true,
    description: 'A new registration defaults to REGISTERED; an existing one keeps its status',
  })
  status?: ParticipationStatus | null;
}

@InputType()
export class CheckInInput {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => ID, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: `${OCCURRED_AT_DESCRIPTION} Ignored by undoCheckIn.`,
  })
  occurredAt?: Date | null;
}

@InputType()
export class CancelParticipationInput {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) actorId!: string;
}
