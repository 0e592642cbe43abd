import {
  describeReason,
  engagementKindLabelSv,
  genderLabelSv,
  initiativeKindLabelSv,
  initiativeRoleLabelSv,
  LadderReasonRef,
  ladderStepLabelSv,
  legalBasisLabelSv,
  participationRoleLabelSv,
  participationSourceLabelSv,
  participationStatusLabelSv,
  sectorLabelSv,
  stepOf,
} from '@crm/domain';
import type { HeldPersonalData } from '@crm/persistence';
import { accessOperationSv, auditActionSv, changedFieldSv, duplicateReasonSv } from './extract-labels';

/** Who is responsible for the register and what the person may do: from the PRIVACY_* settings. */
export interface ExtractController {
  name: string;
  contactEmail: string;
  purpose: string;
  legalBasis: string;
  retention: string;
  rights: string;
}

/**
 * A register extract as it is stored (personal_data_export.content) and served as JSON; the PDF is
 * rendered from exactly this. Codes are kept beside their Swedish labels; instants are ISO strings,
 * calendar days YYYY-MM-DD. The labels added later (`reasonsSv`, `changedFieldsSv`, `operationSv`) are
 * optional: an extract stored before them is still rendered (it is kept for seven days).
 */
export interface RegisterExtract {
  format: 'registerutdrag/1';
  producedAt: string;
  controller: ExtractController;
  person: {
    id: string;
    name: string;
    email: string | null;
    title: string | null;
    gender: string | null;
    genderSv: string | null;
    sector: string;
    sectorSv: string;
    municipalityCode: string | null;
    municipalityName: string | null;
    country: string;
    organisationId: string | null;
    organisationName: string | null;
    legalBasis: string;
    legalBasisSv: string;
    registeredAt: string;
    updatedAt: string;
    restriction: { restrictedAt: string; reason: string } | null;
    anonymisedAt: string | null;
  };
  consents: {
    id: string;
    givenOn: string;
    textVersion: string;
    source: string;
    sourceSv: string;
    withdrawnOn: string | null;
    recordedAt: string;
  }[];
  participations: {
    id: string;
    eventId: string;
    eventTitle: string;
    eventStartsAt: string;
    meetingPlace: string;
    meetingPlaceName: string;
    role: string;
    roleSv: string;
    status: string;
    statusSv: string;
    source: string;
    sourceSv: string;
    checkedInAt: string | null;
    registeredAt: string;
  }[];
  checkIns: {
    id: string;
    participationId: string;
    eventTitle: string;
    checkedInAt: string;
    previousStatus: string | null;
    recordedAt: string;
    recordedBy: string | null;
  }[];
  memberships: {
    id: string;
    initiativeId: string;
    initiativeName: string;
    initiativeKind: string;
    initiativeKindSv: string;
    role: string;
    roleSv: string;
    joinedOn: string;
    leftOn: string | null;
  }[];
  engagements: {
    id: string;
    kind: string;
    kindSv: string;
    occurredOn: string;
    note: string | null;
    eventTitle: string | null;
    initiativeName: string | null;
    recordedAt: string;
  }[];
  ladderPlacements: {
    step: number;
    stepSv: string;
    fromStep: number | null;
    fromStepSv: string | null;
    validFrom: string;
    validTo: string | null;
    reasonsSv: string[];
  }[];
  /** The other record of each pair is not named: it may be someone else's. */
  duplicateCandidates: {
    id: string;
    score: number;
    reasons: string[];
    reasonsSv?: string[];
    foundAt: string;
    dismissedAt: string | null;
  }[];
  merges: { id: string; mergedId: string; mergedAt: string; mergedBy: string | null; moved: unknown }[];
  auditTrail: {
    at: string;
    action: string;
    actionSv: string;
    entity: string;
    entitySv: string;
    entityId: string;
    changedFields: string[];
    changedFieldsSv?: string[];
    userName: string | null;
    userEmail: string | null;
  }[];
  accessLog: {
    at: string;
    /** The GraphQL root field or export route the person was read under, as logged. */
    operation: string;
    /** What that was, in Swedish; the operation itself when there is no label. */
    operationSv?: string;
    userName: string;
    userEmail: string;
  }[];
  importedRows: {
    importId: string;
    importedAt: string;
    eventTitle: string;
    line: number | null;
    reason: string | null;
  }[];
  /** What the extract cannot show of imports, in Swedish. */
  importedRowsNoteSv: string;
}

const CONSENT_SOURCE_SV: Record<string, string> = {
  REGISTRATION_FORM: 'Anmälningsformulär',
  AT_THE_DOOR: 'Vid entrén',
  EMAIL: 'E-post',
  PAPER_FORM: 'Pappersblankett',
  OTHER: 'Annat sätt',
};

const ENTITY_SV: Record<string, string> = {
  actor: 'Personuppgifter',
  participation: 'Deltagande',
  initiative_membership: 'Medlemskap i initiativ',
  engagement: 'Engagemang',
  consent: 'Samtycke',
  duplicate_candidate: 'Möjlig dubblett',
};

export const IMPORTED_ROWS_NOTE_SV =
  'När en anmälningslista importeras sparas inte själva filen efter importen, och inte heller de rader ' +
  'som kunde matchas mot en person: de blir deltaganden (se Deltaganden). Det som sparas är radnummer och ' +
  'orsak för rader som inte kunde läsas in. Här visas de sådana rader vars innehåll nämner din e-postadress ' +
  'eller ditt namn.';

const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());
const isoOf = (at: Date | string): string => new Date(at).toISOString();
const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;
const stepSv = (level: number | null): string | null => {
  const step = level === null ? null : stepOf(level);
  return step ? `${level} ${ladderStepLabelSv[step]}` : null;
};

/** The stored extract of what is held about a person, labelled in Swedish. */
export function buildRegisterExtract(
  held: HeldPersonalData,
  controller: ExtractController,
  producedAt: Date,
): RegisterExtract {
  const p = held.person;
  return {
    format: 'registerutdrag/1',
    producedAt: producedAt.toISOString(),
    controller,
    person: {
      id: p.id,
      name: p.name,
      email: p.email,
      title: p.title,
      gender: p.gender,
      genderSv: p.gender === null ? null : label(genderLabelSv, p.gender),
      sector: p.sector,
      sectorSv: label(sectorLabelSv, p.sector),
      municipalityCode: p.municipalityCode,
      municipalityName: p.municipalityName,
      country: p.country,
      organisationId: p.organisationId,
      organisationName: p.organisationName,
      legalBasis: p.legalBasis,
      legalBasisSv: label(legalBasisLabelSv, p.legalBasis),
      registeredAt: isoOf(p.createdAt),
      updatedAt: isoOf(p.updatedAt),
      restriction:
        p.restrictedAt === null
          ? null
          : { restrictedAt: isoOf(p.restrictedAt), reason: p.restrictionReason ?? '' },
      anonymisedAt: iso(p.anonymisedAt),
    },
    consents: held.consents.map((c) => ({
      id: c.id,
      givenOn: c.givenOn,
      textVersion: c.textVersion,
      source: c.source,
      sourceSv: label(CONSENT_SOURCE_SV, c.source),
      withdrawnOn: c.withdrawnOn,
      recordedAt: isoOf(c.recordedAt),
    })),
    participations: held.participations.map((x) => ({
      id: x.id,
      eventId: x.eventId,
      eventTitle: x.eventTitle,
      eventStartsAt: isoOf(x.eventStartsAt),
      meetingPlace: x.meetingPlace,
      meetingPlaceName: x.meetingPlaceName,
      role: x.role,
      roleSv: label(participationRoleLabelSv, x.role),
      status: x.status,
      statusSv: label(participationStatusLabelSv, x.status),
      source: x.source,
      sourceSv: label(participationSourceLabelSv, x.source),
      checkedInAt: iso(x.checkedInAt),
      registeredAt: isoOf(x.registeredAt),
    })),
    checkIns: held.checkIns.map((c) => ({
      id: c.id,
      participationId: c.participationId,
      eventTitle: c.eventTitle,
      checkedInAt: isoOf(c.checkedInAt),
      previousStatus: c.previousStatus,
      recordedAt: isoOf(c.recordedAt),
      recordedBy: c.userName,
    })),
    memberships: held.memberships.map((m) => ({
      id: m.id,
      initiativeId: m.initiativeId,
      initiativeName: m.initiativeName,
      initiativeKind: m.initiativeKind,
      initiativeKindSv: label(initiativeKindLabelSv, m.initiativeKind),
      role: m.role,
      roleSv: label(initiativeRoleLabelSv, m.role),
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
    })),
    engagements: held.engagements.map((e) => ({
      id: e.id,
      kind: e.kind,
      kindSv: label(engagementKindLabelSv, e.kind),
      occurredOn: e.occurredOn,
      note: e.note,
      eventTitle: e.eventTitle,
      initiativeName: e.initiativeName,
      recordedAt: isoOf(e.recordedAt),
    })),
    ladderPlacements: held.ladderPeriods.map((period) => ({
      step: period.step,
      stepSv: stepSv(period.step) ?? String(period.step),
      fromStep: period.fromStep,
      fromStepSv: stepSv(period.fromStep),
      validFrom: period.validFrom,
      validTo: period.validTo,
      reasonsSv: (period.reasons as LadderReasonRef[]).map(
        (reason) =>
          describeReason(reason, {
            eventTitle: reason.eventId ? held.eventTitles.get(reason.eventId) : null,
            initiativeName: reason.initiativeId ? held.initiativeNames.get(reason.initiativeId) : null,
          }).textSv,
      ),
    })),
    duplicateCandidates: held.duplicateCandidates.map((d) => ({
      id: d.id,
      score: d.score,
      reasons: d.reasons,
      reasonsSv: d.reasons.map(duplicateReasonSv),
      foundAt: isoOf(d.createdAt),
      dismissedAt: iso(d.dismissedAt),
    })),
    merges: held.merges.map((m) => ({
      id: m.id,
      mergedId: m.mergedId,
      mergedAt: isoOf(m.mergedAt),
      mergedBy: m.userName,
      moved: m.moved,
    })),
    auditTrail: held.auditTrail.map((a) => ({
      at: isoOf(a.at),
      action: a.action,
      actionSv: auditActionSv(a.action),
      entity: a.entity,
      entitySv: label(ENTITY_SV, a.entity),
      entityId: a.entityId,
      changedFields: a.changedFields,
      changedFieldsSv: a.changedFields.map(changedFieldSv),
      userName: a.userName,
      userEmail: a.userEmail,
    })),
    accessLog: held.accessLog.map((r) => ({
      at: isoOf(r.at),
      operation: r.operation,
      operationSv: accessOperationSv(r.operation),
      userName: r.userName,
      userEmail: r.userEmail,
    })),
    importedRows: held.importedRows.map((r) => ({
      importId: r.importId,
      importedAt: isoOf(r.importedAt),
      eventTitle: r.eventTitle,
      line: r.line,
      reason: r.reason,
    })),
    importedRowsNoteSv: IMPORTED_ROWS_NOTE_SV,
  };
}
