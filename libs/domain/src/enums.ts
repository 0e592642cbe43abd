// String enums whose values equal their keys, so database rows, GraphQL enums and logs all read alike.

export enum ActorKind {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
}

/** Penta-helix sector. */
export enum Sector {
  PUBLIC_SECTOR = 'PUBLIC_SECTOR',
  BUSINESS = 'BUSINESS',
  ACADEMIA = 'ACADEMIA',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  INNOVATION_SYSTEM = 'INNOVATION_SYSTEM',
}

/** Self-reported and optional; used only for gender-balance follow-up. */
export enum Gender {
  WOMAN = 'WOMAN',
  MAN = 'MAN',
  NON_BINARY = 'NON_BINARY',
  NOT_STATED = 'NOT_STATED',
}

export enum MeetingPlaceCode {
  GRAND_HOTEL = 'GRAND_HOTEL',
  MOTESPLATS_LYCKSELE = 'MOTESPLATS_LYCKSELE',
  ALMEDALEN = 'ALMEDALEN',
  DIGITALA_VASTERBOTTEN = 'DIGITALA_VASTERBOTTEN',
}

/** Declared in ascending order of engagement; see participationRoleRank. */
export enum ParticipationRole {
  AUDIENCE = 'AUDIENCE',
  PANELIST = 'PANELIST',
  SPEAKER = 'SPEAKER',
  MODERATOR = 'MODERATOR',
  ORGANISER = 'ORGANISER',
}

export enum ParticipationStatus {
  REGISTERED = 'REGISTERED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}

export enum Role {
  ADMIN = 'ADMIN',
  EVENT_STAFF = 'EVENT_STAFF',
  STRATEGIST = 'STRATEGIST',
  COMMITTEE = 'COMMITTEE',
}

export enum EventFormat {
  SEMINAR = 'SEMINAR',
  ROUND_TABLE = 'ROUND_TABLE',
  WORKSHOP = 'WORKSHOP',
  THEMED_DAY = 'THEMED_DAY',
  CONFERENCE = 'CONFERENCE',
  WEBINAR = 'WEBINAR',
  NETWORKING = 'NETWORKING',
  OTHER = 'OTHER',
}

export enum AttendanceMode {
  PHYSICAL = 'PHYSICAL',
  DIGITAL = 'DIGITAL',
  HYBRID = 'HYBRID',
}

/** The six priorities of the regional development strategy RUS 2020–2030. */
export enum RusPriority {
  SMART_REGION = 'SMART_REGION',
  PLACE_BASED_BUSINESS = 'PLACE_BASED_BUSINESS',
  ACCESSIBLE_REGION = 'ACCESSIBLE_REGION',
  SUSTAINABLE_LIVING_ENVIRONMENTS = 'SUSTAINABLE_LIVING_ENVIRONMENTS',
  HEALTH_PROMOTING_REGION = 'HEALTH_PROMOTING_REGION',
  SKILLS_RICH_REGION = 'SKILLS_RICH_REGION',
}

/** How a participation got into the system, for data-quality follow-up. */
export enum ParticipationSource {
  MANUAL = 'MANUAL',
  IMPORT = 'IMPORT',
  CHECK_IN = 'CHECK_IN',
  WALK_IN = 'WALK_IN',
}

/** GDPR article 6 basis recorded per person. */
export enum LegalBasis {
  PUBLIC_INTEREST = 'PUBLIC_INTEREST',
  CONSENT = 'CONSENT',
  LEGITIMATE_INTEREST = 'LEGITIMATE_INTEREST',
}

export const actorKindLabelSv: Record<ActorKind, string> = {
  [ActorKind.PERSON]: 'Person',
  [ActorKind.ORGANISATION]: 'Organisation',
};

export const sectorLabelSv: Record<Sector, string> = {
  [Sector.PUBLIC_SECTOR]: 'Offentlig sektor',
  [Sector.BUSINESS]: 'Näringsliv',
  [Sector.ACADEMIA]: 'Akademi',
  [Sector.CIVIL_SOCIETY]: 'Civilsamhälle',
  [Sector.INNOVATION_SYSTEM]: 'Innovationssystem',
};

export const genderLabelSv: Record<Gender, string> = {
  [Gender.WOMAN]: 'Kvinna',
  [Gender.MAN]: 'Man',
  [Gender.NON_BINARY]: 'Icke-binär',
  [Gender.NOT_STATED]: 'Ej angivet',
};

export const participationRoleLabelSv: Record<ParticipationRole, string> = {
  [ParticipationRole.AUDIENCE]: 'Publik',
  [ParticipationRole.PANELIST]: 'Paneldeltagare',
  [ParticipationRole.SPEAKER]: 'Talare',
  [ParticipationRole.MODERATOR]: 'Moderator',
  [ParticipationRole.ORGANISER]: 'Arrangör',
};

export const participationStatusLabelSv: Record<ParticipationStatus, string> = {
  [ParticipationStatus.REGISTERED]: 'Anmäld',
  [ParticipationStatus.ATTENDED]: 'Deltog',
  [ParticipationStatus.NO_SHOW]: 'Uteblev',
  [ParticipationStatus.CANCELLED]: 'Avanmäld',
};

export const roleLabelSv: Record<Role, string> = {
  [Role.ADMIN]: 'Administratör',
  [Role.EVENT_STAFF]: 'Evenemangspersonal',
  [Role.STRATEGIST]: 'Strateg',
  [Role.COMMITTEE]: 'Regionala utvecklingsnämnden',
};

export const eventFormatLabelSv: Record<EventFormat, string> = {
  [EventFormat.SEMINAR]: 'Seminarium',
  [EventFormat.ROUND_TABLE]: 'Rundabordssamtal',
  [EventFormat.WORKSHOP]: 'Workshop',
  [EventFormat.THEMED_DAY]: 'Temadag',
  [EventFormat.CONFERENCE]: 'Konferens',
  [EventFormat.WEBINAR]: 'Webbinarium',
  [EventFormat.NETWORKING]: 'Nätverksträff',
  [EventFormat.OTHER]: 'Övrigt',
};

export const attendanceModeLabelSv: Record<AttendanceMode, string> = {
  [AttendanceMode.PHYSICAL]: 'På plats',
  [AttendanceMode.DIGITAL]: 'Digitalt',
  [AttendanceMode.HYBRID]: 'Hybrid',
};

// Wording as in Region Västerbotten's own follow-up documents.
export const rusPriorityLabelSv: Record<RusPriority, string> = {
  [RusPriority.SMART_REGION]: 'En nytänkande och smart region',
  [RusPriority.PLACE_BASED_BUSINESS]: 'En region med platsbaserad hållbar näringslivsutveckling',
  [RusPriority.ACCESSIBLE_REGION]: 'En nära tillgänglig region',
  [RusPriority.SUSTAINABLE_LIVING_ENVIRONMENTS]:
    'En region med hållbara livsmiljöer att bo, verka och leva i',
  [RusPriority.HEALTH_PROMOTING_REGION]: 'En hälsofrämjande region',
  [RusPriority.SKILLS_RICH_REGION]: 'En region rik på kompetenser',
};

export const participationSourceLabelSv: Record<ParticipationSource, string> = {
  [ParticipationSource.MANUAL]: 'Manuellt registrerad',
  [ParticipationSource.IMPORT]: 'Importerad',
  [ParticipationSource.CHECK_IN]: 'Incheckning',
  [ParticipationSource.WALK_IN]: 'Spontanbesök',
};

export const legalBasisLabelSv: Record<LegalBasis, string> = {
  [LegalBasis.PUBLIC_INTEREST]: 'Allmänt intresse',
  [LegalBasis.CONSENT]: 'Samtycke',
  [LegalBasis.LEGITIMATE_INTEREST]: 'Berättigat intresse',
};

/** Higher means a more active role: the ladder rewards moving from audience towards the stage. */
export const participationRoleRank: Record<ParticipationRole, number> = {
  [ParticipationRole.AUDIENCE]: 0,
  [ParticipationRole.PANELIST]: 1,
  [ParticipationRole.SPEAKER]: 2,
  [ParticipationRole.MODERATOR]: 3,
  [ParticipationRole.ORGANISER]: 4,
};

/** The more active of two roles; `a` on a tie. Used when one actor is registered twice at an event. */
export function strongerRole(a: ParticipationRole, b: ParticipationRole): ParticipationRole {
  return participationRoleRank[b] > participationRoleRank[a] ? b : a;
}
