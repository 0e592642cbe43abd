import { DomainValidationError, RefusalReason } from '@crm/domain';
import { ActorEntity, ActorWriteLock, RestrictionRepository, UserEntity } from '@crm/persistence';
import { EntityManager } from 'typeorm';
import { seesRestricted } from './restriction-visibility';

/** What a write answers for an actor the user may not know of: the same as for an id nobody has. */
export const NO_ACTOR_HAS_THIS_ID = 'no actor has this ID';

/** The neutral answer to an email held by a restricted person the user may not see. */
export const EMAIL_NOT_USABLE = 'this email cannot be used; ask an administrator';

/**
 * What each write answers for an anonymised person: after anonymisation no new evidence or personal
 * data is tied to the anonymous actor (figures of the past stay as they were).
 */
export const ANONYMISED_REFUSALS = {
  edit: 'anonymised persons cannot be changed',
  restrict: 'anonymised persons cannot be restricted',
  register: 'anonymised persons cannot be registered for events',
  checkIn: 'anonymised persons cannot be checked in',
  join: 'anonymised persons cannot join initiatives',
  engagement: 'anonymised persons cannot be given new engagements',
  consent: 'anonymised persons cannot be given a new consent',
} as const;

export interface WritableActorRule {
  /**
   * The refusal for an anonymised person, or null for a write that only ends or corrects what is
   * recorded (leaving an initiative, cancelling, withdrawing a consent, undoing a check-in).
   */
  anonymised: string | null;
  /** How the row is held until commit; FOR SHARE unless the write changes the actor row itself. */
  lock?: ActorWriteLock;
  /**
   * Whether a restricted person hidden from the user may still be written to: the door's exception
   * (issue 12, item 2). The caller then answers for the rest of the rule itself.
   */
  restrictedAtTheDoor?: boolean;
}

/**
 * The one check every write naming an actor id makes, in its transaction: the actor is locked until
 * commit (so a restriction or anonymisation cannot slip in between); an id nobody has, and a
 * restricted person the user may not see (RESTRICT_PROCESSING), are both "no actor has this ID",
 * so a refusal never tells that someone hidden exists; an anonymised person gets the write's refusal.
 * All name `field`, which becomes BAD_USER_INPUT, with the reason NOT_FOUND or ANONYMISED.
 */
export async function requireWritableActor(
  em: EntityManager,
  actorId: string,
  field: string,
  user: UserEntity,
  rule: WritableActorRule,
): Promise<ActorEntity> {
  const actor = await new RestrictionRepository(em).lockActor(actorId, rule.lock ?? 'FOR SHARE');
  if (!actor) throw new DomainValidationError(field, NO_ACTOR_HAS_THIS_ID, RefusalReason.NOT_FOUND);
  if (actor.restrictedAt && !seesRestricted(user) && !rule.restrictedAtTheDoor) {
    throw new DomainValidationError(field, NO_ACTOR_HAS_THIS_ID, RefusalReason.NOT_FOUND);
  }
  if (actor.anonymisedAt && rule.anonymised !== null) {
    throw new DomainValidationError(field, rule.anonymised, RefusalReason.ANONYMISED);
  }
  return actor;
}

/** Whether the actor is a restricted person hidden from the user. */
export function hiddenFrom(user: UserEntity, actor: ActorEntity): boolean {
  return !!actor.restrictedAt && !seesRestricted(user);
}

/**
 * Refuses an email held by a restricted person the user may not see, with a message that does not
 * say whether anyone has it (the unique index would otherwise answer "already registered"). Visible
 * holders, and every holder for ADMIN, are left to the index and its usual message.
 */
export async function requireEmailNotHidden(
  em: EntityManager,
  email: string | null,
  exceptActorId: string | null,
  user: UserEntity,
): Promise<void> {
  if (!email || seesRestricted(user)) return;
  if (await new RestrictionRepository(em).emailHeldByRestricted(email, exceptActorId)) {
    throw new DomainValidationError('email', EMAIL_NOT_USABLE, RefusalReason.EMAIL_NOT_USABLE);
  }
}
