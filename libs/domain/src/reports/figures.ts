import { ActorKind, Gender, MeetingPlaceCode, Sector } from '../enums';
import { InitiativeKind } from '../initiatives';
import { LadderStep } from '../ladder/steps';

/**
 * The figures of one quarterly report to the regional development committee (RUN), frozen when
 * the report is made. Everything the PDF, the spreadsheet and the GraphQL fields show is here, so
 * what the committee received stays answerable after later corrections to the data.
 *
 * Counts are of actors (persons and organisations) unless a name says otherwise. Dates are
 * calendar dates in Europe/Stockholm (YYYY-MM-DD).
 */
export interface ReportFigures {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First and last day of the quarter. */
  periodStart: string;
  periodEnd: string;
  /** The quarter before, and the same quarter a year earlier, as "2026 K2". */
  previousLabel: string;
  yearEarlierLabel: string;
  summary: SummaryFigures;
  ladder: LadderFigures;
  meetingPlaces: MeetingPlaceFigures[];
  /** Actors who took part at two or more meeting places in the quarter (synergy). */
  synergy: Compared;
  sectors: SectorFigures[];
  /** Initiatives active in the quarter whose members cover two or more sectors. */
  crossSectorInitiatives: InitiativeFigures[];
  /** Always the 15 municipalities of Västerbotten, in the order of COUNTY_MUNICIPALITIES. */
  municipalities: MunicipalityFigures[];
  subRegions: SubRegionFigures[];
  /** Actors located outside the county (elsewhere in Sweden or abroad), and those with no location. */
  outsideCounty: AreaFigures;
  unknownLocation: AreaFigures;
  gender: GenderFigures;
  /** Actors who reached step 5 (Påverkan och handling) during the quarter. */
  reachedInfluence: ReachedInfluence[];
}

/** A figure for the quarter, the quarter before and the same quarter a year earlier. */
export interface Compared {
  current: number;
  previousQuarter: number;
  yearEarlier: number;
}

export interface SummaryFigures {
  /** On any step (1–5) on the quarter's last day. */
  engagedActors: Compared;
  /** Engaged on the last day and never on the ladder before the quarter began. */
  newActors: Compared;
  /** On a higher step at the end than at the start (among those engaged at the start). */
  movedUp: Compared;
  movedDown: Compared;
  /** On step 1–2 (passive) at the start, on 3–5 (active) at the end. */
  passiveToActive: Compared;
  /** The three largest changes against the quarter before, as plain Swedish sentences, largest first. */
  largestChanges: LargestChange[];
}

export interface LargestChange {
  /** e.g. "Deltagande: 412 aktörer (+57 jämfört med 2026 K2)" */
  textSv: string;
  /** What changed, for sorting and the spreadsheet: the label and the signed difference. */
  subjectSv: string;
  change: number;
}

export interface StepCount {
  step: LadderStep;
  count: number;
}

export interface LadderFigures {
  /** Actors on each step on the quarter's last day; always five entries, lowest step first. */
  atEnd: StepCount[];
  atEndPreviousQuarter: StepCount[];
  atEndYearEarlier: StepCount[];
  /**
   * Movement between the quarter's first day and its last: every (from, to) pair with a count above
   * zero; null means not engaged. The diagonal (no change) is included.
   */
  movement: MovementCell[];
  /** The last five quarters including this one, oldest first: actors per step at each quarter's end (bar chart). */
  history: QuarterSteps[];
}

export interface MovementCell {
  from: LadderStep | null;
  to: LadderStep | null;
  count: number;
}

export interface QuarterSteps {
  /** "2026 K3" */
  label: string;
  steps: StepCount[];
}

export interface MeetingPlaceFigures {
  code: MeetingPlaceCode;
  nameSv: string;
  /** Events starting in the quarter at this meeting place (cancelled participations don't matter). */
  eventsHeld: Compared;
  /** Participations with status ATTENDED at those events. */
  attendance: Compared;
  /** Distinct actors who attended. */
  uniqueActors: Compared;
  /** Attended here in the quarter, and had never attended any event before the quarter. */
  newActors: Compared;
  /** The step on the quarter's last day of those who attended here (not engaged counted apart). */
  ladderMix: StepCount[];
}

export interface SectorFigures {
  sector: Sector;
  labelSv: string;
  /** Engaged actors of the sector per step on the quarter's last day. */
  ladderMix: StepCount[];
  engaged: Compared;
}

export interface InitiativeFigures {
  name: string;
  kind: InitiativeKind;
  kindSv: string;
  sectors: Sector[];
  members: number;
}

export interface AreaFigures {
  /** Engaged actors (step 1–5) on the quarter's last day. */
  engaged: Compared;
  /** Distinct actors who attended an event in the quarter. */
  participants: Compared;
}

export interface MunicipalityFigures extends AreaFigures {
  code: string;
  nameSv: string;
  /** UMEA_REGION, INLAND or SKELLEFTEA. */
  subRegion: string;
}

export interface SubRegionFigures extends AreaFigures {
  code: string;
  nameSv: string;
}

/** Counts per self-reported gender; persons without one are NOT_STATED. Always four entries. */
export interface GenderCount {
  gender: Gender;
  count: number;
}

export interface GenderSplit {
  /** All distinct persons who attended. */
  participants: GenderCount[];
  /** Distinct persons who attended as speaker, moderator or panelist. */
  onStage: GenderCount[];
}

export interface GenderFigures extends GenderSplit {
  perMeetingPlace: (GenderSplit & { code: MeetingPlaceCode; nameSv: string })[];
  /** The last four quarters including this one, oldest first. */
  lastFourQuarters: (GenderSplit & { label: string })[];
}

/**
 * An actor who reached step 5. No personal names in the committee's document: an organisation by
 * its name, a person by title and organisation only ("Verksamhetschef, Skellefteå kommun").
 */
export interface ReachedInfluence {
  kind: ActorKind;
  /** The organisation's name, or the person's title and organisation; never a person's name. */
  descriptionSv: string;
  /** The first day on step 5 in the quarter. */
  reachedOn: string;
  /** Why, in Swedish: the rule's evidence without personal names. */
  reasonSv: string;
}

/** One figure that differs from the previous version of the same quarter's report. */
export interface FigureChange {
  /** Where, in Swedish: "Stegen vid kvartalets slut › Deltagande". */
  whatSv: string;
  before: number;
  after: number;
}
