import { ConsentSource } from '@crm/domain';
import type { ConsentRow } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from '../common/date.scalar';

registerEnumType(ConsentSource, {
  name: 'ConsentSource',
  description: 'Where a person gave their consent',
  valuesMap: {
    REGISTRATION_FORM: { description: 'A registration form (on the web)' },
    AT_THE_DOOR: { description: 'At the door of an event' },
    EMAIL: { description: 'By e-mail' },
    PAPER_FORM: { description: 'A signed paper form' },
    OTHER: { description: 'Another way' },
  },
});

@ObjectType({
  description:
    "A person's consent to the processing of their personal data, where the legal basis is CONSENT",
})
export class Consent {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLDate, { description: 'The day the consent was given' }) givenOn!: string;
  @Field({ description: 'The version of the consent text the person agreed to' }) textVersion!: string;
  @Field(() => ConsentSource) source!: ConsentSource;
  @Field(() => GraphQLDate, { nullable: true, description: 'The day it was withdrawn; null while open' })
  withdrawnOn!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded' }) recordedAt!: Date;

  static from(row: ConsentRow): Consent {
    return Object.assign(new Consent(), {
      id: row.id,
      givenOn: row.givenOn,
      textVersion: row.textVersion,
      source: row.source,
      withdrawnOn: row.withdrawnOn,
      recordedAt: row.createdAt,
    });
  }
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID, { description: 'A person whose legal basis is CONSENT' }) actorId!: string;
  @Field(() => GraphQLDate, { description: 'Not in the future' }) givenOn!: string;
  @Field({ description: 'The version of the consent text, 1–100 characters (e.g. "2026-1")' })
  textVersion!: string;
  @Field(() => ConsentSource) source!: ConsentSource;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID, { description: 'A person with an open consent' }) actorId!: string;
  @Field(() => GraphQLDate, { description: 'Not in the future, not before the consent was given' })
  withdrawnOn!: string;
}
