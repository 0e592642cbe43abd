// Swedish wording for the register extract of things the register keeps as codes or technical names:
// why two records may be one person, what a staff member was doing when they read the person's data,
// what a change was, and which fields it touched. Each answers the code itself when it has no label, so nothing
// is ever dropped from an extract.

/**
 * Why a pair of records was proposed as duplicates. The duplicate finder writes its reasons in Swedish
 * already ("Samma namn", "Liknande namn (87 %)", "Samma kommun"); a code written by anything else is
 * given its Swedish label here, and Swedish text is kept as it is.
 */
const DUPLICATE_REASON_SV: Record<string, string> = {
  SAME_NAME: 'Samma namn',
  SIMILAR_NAME: 'Liknande namn',
  SAME_EMAIL: 'Samma e-postadress',
  SAME_EMAIL_LOCAL_PART: 'Samma e-postadress före @',
  SAME_ORGANISATION: 'Samma organisation',
  SAME_ORGANISATION_NUMBER: 'Samma organisationsnummer',
  SAME_MUNICIPALITY: 'Samma kommun',
  NO_EMAIL: 'Registrerad utan e-postadress',
};

export function duplicateReasonSv(reason: string): string {
  return DUPLICATE_REASON_SV[reason] ?? reason;
}

/**
 * The access log's operation: the GraphQL root field a person was read under (queries and the
 * mutations that answer with a person), an export route, or the register extract itself.
 */
const ACCESS_OPERATION_SV: Record<string, string> = {
  actor: 'Visade personens sida',
  actors: 'Sökning eller lista över aktörer',
  checkInSearch: 'Sökning i incheckningen',
  duplicateCandidates: 'Lista över möjliga dubbletter',
  event: 'Visade ett evenemang med deltagarlista',
  events: 'Lista över evenemang med deltagare',
  participants: 'Deltagarlista',
  'Event.participants': 'Deltagarlista',
  initiative: 'Visade ett initiativ med dess medlemmar',
  initiatives: 'Lista över initiativ med medlemmar',
  ladderTransitionActors: 'Lista över aktörer som bytt steg på engagemangstrappan',
  exports: 'Export',
  createPerson: 'Registrerade personen',
  createOrganisation: 'Registrerade en organisation',
  updateActor: 'Ändrade personens uppgifter',
  createEvent: 'Skapade ett evenemang',
  updateEvent: 'Ändrade ett evenemang',
  createInitiative: 'Skapade ett initiativ',
  registerParticipation: 'Anmälde personen till ett evenemang',
  registerParticipations: 'Anmälde deltagare till ett evenemang',
  cancelParticipation: 'Avanmälde personen från ett evenemang',
  checkIn: 'Checkade in personen',
  checkInByCode: 'Checkade in personen med kod',
  undoCheckIn: 'Ångrade en incheckning',
  walkIn: 'Registrerade personen vid entrén',
  joinInitiative: 'Lade till personen i ett initiativ',
  leaveInitiative: 'Avslutade personens medlemskap i ett initiativ',
  recordEngagement: 'Registrerade ett engagemang',
  mergeActors: 'Slog samman dubbletter',
  restrictProcessing: 'Begränsade behandlingen',
  liftRestriction: 'Hävde begränsningen',
  anonymiseActor: 'Anonymiserade personen',
  personalDataExport: 'Registerutdrag togs fram',
  'personalDataExport.pdf': 'Registerutdrag laddades ned (PDF)',
  'personalDataExport.json': 'Registerutdrag laddades ned (JSON)',
};

export function accessOperationSv(operation: string): string {
  const labelled = ACCESS_OPERATION_SV[operation];
  if (labelled) return labelled;
  if (/^GET \/exports\/actors\./.test(operation)) return 'Export av aktörslista';
  if (/^GET \/exports\/events\/[^/]+\/participants\./.test(operation)) return 'Export av deltagarlista';
  if (/^GET \/exports\//.test(operation)) return 'Export';
  return operation;
}

/** What an audit row records was done (audit_log.action). */
const AUDIT_ACTION_SV: Record<string, string> = {
  create: 'Registrerades',
  update: 'Ändrades',
  delete: 'Togs bort',
  register: 'Anmälan registrerades',
  cancel: 'Avanmäldes',
  check_in: 'Checkades in',
  undo_check_in: 'Incheckning ångrades',
  walk_in: 'Registrerades vid entrén',
  join: 'Gick med',
  leave: 'Lämnade',
  merge: 'Slogs samman med en dubblett',
  dismiss: 'Avfärdades som dubblett',
  withdraw: 'Återkallades',
  restrict: 'Behandlingen begränsades',
  lift_restriction: 'Begränsningen hävdes',
  anonymise: 'Anonymiserades',
  personal_data_export: 'Registerutdrag togs fram',
  personal_data_export_download_pdf: 'Registerutdrag laddades ned (PDF)',
  personal_data_export_download_json: 'Registerutdrag laddades ned (JSON)',
};

export function auditActionSv(action: string): string {
  return AUDIT_ACTION_SV[action] ?? action;
}

/** The fields a change touched (the API's input names, and the restriction's columns). */
const FIELD_SV: Record<string, string> = {
  name: 'namn',
  email: 'e-postadress',
  title: 'titel',
  gender: 'kön',
  sector: 'sektor',
  municipalityCode: 'kommun',
  country: 'land',
  organisationId: 'organisation',
  organisationNumber: 'organisationsnummer',
  legalBasis: 'rättslig grund',
  role: 'roll',
  status: 'status',
  source: 'källa',
  checkedInAt: 'incheckning',
  joinedOn: 'startdatum',
  leftOn: 'slutdatum',
  kind: 'slag',
  occurredOn: 'datum',
  note: 'anteckning',
  eventId: 'evenemang',
  initiativeId: 'initiativ',
  actorId: 'person',
  givenOn: 'datum för samtycket',
  textVersion: 'samtyckestextens version',
  withdrawnOn: 'datum för återkallelsen',
  dismissedAt: 'avfärdad',
  dismissedBy: 'avfärdad av',
  restricted_at: 'begränsning',
  restriction_reason: 'skäl för begränsningen',
};

export function changedFieldSv(field: string): string {
  return FIELD_SV[field] ?? field;
}
