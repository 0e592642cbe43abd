import { ActorKind, Gender, LegalBasis, Sector } from '@crm/domain';
import { ActorEntity } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';
import '../common/enums';

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
  organisationId!: string | null;
  municipalityCode!: string | null;

  static from(e: ActorEntity): Actor {
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
      organisationId: e.organisationId,
      municipalityCode: e.municipalityCode,
    });
  }
}

export const ActorConnection = Connection(Actor, 'Actor');
