import {
  ActorKind,
  DomainValidationError,
  isMunicipalityCode,
  LadderStep,
  LegalBasis,
  levelOf,
  Location,
  normaliseEmail,
  normaliseOrganisationNumber,
  requireName,
  resolveLocation,
  stockholmDate,
  requireSubRegion,
} from '@crm/domain';
import {
  ActorEntity,
  ActorFilter,
  ActorRepository,
  ActorValues,
  AuditRepository,
  DuplicateRepository,
  LadderFilter,
  Page,
  pageSize,
  ReferenceRepository,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import {
  ANONYMISED_REFUSALS,
  requireEmailNotHidden,
  requireWritableActor,
} from '../restriction/writable-actor';
import { LadderNotifier } from '../ladder/ladder-notifier.service';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import {
  ActorFilterInput,
  CreateOrganisationInput,
  CreatePersonInput,
  UpdateActorInput,
} from './actor.inputs';

const ACTOR_CONSTRAINTS: ConstraintMessages = {
  actor_email_key: ['email', 'is already registered for another person'],
  actor_organisation_number_key: ['organisationNumber', 'is already registered for another organisation'],
  actor_organisation_fkey: ['organisationId', 'is not an organisation'],
};

@Injectable()
export class ActorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ladder: LadderNotifier,
  ) {}

  /** The actor; null for an unknown id, and for a restricted person unless `seesRestricted`. */
  async get(id: string, seesRestricted = false): Promise<ActorEntity | null> {
    const actor = await new ActorRepository(this.dataSource.manager).findById(parseId('id', id));
    return actor && (seesRestricted || !actor.restrictedAt) ? actor : null;
  }

  async page(
    filter: ActorFilterInput,
    first: number | null | undefined,
    after: string | null | undefined,
    seesRestricted = false,
  ): Promise<Page<ActorEntity>> {
    return new ActorRepository(this.dataSource.manager).page(
      checkedFilter(filter, seesRestricted),
      pageSize(first),
      after,
    );
  }

  /**
   * The actors behind one cell of the movement matrix (ladderTransitions with the same dates and
   * filter): on `fromStep` on `from` and on `toStep` on `to`, null meaning not engaged that day.
   */
  async transitionPage(
    transition: { from: string; to: string; fromStep: LadderStep | null; toStep: LadderStep | null },
    filter: LadderFilter,
    first: number | null | undefined,
    after: string | null | undefined,
    seesRestricted = false,
  ): Promise<Page<ActorEntity>> {
    if (transition.to < transition.from) throw new DomainValidationError('to', 'must not be before from');
    if (!transition.fromStep && !transition.toStep) {
      throw new DomainValidationError('toStep', 'fromStep or toStep must be a step');
    }
    if (filter.subRegion) requireSubRegion(filter.subRegion);
    return new ActorRepository(this.dataSource.manager).pageInTransition(
      {
        from: transition.from,
        to: transition.to,
        fromLevel: transition.fromStep ? levelOf(transition.fromStep) : null,
        toLevel: transition.toStep ? levelOf(transition.toStep) : null,
      },
      filter,
      pageSize(first),
      after,
      seesRestricted,
    );
  }

  createOrganisation(input: CreateOrganisationInput, user: UserEntity): Promise<ActorEntity> {
    return this.write(async (em) => {
      const values: ActorValues = {
        kind: ActorKind.ORGANISATION,
        name: requireName('name', input.name),
        email: null,
        title: null,
        organisationId: null,
        gender: null,
        sector: input.sector,
        ...(await this.location(em, input)),
        organisationNumber: normaliseOrganisationNumber(input.organisationNumber),
        legalBasis: LegalBasis.PUBLIC_INTEREST,
      };
      const actor = await new ActorRepository(em).insert(values, user.id);
      await new DuplicateRepository(em).scanFor([actor.id]);
      await new AuditRepository(em).record(user.id, 'create', 'actor', actor.id, Object.keys(input));
      return { actor };
    });
  }

  createPerson(input: CreatePersonInput, user: UserEntity): Promise<ActorEntity> {
    return this.write(async (em) => {
      const values = await this.personValues(em, input);
      await requireEmailNotHidden(em, values.email, null, user);
      const actor = await new ActorRepository(em).insert(values, user.id);
      await new DuplicateRepository(em).scanFor([actor.id]);
      await new AuditRepository(em).record(user.id, 'create', 'actor', actor.id, Object.keys(input));
      return { actor };
    });
  }

  /**
   * Validates a new person's input into the values to store: the organisation must exist, the sector
   * and location default to the organisation's. Shared by createPerson and the walk-in desk, so both
   * refuse the same input with the same field errors. Runs on the caller's transaction.
   */
  async personValues(em: EntityManager, input: CreatePersonInput): Promise<ActorValues> {
    const organisation = input.organisationId ? await this.organisation(em, input.organisationId) : null;
    const sector = input.sector ?? organisation?.sector;
    if (!sector) throw new DomainValidationError('sector', 'is required when the person has no organisation');
    const inheritsLocation = organisation && !input.municipalityCode && !input.country;
    return {
      kind: ActorKind.PERSON,
      name: requireName('name', input.name),
      email: normaliseEmail(input.email),
      title: optionalText('title', input.title),
      organisationId: organisation?.id ?? null,
      gender: input.gender ?? null,
      sector,
      ...(inheritsLocation
        ? { municipalityCode: organisation.municipalityCode, country: organisation.country }
        : await this.location(em, input)),
      organisationNumber: null,
      legalBasis: input.legalBasis ?? LegalBasis.PUBLIC_INTEREST,
    };
  }

  updateActor(id: string, input: UpdateActorInput, user: UserEntity): Promise<ActorEntity> {
    return this.write(async (em) => {
      const actors = new ActorRepository(em);
      const current = await requireWritableActor(em, parseId('id', id), 'id', user, {
        anonymised: ANONYMISED_REFUSALS.edit,
        lock: 'FOR UPDATE',
      });
      const given = (field: keyof UpdateActorInput) => input[field] !== undefined;
      const isPerson = current.kind === ActorKind.PERSON;
      for (const field of ['email', 'title', 'gender', 'organisationId'] as const) {
        if (!isPerson && input[field] != null)
          throw new DomainValidationError(field, 'applies to persons only');
      }
      if (isPerson && input.organisationNumber != null) {
        throw new DomainValidationError('organisationNumber', 'applies to organisations only');
      }
      if (given('sector') && input.sector === null)
        throw new DomainValidationError('sector', 'cannot be cleared');
      if (given('legalBasis') && input.legalBasis === null)
        throw new DomainValidationError('legalBasis', 'cannot be cleared');

      let organisationId = current.organisationId;
      if (given('organisationId')) {
        organisationId = input.organisationId ? (await this.organisation(em, input.organisationId)).id : null;
        if (organisationId === current.id)
          throw new DomainValidationError('organisationId', 'cannot be the actor itself');
      }
      let location: Location = { municipalityCode: current.municipalityCode, country: current.country };
      if (given('municipalityCode') || given('country')) {
        // A foreign country given on its own means the actor moved abroad: the municipality goes.
        const municipalityCode = given('municipalityCode')
          ? input.municipalityCode
          : input.country && input.country.toUpperCase() !== 'SE'
            ? null
            : current.municipalityCode;
        const country = given('country') ? input.country : municipalityCode ? 'SE' : current.country;
        location = await this.location(em, { municipalityCode, country });
      }
      const values: ActorValues = {
        kind: current.kind,
        name: given('name') ? requireName('name', input.name) : current.name,
        email: given('email') ? normaliseEmail(input.email) : current.email,
        title: given('title') ? optionalText('title', input.title) : current.title,
        organisationId,
        gender: given('gender') ? (input.gender ?? null) : current.gender,
        sector: input.sector ?? current.sector,
        ...location,
        organisationNumber: given('organisationNumber')
          ? normaliseOrganisationNumber(input.organisationNumber)
          : current.organisationNumber,
        legalBasis: input.legalBasis ?? current.legalBasis,
      };
      if (given('email')) await requireEmailNotHidden(em, values.email, current.id, user);
      const updated = await actors.update(current.id, values, user.id);
      const changed = (Object.keys(input) as (keyof UpdateActorInput)[]).filter(given);
      await new AuditRepository(em).record(user.id, 'update', 'actor', current.id, changed);
      return { actor: updated, previousOrganisationId: current.organisationId };
    });
  }

  /**
   * One transaction per user action; a constraint the database raises becomes a field error. After
   * commit the worker hears of the actor and its organisations (a person joining or leaving an
   * organisation, or changing sector, can move them on the ladder).
   */
  private async write(
    work: (em: EntityManager) => Promise<{ actor: ActorEntity; previousOrganisationId?: string | null }>,
  ): Promise<ActorEntity> {
    let result: { actor: ActorEntity; previousOrganisationId?: string | null };
    try {
      result = await this.dataSource.transaction(work);
    } catch (error) {
      throw translateConstraint(error, ACTOR_CONSTRAINTS);
    }
    await this.ladder.notify([result.actor.id, result.actor.organisationId, result.previousOrganisationId]);
    return result.actor;
  }

  private async organisation(em: EntityManager, rawId: string): Promise<ActorEntity> {
    const organisation = await new ActorRepository(em).findById(parseId('organisationId', rawId));
    if (!organisation) throw new DomainValidationError('organisationId', 'no organisation has this ID');
    if (organisation.kind !== ActorKind.ORGANISATION) {
      throw new DomainValidationError('organisationId', 'is a person, not an organisation');
    }
    return organisation;
  }

  private async location(
    em: EntityManager,
    input: { municipalityCode?: string | null; country?: string | null },
  ): Promise<Location> {
    const code = input.municipalityCode?.trim();
    const known =
      code && isMunicipalityCode(code) ? await new ReferenceRepository(em).municipalityExists(code) : false;
    return resolveLocation(input, () => known);
  }
}

function optionalText(field: string, raw: string | null | undefined): string | null {
  const text = raw?.trim();
  return text ? requireName(field, text) : null;
}

/**
 * An actor filter from the API checked into the repository's terms (the ladder as of today in
 * Stockholm). `seesRestricted`: whether the viewer may see restricted persons (and ask for them).
 */
export function checkedFilter(filter: ActorFilterInput, seesRestricted = false): ActorFilter {
  const { ladderStep, minLevel, subRegion, withoutInitiativeKind, organisationId, restricted, ...rest } =
    filter;
  if (restricted !== null && restricted !== undefined && !seesRestricted) {
    throw new DomainValidationError('filter.restricted', 'only ADMIN (RESTRICT_PROCESSING) may filter on it');
  }
  if (minLevel !== null && minLevel !== undefined && (minLevel < 1 || minLevel > 5)) {
    throw new DomainValidationError('minLevel', 'must be from 1 to 5');
  }
  const region = subRegion ? requireSubRegion(subRegion) : null;
  return {
    ...rest,
    organisationId: organisationId ? parseId('organisationId', organisationId) : null,
    ladderLevel: ladderStep ? levelOf(ladderStep) : null,
    minLevel,
    ladderDay: stockholmDate(),
    municipalityCodes: region?.municipalityCodes ?? null,
    withoutInitiativeKind,
    restricted,
    seesRestricted,
  };
}
