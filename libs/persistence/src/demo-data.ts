import {
  ActorKind,
  AttendanceMode,
  EventFormat,
  Gender,
  LegalBasis,
  MeetingPlaceCode,
  ParticipationRole,
  ParticipationSource,
  ParticipationStatus,
  RusPriority,
  Sector,
} from '@crm/domain';
import { EntityManager } from 'typeorm';
import { ActorRepository, ActorValues } from './repositories/actor.repository';
import { EventRepository } from './repositories/event.repository';
import { ParticipationRepository } from './repositories/participation.repository';

/**
 * A small, fictitious demo data set (no real persons): a dozen organisations and people from
 * across the county and beyond, events at all four meeting places, and participations in every role.
 * Loaded only into an empty database. Answers whether it loaded anything.
 */
export async function loadDemoData(em: EntityManager): Promise<boolean> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('demo-data'))`);
  const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM actor`);
  if (count > 0) return false;

  const actors = new ActorRepository(em);
  const org = (name: string, sector: Sector, municipalityCode: string | null, country = 'SE') =>
    actors.insert({ ...blank, kind: ActorKind.ORGANISATION, name, sector, municipalityCode, country }, null);
  const region = await org('Region Västerbotten', Sector.PUBLIC_SECTOR, '2480');
  const lycksele = await org('Lycksele kommun', Sector.PUBLIC_SECTOR, '2481');
  const university = await org('Umeå universitet', Sector.ACADEMIA, '2480');
  const energy = await org('Norrskog Energi AB', Sector.BUSINESS, '2482');
  const association = await org('Företagarföreningen Norrbotniabanan', Sector.CIVIL_SOCIETY, '2482');
  const park = await org('Uminova Innovation', Sector.INNOVATION_SYSTEM, '2480');
  const agency = await org('Trafikverket', Sector.PUBLIC_SECTOR, '0180');
  const brussels = await org('North Sweden European Office', Sector.PUBLIC_SECTOR, null, 'BE');

  const person = (
    name: string,
    email: string,
    organisation: { id: string; sector: Sector; municipalityCode: string | null; country: string },
    gender: Gender,
    title: string,
  ) =>
    actors.insert(
      {
        ...blank,
        kind: ActorKind.PERSON,
        name,
        email,
        title,
        gender,
        organisationId: organisation.id,
        sector: organisation.sector,
        municipalityCode: organisation.municipalityCode,
        country: organisation.country,
      },
      null,
    );
  const people = [
    await person('Anna Lind', 'anna.lind@demo.example', region, Gender.WOMAN, 'Strateg'),
    await person('Erik Ström', 'erik.strom@demo.example', energy, Gender.MAN, 'VD'),
    await person('Sara Öberg', 'sara.oberg@demo.example', university, Gender.WOMAN, 'Forskare'),
    await person('Jonas Åkerlund', 'jonas.akerlund@demo.example', lycksele, Gender.MAN, 'Näringslivschef'),
    await person('Kim Nilsson', 'kim.nilsson@demo.example', association, Gender.NON_BINARY, 'Ordförande'),
    await person('Maria Berg', 'maria.berg@demo.example', park, Gender.WOMAN, 'Affärsutvecklare'),
    await person('Lars Holm', 'lars.holm@demo.example', agency, Gender.NOT_STATED, 'Planerare'),
    await person('Eva Persson', 'eva.persson@demo.example', brussels, Gender.WOMAN, 'Handläggare'),
  ];

  const events = new EventRepository(em);
  const event = (
    meetingPlace: MeetingPlaceCode,
    title: string,
    startsAt: string,
    format: EventFormat,
    topics: string[],
    rus: RusPriority[],
    mode = AttendanceMode.PHYSICAL,
  ) =>
    events.insert(
      {
        meetingPlace,
        title,
        description: null,
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + 3 * 3600_000),
        format,
        topics,
        rusPriorities: rus,
        attendanceMode: mode,
      },
      null,
    );
  const grand = await event(
    MeetingPlaceCode.GRAND_HOTEL,
    'Energidagen',
    '2026-01-20T08:00:00Z',
    EventFormat.THEMED_DAY,
    ['energi', 'grön omställning'],
    [RusPriority.PLACE_BASED_BUSINESS],
  );
  const lyck = await event(
    MeetingPlaceCode.MOTESPLATS_LYCKSELE,
    'Mötesplats Lycksele 2026',
    '2026-05-12T07:00:00Z',
    EventFormat.CONFERENCE,
    ['kompetensförsörjning', 'sammanhållen region'],
    [RusPriority.SKILLS_RICH_REGION],
  );
  const alm = await event(
    MeetingPlaceCode.ALMEDALEN,
    'Norrbotniabanan – nästa steg',
    '2026-06-23T10:00:00Z',
    EventFormat.SEMINAR,
    ['infrastruktur'],
    [RusPriority.ACCESSIBLE_REGION],
  );
  const dig = await event(
    MeetingPlaceCode.DIGITALA_VASTERBOTTEN,
    'Digitala Västerbotten: AI i offentlig sektor',
    '2026-10-08T07:30:00Z',
    EventFormat.WEBINAR,
    ['digitalisering'],
    [RusPriority.SMART_REGION],
    AttendanceMode.HYBRID,
  );

  const participations = new ParticipationRepository(em);
  const register = (eventId: string, actorId: string, role: ParticipationRole, status: ParticipationStatus) =>
    participations.register({ eventId, actorId, role, status, source: ParticipationSource.MANUAL }, null);
  const [anna, erik, sara, jonas, kim, maria, lars, eva] = people;
  await register(grand.id, erik.id, ParticipationRole.AUDIENCE, ParticipationStatus.ATTENDED);
  await register(grand.id, anna.id, ParticipationRole.ORGANISER, ParticipationStatus.ATTENDED);
  await register(grand.id, lars.id, ParticipationRole.SPEAKER, ParticipationStatus.ATTENDED);
  await register(grand.id, eva.id, ParticipationRole.AUDIENCE, ParticipationStatus.NO_SHOW);
  await register(lyck.id, sara.id, ParticipationRole.PANELIST, ParticipationStatus.ATTENDED);
  await register(lyck.id, jonas.id, ParticipationRole.MODERATOR, ParticipationStatus.ATTENDED);
  await register(lyck.id, erik.id, ParticipationRole.AUDIENCE, ParticipationStatus.ATTENDED);
  await register(lyck.id, maria.id, ParticipationRole.AUDIENCE, ParticipationStatus.CANCELLED);
  await register(alm.id, kim.id, ParticipationRole.SPEAKER, ParticipationStatus.ATTENDED);
  await register(alm.id, lars.id, ParticipationRole.PANELIST, ParticipationStatus.ATTENDED);
  await register(alm.id, association.id, ParticipationRole.ORGANISER, ParticipationStatus.ATTENDED);
  await register(dig.id, maria.id, ParticipationRole.SPEAKER, ParticipationStatus.REGISTERED);
  await register(dig.id, sara.id, ParticipationRole.AUDIENCE, ParticipationStatus.REGISTERED);
  await register(dig.id, eva.id, ParticipationRole.AUDIENCE, ParticipationStatus.ATTENDED);

  // Evidence beyond attendance, so the demo shows every step of the ladder.
  const initiative = async (
    name: string,
    kind: string,
    topics: string[],
    startedOn: string,
    meetingPlace: string,
  ) =>
    (
      await em.query(
        `INSERT INTO initiative (name, kind, topics, started_on, meeting_place) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [name, kind, topics, startedOn, meetingPlace],
      )
    )[0].id as string;
  const member = (initiativeId: string, actorId: string, role: string, joinedOn: string) =>
    em.query(
      `INSERT INTO initiative_membership (initiative_id, actor_id, role, joined_on) VALUES ($1, $2, $3, $4)`,
      [initiativeId, actorId, role, joinedOn],
    );
  const skills = await initiative(
    'Samverkan för kompetensförsörjning',
    'COLLABORATION',
    ['kompetensförsörjning'],
    '2026-05-20',
    'MOTESPLATS_LYCKSELE',
  );
  await member(skills, lycksele.id, 'LEAD', '2026-05-20');
  await member(skills, university.id, 'PARTNER', '2026-06-01');
  const energyGroup = await initiative(
    'Arbetsgrupp hållbar energi',
    'WORKING_GROUP',
    ['energi'],
    '2026-02-01',
    'GRAND_HOTEL',
  );
  await member(energyGroup, energy.id, 'MEMBER', '2026-02-01');
  const railway = await initiative(
    'Påverkansarbete för Norrbotniabanan',
    'OWN_INITIATIVE',
    ['infrastruktur'],
    '2026-08-15',
    'ALMEDALEN',
  );
  await member(railway, association.id, 'LEAD', '2026-08-15');
  await em.query(
    `INSERT INTO engagement (actor_id, kind, occurred_on, event_id, note) VALUES ($1, 'INPUT', '2026-06-24', $2, $3)`,
    [kim.id, alm.id, 'Inspel om tidplanen för Norrbotniabanan'],
  );
  return true;
}

const blank: ActorValues = {
  kind: ActorKind.ORGANISATION,
  name: '',
  email: null,
  title: null,
  organisationId: null,
  gender: null,
  sector: Sector.PUBLIC_SECTOR,
  municipalityCode: null,
  country: 'SE',
  organisationNumber: null,
  legalBasis: LegalBasis.PUBLIC_INTEREST,
};
