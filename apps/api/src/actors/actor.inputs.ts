import {
  ActorKind,
  Gender,
  InitiativeKind,
  LadderStep,
  LegalBasis,
  MeetingPlaceCode,
  Sector,
} from '@crm/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import '../common/enums';

@InputType()
export class CreateOrganisationInput {
  @Field() name!: string;
  @Field(() => Sector) sector!: Sector;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; defaults to SE' }) country?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Swedish organisationsnummer, NNNNNN-NNNN' })
  organisationNumber?: string | null;
}

@InputType()
export class CreatePersonInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field(() => Sector, { nullable: true, description: "Defaults to the organisation's sector" })
  sector?: Sector | null;
  @Field(() => String, { nullable: true, description: "Defaults to the organisation's location" })
  municipalityCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => LegalBasis, { nullable: true, description: 'Defaults to PUBLIC_INTEREST' })
  legalBasis?: LegalBasis | null;
}

/** Only the fields given change; null clears an optional field. */
@InputType()
export class UpdateActorInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field(() => Sector, { nullable: true }) sector?: Sector | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true }) organisationNumber?: string | null;
  @Field(() => LegalBasis, { nullable: true }) legalBasis?: LegalBasis | null;
}

@InputType()
export class ActorFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Part of a name or email; case- and accent-insensitive',
  })
  search?: string | null;
  @Field(() => ActorKind, { nullable: true }) kind?: ActorKind | null;
  @Field(() => Sector, { nullable: true }) sector?: Sector | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => MeetingPlaceCode, { nullable: true, description: 'Has a participation at this meeting place' })
  meetingPlace?: MeetingPlaceCode | null;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field(() => LadderStep, { nullable: true, description: 'Stands on this step today' })
  ladderStep?: LadderStep | null;
  @Field(() => Int, { nullable: true, description: 'Stands on this level (1–5) or higher today' }) minLevel?:
    number | null;
  @Field(() => String, { nullable: true, description: 'UMEA_REGION, INLAND or SKELLEFTEA' }) subRegion?:
    string | null;
  @Field(() => InitiativeKind, {
    nullable: true,
    description:
      'Has never been a member of an initiative of this kind (e.g. whom to invite to a working group)',
  })
  withoutInitiativeKind?: InitiativeKind | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only actors who may be invited: leaves out persons whose legal basis is CONSENT and who have no ' +
      'open consent (withdrawn, or never recorded), and restricted persons (GDPR art. 18) for everyone',
  })
  invitable?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only restricted persons (GDPR art. 18); false: none of them. RESTRICT_PROCESSING (ADMIN) ' +
      'only: others get BAD_USER_INPUT, field filter.restricted',
  })
  restricted?: boolean | null;
}
