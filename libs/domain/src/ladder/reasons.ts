import { participationRoleLabelSv, ParticipationRole } from '../enums';
import { EvidenceKind } from './rules';
import { ladderStepLabelEn, ladderStepLabelSv } from './steps';
import { LadderReasonRef } from './timeline';

/** Names the reason's records point at, looked up by the caller. */
export interface ReasonNames {
  eventTitle?: string | null;
  initiativeName?: string | null;
  /** Set when the record is one of an organisation's people rather than the actor's own. */
  viaPersonName?: string | null;
}

const roleEn: Record<string, string> = {
  AUDIENCE: 'audience',
  PANELIST: 'panelist',
  SPEAKER: 'speaker',
  MODERATOR: 'moderator',
  ORGANISER: 'organiser',
  MEMBER: 'member',
  PARTNER: 'partner',
  LEAD: 'lead',
};
const roleSv: Record<string, string> = {
  ...Object.fromEntries(Object.entries(participationRoleLabelSv).map(([k, v]) => [k, v.toLowerCase()])),
  MEMBER: 'medlem',
  PARTNER: 'partner',
  LEAD: 'ledare',
};

/** A reason in words a strategist understands, in English and Swedish. */
export function describeReason(
  reason: LadderReasonRef,
  names: ReasonNames = {},
): { text: string; textSv: string } {
  const event = names.eventTitle ?? 'ett evenemang';
  const eventEn = names.eventTitle ?? 'an event';
  const initiative = names.initiativeName ?? 'ett initiativ';
  const initiativeEn = names.initiativeName ?? 'an initiative';
  const on = reason.occurredOn;
  let en: string;
  let sv: string;
  switch (reason.evidence) {
    case EvidenceKind.ATTENDED_EVENT:
      en = `attended “${eventEn}” on ${on}`;
      sv = `deltog i ”${event}” ${on}`;
      break;
    case EvidenceKind.STAGE_ROLE:
    case EvidenceKind.LEADING_ROLE:
      en = `was ${roleEn[reason.detail] ?? reason.detail} at “${eventEn}” on ${on}`;
      sv = `medverkade som ${roleSv[reason.detail as ParticipationRole] ?? reason.detail} vid ”${event}” ${on}`;
      break;
    case EvidenceKind.INPUT:
      en = `contributed formulated input on ${on}`;
      sv = `lämnade ett inspel ${on}`;
      break;
    case EvidenceKind.WORKING_GROUP:
      en = `joined the working group “${initiativeEn}” on ${on}`;
      sv = `gick med i arbetsgruppen ”${initiative}” ${on}`;
      break;
    case EvidenceKind.CROSS_SECTOR_COLLABORATION:
      en = `became ${roleEn[reason.detail] ?? reason.detail} in the cross-sector collaboration “${initiativeEn}” on ${on}`;
      sv = `blev ${roleSv[reason.detail] ?? reason.detail} i samverkansprocessen ”${initiative}” över flera sektorer ${on}`;
      break;
    case EvidenceKind.OWN_INITIATIVE_LEAD:
      en = `leads the own initiative “${initiativeEn}” since ${on}`;
      sv = `driver det egna initiativet ”${initiative}” sedan ${on}`;
      break;
    case EvidenceKind.POLICY_OR_IMPLEMENTATION:
      en =
        reason.detail === 'IMPLEMENTATION'
          ? `implemented a new solution on ${on}`
          : `influenced policy on ${on}`;
      sv = reason.detail === 'IMPLEMENTATION' ? `genomförde en ny lösning ${on}` : `påverkade policy ${on}`;
      break;
  }
  const via = names.viaPersonName;
  return {
    text: `${ladderStepLabelEn[reason.rule]}: ${via ? `${via} ` : ''}${en}`,
    textSv: `${ladderStepLabelSv[reason.rule]}: ${via ? `${via} ` : ''}${sv}`,
  };
}
