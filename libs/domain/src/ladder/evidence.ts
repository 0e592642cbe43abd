import { addMonths, CalendarDate } from './calendar';
import { EvidenceKind } from './rules';

/** The records the ladder reads, as plain data (the worker loads them; tests build them by hand). */
export interface ParticipationEvidence {
  id: string;
  actorId: string;
  eventId: string;
  /** The event's start as a date in Europe/Stockholm. */
  eventDate: CalendarDate;
  role: string;
  /** Only ATTENDED counts. */
  status: string;
}

export interface MembershipEvidence {
  id: string;
  actorId: string;
  initiativeId: string;
  initiativeKind: string;
  /** Distinct penta-helix sectors among everyone who has been a member of the initiative. */
  initiativeSectorCount: number;
  role: string;
  joinedOn: CalendarDate;
  leftOn: CalendarDate | null;
}

export interface EngagementEvidence {
  id: string;
  actorId: string;
  kind: string;
  occurredOn: CalendarDate;
  eventId: string | null;
  initiativeId: string | null;
}

export interface ActorEvidence {
  participations: ParticipationEvidence[];
  memberships: MembershipEvidence[];
  engagements: EngagementEvidence[];
}

export type EvidenceSource = 'PARTICIPATION' | 'MEMBERSHIP' | 'ENGAGEMENT';

/** One record, classified, with the dates during which it counts. */
export interface EvidenceItem {
  actorId: string;
  source: EvidenceSource;
  sourceId: string;
  kinds: EvidenceKind[];
  /** Role at the event or in the initiative, or the engagement's kind. */
  detail: string;
  occurredOn: CalendarDate;
  /** First day it counts. */
  from: CalendarDate;
  /** First day it no longer counts; null while it still runs (a membership not left). */
  until: CalendarDate | null;
  eventId: string | null;
  initiativeId: string | null;
  engagementId: string | null;
}

/**
 * What each record shows. The SQL recomputation classifies the same way (see
 * libs/persistence/src/ladder/ladder-sql.ts); the property test holds the two together.
 */
export function classify(evidence: ActorEvidence, windowMonths: number): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  for (const p of evidence.participations) {
    if (p.status !== 'ATTENDED') continue;
    const kinds = [EvidenceKind.ATTENDED_EVENT];
    if (p.role === 'PANELIST' || p.role === 'SPEAKER') kinds.push(EvidenceKind.STAGE_ROLE);
    if (p.role === 'MODERATOR' || p.role === 'ORGANISER') kinds.push(EvidenceKind.LEADING_ROLE);
    items.push({
      actorId: p.actorId,
      source: 'PARTICIPATION',
      sourceId: p.id,
      kinds,
      detail: p.role,
      occurredOn: p.eventDate,
      from: p.eventDate,
      until: addMonths(p.eventDate, windowMonths),
      eventId: p.eventId,
      initiativeId: null,
      engagementId: null,
    });
  }
  for (const m of evidence.memberships) {
    const kinds: EvidenceKind[] = [];
    if (m.initiativeKind === 'WORKING_GROUP') kinds.push(EvidenceKind.WORKING_GROUP);
    if (
      m.initiativeKind === 'COLLABORATION' &&
      (m.role === 'PARTNER' || m.role === 'LEAD') &&
      m.initiativeSectorCount >= 2
    ) {
      kinds.push(EvidenceKind.CROSS_SECTOR_COLLABORATION);
    }
    if (m.initiativeKind === 'OWN_INITIATIVE' && m.role === 'LEAD')
      kinds.push(EvidenceKind.OWN_INITIATIVE_LEAD);
    if (!kinds.length) continue;
    items.push({
      actorId: m.actorId,
      source: 'MEMBERSHIP',
      sourceId: m.id,
      kinds,
      detail: m.role,
      occurredOn: m.joinedOn,
      from: m.joinedOn,
      until: m.leftOn === null ? null : addMonths(m.leftOn, windowMonths),
      eventId: null,
      initiativeId: m.initiativeId,
      engagementId: null,
    });
  }
  for (const e of evidence.engagements) {
    const kind = e.kind === 'INPUT' ? EvidenceKind.INPUT : EvidenceKind.POLICY_OR_IMPLEMENTATION;
    items.push({
      actorId: e.actorId,
      source: 'ENGAGEMENT',
      sourceId: e.id,
      kinds: [kind],
      detail: e.kind,
      occurredOn: e.occurredOn,
      from: e.occurredOn,
      until: addMonths(e.occurredOn, windowMonths),
      eventId: e.eventId,
      initiativeId: e.initiativeId,
      engagementId: e.id,
    });
  }
  return items;
}
