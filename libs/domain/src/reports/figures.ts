import { ActorKind, Gender, MeetingPlaceCode, Sector } from '../enums';
import { InitiativeKind } from '../initiatives';
import { LadderStep } from '../ladder/steps';

/**
 * The figures format written today. Format 1 (reports made before disclosure control, no
 * `formatVersion` in the stored JSON) listed persons who reached step 5 by title and organisation;
 * format 2 lists organisations only, counts those persons (`reachedInfluencePersons`) and keeps the
 * persons behind every count (`personCounts`) for disclosure control.
 */
export const REPORT_FIGURES_FORMAT = 2;

/**
 * The figures of one quarterly report to the regional development committee (RUN), frozen when
 * the report is made. Everything the PDF, the spreadsheet and the GraphQL fields show is here, so
 * what the committee received stays answerable after later corrections to the data.
 *
 * Counts are of actors (persons and organisations) unless a name says otherwise. Dates are
 * calendar dates in Europe/Stockholm (YYYY-MM-DD).
 *
 * `N` is the type of a count: `number` as computed and stored; `number | null` once disclosure
 * control has withheld some (null: suppressed; see disclosure.ts).
 */
export interface ReportFigures<N extends number | null = number> {
  /** Absent in format 1. */
  formatVersion?: number;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First and last day of the quarter. */
  periodStart: string;
  periodEnd: string;
  /** The quarter before, and the same quarter a year earlier, as "2026 K2". */
  previousLabel: string;
  yearEarlierLabel: string;
  summary: SummaryFigures<N>;
  ladder: LadderFigures<N>;
  meetingPlaces: MeetingPlaceFigures<N>[];
  /** Actors who took part at two or more meeting places in the quarter (synergy). */
  synergy: Compared<N>;
  sectors: SectorFigures<N>[];
  /** Initiatives active in the quarter whose members cover two or more sectors. */
  crossSectorInitiatives: InitiativeFigures<N>[];
  /** Always the 15 municipalities of Västerbotten, in the order of COUNTY_MUNICIPALITIES. */
  municipalities: MunicipalityFigures<N>[];
  subRegions: SubRegionFigures<N>[];
  /** Actors located outside the county (elsewhere in Sweden or abroad), and those with no location. */
  outsideCounty: AreaFigures<N>;
  unknownLocation: AreaFigures<N>;
  gender: GenderFigures<N>;
  /**
   * Who reached step 5 (Påverkan och handling) during the quarter: from format 2 organisations
   * only (persons are counted in `reachedInfluencePersons`); format 1 also described persons.
   */
  reachedInfluence: ReachedInfluence[];
  /** Persons who reached step 5 during the quarter, counted, never described. Absent in format 1. */
  reachedInfluencePersons?: ReachedInfluencePersons<N>;
  /**
   * Format 2: the persons behind each count, by the count's key in disclosure.ts (a count of
   * actors minus the organisations published elsewhere must not single out a person). Absent in
   * format 1 and in disclosed figures.
   */
  personCounts?: Record<string, number>;
}

/**
 * A figure for the quarter, the quarter before and the same quarter a year earlier. Disclosed
 * figures say whether any of the three was withheld.
 */
export interface Compared<N extends number | null = number> {
  current: N;
  previousQuarter: N;
  yearEarlier: N;
  suppressed?: boolean;
}

/** Persons who reached step 5 in the quarter, per sector (adding up to the total) and per meeting place. */
export interface ReachedInfluencePersons<N extends number | null = number> {
  total: N;
  suppressed?: boolean;
  perSector: { sector: Sector; labelSv: string; count: N; suppressed?: boolean }[];
  /**
   * Per meeting place where they attended an event in the quarter (a person may count at several),
   * and last (code null) those who attended none in the quarter.
   */
  perMeetingPlace: { code: MeetingPlaceCode | null; nameSv: string; count: N; suppressed?: boolean }[];
}

export interface SummaryFigures<N extends number | null = number> {
  /** On any step (1–5) on the quarter's last day. */
  engagedActors: Compared<N>;
  /** Engaged on the last day and never on the ladder before the quarter began. */
  newActors: Compared<N>;
  /** On a higher step at the end than at the start (among those engaged at the start). */
  movedUp: Compared<N>;
  movedDown: Compared<N>;
  /** On step 1–2 (passive) at the start, on 3–5 (active) at the end. */
  passiveToActive: Compared<N>;
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

export interface StepCount<N extends number | null = number> {
  step: LadderStep;
  count: N;
  suppressed?: boolean;
}

export interface LadderFigures<N extends number | null = number> {
  /** Actors on each step on the quarter's last day; always five entries, lowest step first. */
  atEnd: StepCount<N>[];
  atEndPreviousQuarter: StepCount<N>[];
  atEndYearEarlier: StepCount<N>[];
  /**
   * Movement between the quarter's first day and its last: every (from, to) pair with a count above
   * zero; null means not engaged. The diagonal (no change) is included.
   */
  movement: MovementCell<N>[];
  /** The last five quarters including this one, oldest first: actors per step at each quarter's end (bar chart). */
  history: QuarterSteps<N>[];
}

export interface MovementCell<N extends number | null = number> {
  from: LadderStep | null;
  to: LadderStep | null;
  count: N;
  suppressed?: boolean;
}

export interface QuarterSteps<N extends number | null = number> {
  /** "2026 K3" */
  label: string;
  steps: StepCount<N>[];
}

export interface MeetingPlaceFigures<N extends number | null = number> {
  code: MeetingPlaceCode;
  nameSv: string;
  /** Events starting in the quarter at this meeting place (cancelled participations don't matter). */
  eventsHeld: Compared<N>;
  /** Participations with status ATTENDED at those events. */
  attendance: Compared<N>;
  /** Distinct actors who attended. */
  uniqueActors: Compared<N>;
  /** Attended here in the quarter, and had never attended any event before the quarter. */
  newActors: Compared<N>;
  /** The step on the quarter's last day of those who attended here (not engaged counted apart). */
  ladderMix: StepCount<N>[];
}

export interface SectorFigures<N extends number | null = number> {
  sector: Sector;
  labelSv: string;
  /** Engaged actors of the sector per step on the quarter's last day. */
  ladderMix: StepCount<N>[];
  engaged: Compared<N>;
}

export interface InitiativeFigures<N extends number | null = number> {
  name: string;
  kind: InitiativeKind;
  kindSv: string;
  sectors: Sector[];
  members: N;
  suppressed?: boolean;
}

export interface AreaFigures<N extends number | null = number> {
  /** Engaged actors (step 1–5) on the quarter's last day. */
  engaged: Compared<N>;
  /** Distinct actors who attended an event in the quarter. */
  participants: Compared<N>;
}

export interface MunicipalityFigures<N extends number | null = number> extends AreaFigures<N> {
  code: string;
  nameSv: string;
  /** UMEA_REGION, INLAND or SKELLEFTEA. */
  subRegion: string;
}

export interface SubRegionFigures<N extends number | null = number> extends AreaFigures<N> {
  code: string;
  nameSv: string;
}

/** Counts per self-reported gender; persons without one are NOT_STATED. Always four entries. */
export interface GenderCount<N extends number | null = number> {
  gender: Gender;
  count: N;
  suppressed?: boolean;
}

export interface GenderSplit<N extends number | null = number> {
  /** All distinct persons who attended. */
  participants: GenderCount<N>[];
  /** Distinct persons who attended as speaker, moderator or panelist. */
  onStage: GenderCount<N>[];
}

export interface GenderFigures<N extends number | null = number> extends GenderSplit<N> {
  perMeetingPlace: (GenderSplit<N> & { code: MeetingPlaceCode; nameSv: string })[];
  /** The last four quarters including this one, oldest first. */
  lastFourQuarters: (GenderSplit<N> & { label: string })[];
}

/**
 * An organisation that reached step 5, by its name. (Format 1 also listed persons, by title and
 * organisation: those entries are withheld wherever the report is read today.)
 */
export interface ReachedInfluence {
  kind: ActorKind;
  /** The organisation's name (format 1: or a person's title and organisation); never a person's name. */
  descriptionSv: string;
  /** The first day on step 5 in the quarter. */
  reachedOn: string;
  /** Why, in Swedish: the rule's evidence without personal names. */
  reasonSv: string;
}

/** One figure that differs from the previous version of the same quarter's report. */
export interface FigureChange<N extends number | null = number> {
  /** Where, in Swedish: "Stegen vid kvartalets slut › Deltagande". */
  whatSv: string;
  before: N;
  after: N;
  suppressed?: boolean;
}
