import { ActorKind, Gender, LegalBasis, Sector } from '@crm/domain';
import { ActorEntity } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';
import '../common/enums';
import { MASKED_PERSON_NAME } from '../restriction/restriction-visibility';

@ObjectType({ description: 'Why and since when a person’s processing is restricted (GDPR art. 18)' })
export class ActorRestriction {
  @Field(() => GraphQLISODateTime) restrictedAt!: Date;
  @Field() reason!: string;
}

@ObjectType()
export class Actor {
  @Field(() => ID) id!: string;
  @Field(() => ActorKind) kind!: ActorKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => Gender, { nullable: true }) gender!: Gender | null;
  @Field(() => Sector) sector!: Sector;
  @Field({ description: 'ISO 3166-1 alpha-2; SE when a municipality is given' }) country!: string;
  @Field(() => String, { nullable: true }) organisationNumber!: string | null;
  @Field(() => LegalBasis) legalBasis!: LegalBasis;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field({
    description:
      'Processing restricted (GDPR art. 18): hidden from everyone but ADMIN, still counted. Where such a ' +
      `person cannot be left out (a door check-in's answer) others see "${MASKED_PERSON_NAME}" and no data`,
  })
  restricted!: boolean;
  organisationId!: string | null;
  municipalityCode!: string | null;
  /** The restriction's date and reason: only on an actor built for a viewer who may see them. */
  restriction!: ActorRestriction | null;
  /** Built for a viewer who may not see this restricted person: no personal data, not logged as a read. */
  masked!: boolean;

  /**
   * The actor as `seesRestricted` may see it: a restricted person shown to anyone but an ADMIN is
   * masked (the name "Skyddad person", no email, title, gender, organisation or municipality). The one
   * place restricted persons are masked; it fails closed: without a viewer, a restricted person is
   * masked for everyone.
   */
  static view(e: ActorEntity, seesRestricted: boolean): Actor {
    const restricted = e.restrictedAt !== null && e.restrictedAt !== undefined;
    if (restricted && !seesRestricted) return Actor.masked(e);
    return Object.assign(new Actor(), {
      id: e.id,
      kind: e.kind,
      name: e.name,
      email: e.email,
      title: e.title,
      gender: e.gender,
      sector: e.sector,
      country: e.country,
      organisationNumber: e.organisationNumber,
      legalBasis: e.legalBasis,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      restricted,
      organisationId: e.organisationId,
      municipalityCode: e.municipalityCode,
      restriction:
        restricted && e.restrictedAt
          ? { restrictedAt: e.restrictedAt, reason: e.restrictionReason ?? '' }
          : null,
      masked: false,
    });
  }

  /** A mapper for lists: each actor as `seesRestricted` may see it. */
  static viewFor(seesRestricted: boolean): (e: ActorEntity) => Actor {
    return (e) => Actor.view(e, seesRestricted);
  }

  /** As seen by someone who may not see restricted persons (fails closed; prefer {@link view}). */
  static from(e: ActorEntity): Actor {
    return Actor.view(e, false);
  }

  private static masked(e: ActorEntity): Actor {
    return Object.assign(new Actor(), {
      id: e.id,
      kind: e.kind,
      name: MASKED_PERSON_NAME,
      email: null,
      title: null,
      gender: null,
      sector: e.sector,
      country: e.country,
      organisationNumber: null,
      legalBasis: e.legalBasis,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      restricted: true,
      organisationId: null,
      municipalityCode: null,
      restriction: null,
      masked: true,
    });
  }
}

export const ActorConnection = Connection(Actor, 'Actor');
