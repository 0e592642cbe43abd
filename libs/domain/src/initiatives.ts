import { isCalendarDate } from './ladder/calendar';
import { DomainValidationError } from './validation';

/** What kind of initiative an actor can belong to; the kind weighs on the engagement ladder. */
export enum InitiativeKind {
  WORKING_GROUP = 'WORKING_GROUP',
  COLLABORATION = 'COLLABORATION',
  OWN_INITIATIVE = 'OWN_INITIATIVE',
}

/** Declared in ascending order of responsibility. */
export enum InitiativeRole {
  MEMBER = 'MEMBER',
  PARTNER = 'PARTNER',
  LEAD = 'LEAD',
}

/** Engagement beyond attendance, recorded by staff. */
export enum EngagementKind {
  INPUT = 'INPUT',
  POLICY_INFLUENCE = 'POLICY_INFLUENCE',
  IMPLEMENTATION = 'IMPLEMENTATION',
}

export const initiativeKindLabelSv: Record<InitiativeKind, string> = {
  [InitiativeKind.WORKING_GROUP]: 'Arbetsgrupp',
  [InitiativeKind.COLLABORATION]: 'Samverkan',
  [InitiativeKind.OWN_INITIATIVE]: 'Eget initiativ',
};

export const initiativeRoleLabelSv: Record<InitiativeRole, string> = {
  [InitiativeRole.MEMBER]: 'Medlem',
  [InitiativeRole.PARTNER]: 'Partner',
  [InitiativeRole.LEAD]: 'Ledare',
};

export const engagementKindLabelSv: Record<EngagementKind, string> = {
  [EngagementKind.INPUT]: 'Inspel',
  [EngagementKind.POLICY_INFLUENCE]: 'Påverkan på policy',
  [EngagementKind.IMPLEMENTATION]: 'Genomförande',
};

/** Checks a calendar date given for `field`, answering it unchanged. */
export function requireCalendarDate(field: string, value: unknown): string {
  if (!isCalendarDate(value)) throw new DomainValidationError(field, 'must be a date as YYYY-MM-DD');
  return value;
}

/**
 * A membership may start before its initiative did (field notes are often written late), but it
 * cannot end before it started.
 */
export function validateMembershipDates(joinedOn: string, leftOn: string | null | undefined): void {
  requireCalendarDate('joinedOn', joinedOn);
  if (leftOn == null) return;
  requireCalendarDate('leftOn', leftOn);
  // 'YYYY-MM-DD' strings sort like the dates they name.
  if (leftOn < joinedOn) throw new DomainValidationError('leftOn', 'must not be before joinedOn');
}

export const MAX_NOTE_LENGTH = 2000;

/** A free-text note: trimmed, blank means none, at most MAX_NOTE_LENGTH characters. */
export function normaliseNote(raw: string | null | undefined, field = 'note'): string | null {
  const note = (raw ?? '').normalize('NFC').trim();
  if (note === '') return null;
  if ([...note].length > MAX_NOTE_LENGTH) {
    throw new DomainValidationError(field, `must be at most ${MAX_NOTE_LENGTH} characters`);
  }
  return note;
}
