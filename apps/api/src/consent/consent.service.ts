import {
  ActorKind,
  DomainValidationError,
  LegalBasis,
  requireConsentDate,
  requireConsentTextVersion,
} from '@crm/domain';
import { AuditRepository, ConsentRepository, ConsentRow, UserEntity } from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseId } from '../common/ids';
import { ConstraintMessages, translateConstraint } from '../common/transaction';
import { ANONYMISED_REFUSALS, requireWritableActor } from '../restriction/writable-actor';
import { RecordConsentInput, WithdrawConsentInput } from './consent.model';

const CONSENT_CONSTRAINTS: ConstraintMessages = {
  consent_one_open_idx: ['actorId', 'already has an open consent; withdraw it first'],
  consent_actor_id_fkey: ['actorId', 'no actor has this ID'],
};

/**
 * Consent where a person's legal basis is CONSENT: recording it and its withdrawal, one transaction
 * and one audit row (field names only) per action. A person with no open consent is left out of
 * invitations (the actor filter `invitable`).
 */
@Injectable()
export class ConsentService {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: RecordConsentInput, user: UserEntity): Promise<ConsentRow> {
    const actorId = parseId('actorId', input.actorId);
    const givenOn = requireConsentDate('givenOn', input.givenOn);
    const textVersion = requireConsentTextVersion(input.textVersion);
    return this.write(async (em) => {
      await this.consentingPerson(em, actorId, user, ANONYMISED_REFUSALS.consent);
      const consents = new ConsentRepository(em);
      if (await consents.open(actorId))
        throw new DomainValidationError('actorId', 'already has an open consent; withdraw it first');
      const consent = await consents.insert({ actorId, givenOn, textVersion, source: input.source }, user.id);
      await new AuditRepository(em).record(user.id, 'create', 'consent', consent.id, [
        'actorId',
        'givenOn',
        'textVersion',
        'source',
      ]);
      return consent;
    });
  }

  async withdraw(input: WithdrawConsentInput, user: UserEntity): Promise<ConsentRow> {
    const actorId = parseId('actorId', input.actorId);
    const withdrawnOn = requireConsentDate('withdrawnOn', input.withdrawnOn);
    return this.write(async (em) => {
      // Withdrawing ends processing, so it is taken for an anonymised person too.
      await this.consentingPerson(em, actorId, user, null);
      const consents = new ConsentRepository(em);
      const open = await consents.open(actorId);
      if (!open) throw new DomainValidationError('actorId', 'has no open consent to withdraw');
      if (withdrawnOn < open.givenOn)
        throw new DomainValidationError('withdrawnOn', 'must not be before the consent was given');
      const withdrawn = await consents.withdraw(open.id, withdrawnOn);
      await new AuditRepository(em).record(user.id, 'withdraw', 'consent', open.id, ['withdrawnOn']);
      return withdrawn;
    });
  }

  /**
   * The actor, locked (one consent write per person at a time), visible to the user: it must be a
   * person whose legal basis is CONSENT.
   */
  private async consentingPerson(
    em: EntityManager,
    actorId: string,
    user: UserEntity,
    anonymised: string | null,
  ): Promise<void> {
    const actor = await requireWritableActor(em, actorId, 'actorId', user, {
      anonymised,
      lock: 'FOR UPDATE',
    });
    if (actor.kind !== ActorKind.PERSON)
      throw new DomainValidationError('actorId', 'is an organisation; consent applies to persons');
    if (actor.legalBasis !== LegalBasis.CONSENT)
      throw new DomainValidationError('actorId', 'has a legal basis other than CONSENT');
  }

  private async write(work: (em: EntityManager) => Promise<ConsentRow>): Promise<ConsentRow> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      throw translateConstraint(error, CONSENT_CONSTRAINTS);
    }
  }
}
