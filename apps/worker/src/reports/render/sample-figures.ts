// A made-up but internally consistent quarter (2026 Q3) for tests and previews of the committee's
// report. Nothing here is real data and nothing names a person.
//
// What adds up (and tests may rely on):
// - the five steps at each quarter end sum to summary.engagedActors (412 / 355 / 292), and
//   ladder.history's last and first entries are atEnd and atEndYearEarlier;
// - the movement matrix's rows sum to the previous quarter's steps (plus 61 newcomers), its columns
//   to this quarter's steps (plus 4 who left); movedUp 66, movedDown 18, passiveToActive 30 and the
//   3 who reached step 5 are read off it;
// - the sectors' ladder mixes sum step by step to ladder.atEnd, and their engaged counts to 412;
// - municipalities sum to their sub-regions, and sub-regions + outside + unknown to 412 engaged
//   (355 and 292 earlier); Bjurholm and Malå have no engaged actors this quarter;
// - each meeting place's ladder mix sums to its unique actors;
// - gender.lastFourQuarters' last entry equals the quarter's overall split.
import {
  ActorKind,
  Compared,
  FigureChange,
  Gender,
  GenderCount,
  InitiativeKind,
  LadderStep,
  MeetingPlaceCode,
  MovementCell,
  MunicipalityFigures,
  ReportFigures,
  Sector,
  StepCount,
} from '@crm/domain';

const { AWARENESS, INTEREST, PARTICIPATION, COLLABORATION, INFLUENCE } = LadderStep;

function c(current: number, previousQuarter: number, yearEarlier: number): Compared {
  return { current, previousQuarter, yearEarlier };
}

/** Five counts, lowest step first. */
function steps(...counts: [number, number, number, number, number]): StepCount[] {
  return [AWARENESS, INTEREST, PARTICIPATION, COLLABORATION, INFLUENCE].map((step, i) => ({
    step,
    count: counts[i],
  }));
}

/** Woman, man, non-binary, not stated. */
function genders(woman: number, man: number, nonBinary: number, notStated: number): GenderCount[] {
  return [
    { gender: Gender.WOMAN, count: woman },
    { gender: Gender.MAN, count: man },
    { gender: Gender.NON_BINARY, count: nonBinary },
    { gender: Gender.NOT_STATED, count: notStated },
  ];
}

// Rows: from (null = not engaged on the quarter's first day); columns: to, in the order
// [not engaged, 1, 2, 3, 4, 5]. Only non-zero cells go into the figures.
const MOVEMENT_ROWS: [LadderStep | null, number[]][] = [
  [null, [0, 44, 11, 5, 1, 0]],
  [AWARENESS, [3, 118, 22, 6, 1, 0]],
  [INTEREST, [1, 4, 70, 17, 6, 0]],
  [PARTICIPATION, [0, 1, 6, 43, 11, 1]],
  [COLLABORATION, [0, 1, 3, 3, 23, 2]],
  [INFLUENCE, [0, 0, 0, 0, 0, 13]],
];
const TO: (LadderStep | null)[] = [null, AWARENESS, INTEREST, PARTICIPATION, COLLABORATION, INFLUENCE];
const movement: MovementCell[] = MOVEMENT_ROWS.flatMap(([from, counts]) =>
  counts.map((count, i) => ({ from, to: TO[i], count })).filter((cell) => cell.count > 0),
);

function municipality(
  code: string,
  nameSv: string,
  subRegion: string,
  engaged: Compared,
  participants: Compared,
): MunicipalityFigures {
  return { code, nameSv, subRegion, engaged, participants };
}

const UMEA = 'UMEA_REGION';
const INLAND = 'INLAND';
const SKELLEFTEA = 'SKELLEFTEA';

export const SAMPLE_FIGURES: ReportFigures = {
  formatVersion: 2,
  year: 2026,
  quarter: 3,
  periodStart: '2026-07-01',
  periodEnd: '2026-09-30',
  previousLabel: '2026 K2',
  yearEarlierLabel: '2025 K3',
  summary: {
    engagedActors: c(412, 355, 292),
    newActors: c(61, 48, 39),
    movedUp: c(66, 52, 41),
    movedDown: c(18, 17, 22),
    passiveToActive: c(30, 24, 18),
    largestChanges: [
      {
        textSv: 'Mötesplats Lycksele: 143 unika deltagare (+124 jämfört med 2026 K2)',
        subjectSv: 'Mötesplats Lycksele › Unika deltagare',
        change: 124,
      },
      {
        textSv: 'Västerbotten i Almedalen: 41 unika deltagare (\u221283 jämfört med 2026 K2)',
        subjectSv: 'Västerbotten i Almedalen › Unika deltagare',
        change: -83,
      },
      {
        textSv: 'Västerbotten på Grand Hôtel: 61 unika deltagare (\u221237 jämfört med 2026 K2)',
        subjectSv: 'Västerbotten på Grand Hôtel › Unika deltagare',
        change: -37,
      },
    ],
  },
  ladder: {
    atEnd: steps(168, 112, 74, 42, 16),
    atEndPreviousQuarter: steps(150, 98, 62, 32, 13),
    atEndYearEarlier: steps(131, 80, 45, 26, 10),
    movement,
    history: [
      { label: '2025 K3', steps: steps(131, 80, 45, 26, 10) },
      { label: '2025 K4', steps: steps(138, 84, 50, 27, 11) },
      { label: '2026 K1', steps: steps(149, 93, 57, 30, 12) },
      { label: '2026 K2', steps: steps(150, 98, 62, 32, 13) },
      { label: '2026 K3', steps: steps(168, 112, 74, 42, 16) },
    ],
  },
  meetingPlaces: [
    {
      code: MeetingPlaceCode.GRAND_HOTEL,
      nameSv: 'Västerbotten på Grand Hôtel',
      eventsHeld: c(4, 6, 3),
      attendance: c(72, 131, 66),
      uniqueActors: c(61, 98, 55),
      newActors: c(9, 15, 8),
      ladderMix: steps(14, 15, 14, 11, 7),
    },
    {
      code: MeetingPlaceCode.MOTESPLATS_LYCKSELE,
      nameSv: 'Mötesplats Lycksele',
      eventsHeld: c(7, 1, 6),
      attendance: c(171, 22, 150),
      uniqueActors: c(143, 19, 121),
      newActors: c(31, 4, 26),
      ladderMix: steps(44, 37, 31, 20, 11),
    },
    {
      code: MeetingPlaceCode.ALMEDALEN,
      nameSv: 'Västerbotten i Almedalen',
      eventsHeld: c(3, 9, 4),
      attendance: c(49, 160, 58),
      uniqueActors: c(41, 124, 47),
      newActors: c(5, 18, 7),
      ladderMix: steps(8, 10, 11, 8, 4),
    },
    {
      code: MeetingPlaceCode.DIGITALA_VASTERBOTTEN,
      nameSv: 'Digitala Västerbotten',
      eventsHeld: c(9, 7, 8),
      attendance: c(148, 121, 110),
      uniqueActors: c(112, 90, 84),
      newActors: c(19, 12, 15),
      ladderMix: steps(46, 30, 20, 11, 5),
    },
  ],
  synergy: c(57, 49, 38),
  sectors: [
    {
      sector: Sector.PUBLIC_SECTOR,
      labelSv: 'Offentlig sektor',
      ladderMix: steps(62, 41, 30, 20, 7),
      engaged: c(160, 139, 118),
    },
    {
      sector: Sector.BUSINESS,
      labelSv: 'Näringsliv',
      ladderMix: steps(58, 36, 20, 10, 4),
      engaged: c(128, 108, 86),
    },
    {
      sector: Sector.ACADEMIA,
      labelSv: 'Akademi',
      ladderMix: steps(21, 16, 12, 6, 2),
      engaged: c(57, 50, 42),
    },
    {
      sector: Sector.CIVIL_SOCIETY,
      labelSv: 'Civilsamhälle',
      ladderMix: steps(17, 12, 7, 3, 1),
      engaged: c(40, 35, 28),
    },
    {
      sector: Sector.INNOVATION_SYSTEM,
      labelSv: 'Innovationssystem',
      ladderMix: steps(10, 7, 5, 3, 2),
      engaged: c(27, 23, 18),
    },
  ],
  crossSectorInitiatives: [
    {
      name: 'Arbetsgrupp hållbar energi i Västerbotten',
      kind: InitiativeKind.WORKING_GROUP,
      kindSv: 'Arbetsgrupp',
      sectors: [Sector.PUBLIC_SECTOR, Sector.BUSINESS, Sector.ACADEMIA],
      members: 14,
    },
    {
      name: 'Kompetensförsörjning i Skelleftedalen',
      kind: InitiativeKind.COLLABORATION,
      kindSv: 'Samverkan',
      sectors: [Sector.PUBLIC_SECTOR, Sector.BUSINESS, Sector.ACADEMIA, Sector.CIVIL_SOCIETY],
      members: 22,
    },
    {
      name: 'Påverkansarbete för Norrbotniabanan',
      kind: InitiativeKind.OWN_INITIATIVE,
      kindSv: 'Eget initiativ',
      sectors: [Sector.BUSINESS, Sector.PUBLIC_SECTOR],
      members: 9,
    },
    {
      name: 'Innovationsnod för digitalisering i inlandet',
      kind: InitiativeKind.COLLABORATION,
      kindSv: 'Samverkan',
      sectors: [Sector.INNOVATION_SYSTEM, Sector.BUSINESS, Sector.ACADEMIA],
      members: 11,
    },
  ],
  municipalities: [
    municipality('2401', 'Nordmaling', UMEA, c(6, 5, 4), c(4, 3, 3)),
    municipality('2403', 'Bjurholm', UMEA, c(0, 1, 0), c(0, 1, 0)),
    municipality('2404', 'Vindeln', UMEA, c(5, 4, 3), c(3, 2, 2)),
    municipality('2409', 'Robertsfors', UMEA, c(4, 4, 3), c(2, 2, 2)),
    municipality('2417', 'Norsjö', INLAND, c(3, 2, 2), c(2, 1, 1)),
    municipality('2418', 'Malå', INLAND, c(0, 0, 1), c(0, 0, 1)),
    municipality('2421', 'Storuman', INLAND, c(7, 5, 3), c(5, 2, 2)),
    municipality('2422', 'Sorsele', INLAND, c(2, 1, 0), c(1, 0, 0)),
    municipality('2425', 'Dorotea', INLAND, c(1, 0, 0), c(1, 0, 0)),
    municipality('2460', 'Vännäs', UMEA, c(5, 4, 3), c(3, 2, 2)),
    municipality('2462', 'Vilhelmina', INLAND, c(6, 4, 3), c(5, 2, 2)),
    municipality('2463', 'Åsele', INLAND, c(2, 1, 1), c(2, 0, 1)),
    municipality('2480', 'Umeå', UMEA, c(178, 158, 131), c(121, 104, 120)),
    municipality('2481', 'Lycksele', INLAND, c(24, 17, 12), c(22, 6, 11)),
    municipality('2482', 'Skellefteå', SKELLEFTEA, c(72, 62, 58), c(56, 46, 58)),
  ],
  subRegions: [
    { code: UMEA, nameSv: 'Umeåregionen', engaged: c(198, 176, 144), participants: c(133, 114, 129) },
    { code: INLAND, nameSv: 'Inlandet', engaged: c(45, 30, 22), participants: c(38, 11, 18) },
    { code: SKELLEFTEA, nameSv: 'Skellefteå', engaged: c(72, 62, 58), participants: c(56, 46, 58) },
  ],
  outsideCounty: { engaged: c(88, 79, 61), participants: c(64, 102, 58) },
  unknownLocation: { engaged: c(9, 8, 7), participants: c(4, 5, 3) },
  gender: {
    participants: genders(131, 118, 3, 19),
    onStage: genders(24, 29, 1, 2),
    perMeetingPlace: [
      {
        code: MeetingPlaceCode.GRAND_HOTEL,
        nameSv: 'Västerbotten på Grand Hôtel',
        participants: genders(25, 28, 0, 3),
        onStage: genders(6, 9, 0, 0),
      },
      {
        code: MeetingPlaceCode.MOTESPLATS_LYCKSELE,
        nameSv: 'Mötesplats Lycksele',
        participants: genders(66, 57, 2, 7),
        onStage: genders(9, 10, 1, 1),
      },
      {
        code: MeetingPlaceCode.ALMEDALEN,
        nameSv: 'Västerbotten i Almedalen',
        participants: genders(16, 20, 0, 2),
        onStage: genders(3, 5, 0, 0),
      },
      {
        code: MeetingPlaceCode.DIGITALA_VASTERBOTTEN,
        nameSv: 'Digitala Västerbotten',
        participants: genders(47, 45, 1, 11),
        onStage: genders(7, 6, 0, 1),
      },
    ],
    lastFourQuarters: [
      { label: '2025 K4', participants: genders(88, 97, 1, 14), onStage: genders(14, 22, 0, 1) },
      { label: '2026 K1', participants: genders(142, 171, 2, 18), onStage: genders(31, 44, 0, 2) },
      { label: '2026 K2', participants: genders(120, 122, 2, 16), onStage: genders(27, 33, 1, 1) },
      { label: '2026 K3', participants: genders(131, 118, 3, 19), onStage: genders(24, 29, 1, 2) },
    ],
  },
  reachedInfluence: [
    {
      kind: ActorKind.ORGANISATION,
      descriptionSv: 'Näringslivsföreningen Kusten',
      reachedOn: '2026-08-19',
      reasonSv:
        'Driver det egna initiativet Påverkansarbete för Norrbotniabanan gentemot staten, efter att ha deltagit i samtalen om banan vid Västerbotten i Almedalen.',
    },
  ],
  // Two persons reached step 5 as well: counted, never described.
  reachedInfluencePersons: {
    total: 2,
    perSector: [
      { sector: Sector.PUBLIC_SECTOR, labelSv: 'Offentlig sektor', count: 1 },
      { sector: Sector.BUSINESS, labelSv: 'Näringsliv', count: 0 },
      { sector: Sector.ACADEMIA, labelSv: 'Akademi', count: 1 },
      { sector: Sector.CIVIL_SOCIETY, labelSv: 'Civilsamhälle', count: 0 },
      { sector: Sector.INNOVATION_SYSTEM, labelSv: 'Innovationssystem', count: 0 },
    ],
    perMeetingPlace: [
      { code: MeetingPlaceCode.GRAND_HOTEL, nameSv: 'Västerbotten på Grand Hôtel', count: 0 },
      { code: MeetingPlaceCode.MOTESPLATS_LYCKSELE, nameSv: 'Mötesplats Lycksele', count: 1 },
      { code: MeetingPlaceCode.ALMEDALEN, nameSv: 'Västerbotten i Almedalen', count: 0 },
      { code: MeetingPlaceCode.DIGITALA_VASTERBOTTEN, nameSv: 'Digitala Västerbotten', count: 1 },
      { code: null, nameSv: 'Ingen mötesplats under kvartalet', count: 0 },
    ],
  },
};

/** The changes a version 2 of the sample quarter would list (two late corrections). */
export const SAMPLE_CHANGES: FigureChange[] = [
  { whatSv: 'Stegen vid kvartalets slut › Deltagande', before: 73, after: 74 },
  { whatSv: 'Kommuner › Sorsele › Engagerade aktörer', before: 1, after: 2 },
];
