import {
  ActorKind,
  discloseReport,
  diffDisclosedFigures,
  exactReport,
  Gender,
  InitiativeKind,
  LadderStep,
  MeetingPlaceCode,
  Role,
  Sector,
} from '@crm/domain';
import { QuarterlyReportRecord } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import '../common/enums';
import '../initiatives/initiative.enums';
import { StepCount } from '../ladder/ladder.models';

export enum ReportStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description:
    'PENDING: queued; RUNNING: being made; READY: frozen, with figures and files; FAILED: see error',
});

// The figures as typed fields, one class per shape of libs/domain/src/reports/figures.ts.
//
// Disclosure control: what the COMMITTEE role reads of a report never reveals a count of 1..k−1
// persons (k = DISCLOSURE_MIN_COUNT): such a count is null with `suppressed: true` beside it, and
// so is a second count of the same table wherever a published total would give the first away.
// ADMIN, EVENT_STAFF and STRATEGIST read exact numbers (suppressed always false). Persons who
// reached step 5 are only counted, for every role: the report is the committee's document.

const WITHHELD =
  'null when withheld for the COMMITTEE role by disclosure control: a count of fewer than ' +
  'DISCLOSURE_MIN_COUNT persons, or one that together with the totals beside it would give such a count away';
const SUPPRESSED =
  'true when a count beside it is withheld (null) by disclosure control; always false for ADMIN, ' +
  'EVENT_STAFF and STRATEGIST, who receive exact numbers';

@ObjectType({
  description:
    'A figure for the quarter, the quarter before and the same quarter a year earlier. Counts of actors ' +
    `include persons: each is ${WITHHELD}`,
})
export class ComparedFigure {
  @Field(() => Int, { nullable: true }) current!: number | null;
  @Field(() => Int, { nullable: true }) previousQuarter!: number | null;
  @Field(() => Int, { nullable: true }) yearEarlier!: number | null;
  @Field({ description: `${SUPPRESSED} (any of the three)` }) suppressed!: boolean;
}

@ObjectType({
  description: 'One of the three largest changes, chosen among the figures the reader may see',
})
export class LargestChange {
  @Field({ description: 'The change as a Swedish sentence' }) textSv!: string;
  @Field() subjectSv!: string;
  @Field(() => Int) change!: number;
}

@ObjectType()
export class ReportSummary {
  @Field(() => ComparedFigure, { description: 'On any step on the quarter’s last day' })
  engagedActors!: ComparedFigure;
  @Field(() => ComparedFigure, { description: 'Engaged at the end, never on the ladder before the quarter' })
  newActors!: ComparedFigure;
  @Field(() => ComparedFigure) movedUp!: ComparedFigure;
  @Field(() => ComparedFigure) movedDown!: ComparedFigure;
  @Field(() => ComparedFigure, { description: 'Steps 1–2 at the start, 3–5 at the end' })
  passiveToActive!: ComparedFigure;
  @Field(() => [LargestChange]) largestChanges!: LargestChange[];
}

@ObjectType()
export class MovementCell {
  @Field(() => LadderStep, { nullable: true, description: 'null: not engaged' }) from!: LadderStep | null;
  @Field(() => LadderStep, { nullable: true, description: 'null: not engaged' }) to!: LadderStep | null;
  @Field(() => Int, { nullable: true, description: `Actors who moved so; ${WITHHELD}` }) count!:
    number | null;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType()
export class QuarterSteps {
  @Field({ description: '"2026 K3"' }) label!: string;
  @Field(() => [StepCount]) steps!: StepCount[];
}

@ObjectType()
export class ReportLadder {
  @Field(() => [StepCount]) atEnd!: StepCount[];
  @Field(() => [StepCount]) atEndPreviousQuarter!: StepCount[];
  @Field(() => [StepCount]) atEndYearEarlier!: StepCount[];
  @Field(() => [MovementCell]) movement!: MovementCell[];
  @Field(() => [QuarterSteps], { description: 'The last five quarters, oldest first' })
  history!: QuarterSteps[];
}

@ObjectType()
export class MeetingPlaceFigures {
  @Field(() => MeetingPlaceCode) code!: MeetingPlaceCode;
  @Field() nameSv!: string;
  @Field(() => ComparedFigure) eventsHeld!: ComparedFigure;
  @Field(() => ComparedFigure, { description: 'Attended participations' }) attendance!: ComparedFigure;
  @Field(() => ComparedFigure) uniqueActors!: ComparedFigure;
  @Field(() => ComparedFigure, { description: 'First attendance ever in this quarter' })
  newActors!: ComparedFigure;
  @Field(() => [StepCount], { description: 'Steps of its participants at the quarter’s end' })
  ladderMix!: StepCount[];
}

@ObjectType()
export class SectorFigures {
  @Field(() => Sector) sector!: Sector;
  @Field() labelSv!: string;
  @Field(() => [StepCount]) ladderMix!: StepCount[];
  @Field(() => ComparedFigure) engaged!: ComparedFigure;
}

@ObjectType()
export class InitiativeFigures {
  @Field() name!: string;
  @Field(() => InitiativeKind) kind!: InitiativeKind;
  @Field() kindSv!: string;
  @Field(() => [Sector]) sectors!: Sector[];
  @Field(() => Int, { nullable: true, description: `Members (persons and organisations); ${WITHHELD}` })
  members!: number | null;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType()
export class AreaFigures {
  @Field(() => ComparedFigure, { description: 'Engaged actors at the quarter’s end' })
  engaged!: ComparedFigure;
  @Field(() => ComparedFigure, { description: 'Distinct actors who attended in the quarter' })
  participants!: ComparedFigure;
}

@ObjectType()
export class MunicipalityFigures extends AreaFigures {
  @Field() code!: string;
  @Field() nameSv!: string;
  @Field() subRegion!: string;
}

@ObjectType()
export class SubRegionFigures extends AreaFigures {
  @Field() code!: string;
  @Field() nameSv!: string;
}

@ObjectType()
export class GenderCount {
  @Field(() => Gender) gender!: Gender;
  @Field(() => Int, { nullable: true, description: `Persons; ${WITHHELD}` }) count!: number | null;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType()
export class GenderSplit {
  @Field(() => [GenderCount]) participants!: GenderCount[];
  @Field(() => [GenderCount], { description: 'Speakers, moderators and panelists' }) onStage!: GenderCount[];
}

@ObjectType()
export class MeetingPlaceGender extends GenderSplit {
  @Field(() => MeetingPlaceCode) code!: MeetingPlaceCode;
  @Field() nameSv!: string;
}

@ObjectType()
export class QuarterGender extends GenderSplit {
  @Field() label!: string;
}

@ObjectType()
export class GenderFigures extends GenderSplit {
  @Field(() => [MeetingPlaceGender]) perMeetingPlace!: MeetingPlaceGender[];
  @Field(() => [QuarterGender]) lastFourQuarters!: QuarterGender[];
}

@ObjectType({
  description:
    'An organisation that reached step 5, by name. Persons are never described, only counted ' +
    '(reachedInfluencePersons); entries of reports made before that (figures format 1) that described ' +
    'persons are withheld',
})
export class ReachedInfluence {
  @Field(() => ActorKind, { description: 'ORGANISATION' }) kind!: ActorKind;
  @Field({ description: 'The organisation’s name' }) descriptionSv!: string;
  @Field() reachedOn!: string;
  @Field() reasonSv!: string;
}

@ObjectType()
export class SectorPersons {
  @Field(() => Sector) sector!: Sector;
  @Field() labelSv!: string;
  @Field(() => Int, { nullable: true, description: `Persons; ${WITHHELD}` }) count!: number | null;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType()
export class MeetingPlacePersons {
  @Field(() => MeetingPlaceCode, {
    nullable: true,
    description: 'null: persons who attended no meeting place in the quarter',
  })
  code!: MeetingPlaceCode | null;
  @Field() nameSv!: string;
  @Field(() => Int, { nullable: true, description: `Persons; ${WITHHELD}` }) count!: number | null;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType({
  description:
    'Persons who reached step 5 in the quarter: counted, never described. For reports made before ' +
    'persons were counted (figures format 1) only the total is known and both lists are empty',
})
export class ReachedInfluencePersons {
  @Field(() => Int, { nullable: true, description: `Persons; ${WITHHELD}` }) total!: number | null;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
  @Field(() => [SectorPersons], { description: 'Per sector; adds up to the total' })
  perSector!: SectorPersons[];
  @Field(() => [MeetingPlacePersons], {
    description:
      'Per meeting place where they attended an event in the quarter (a person may count at several), ' +
      'then those who attended none',
  })
  perMeetingPlace!: MeetingPlacePersons[];
}

@ObjectType()
export class FigureChange {
  @Field() whatSv!: string;
  @Field(() => Int, { nullable: true, description: WITHHELD }) before!: number | null;
  @Field(() => Int, { nullable: true, description: WITHHELD }) after!: number | null;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
}

@ObjectType({
  description:
    'The frozen figures of a quarterly report. For the COMMITTEE role after disclosure control: counts of ' +
    '1..k−1 persons, and counts that would give one away, are null with suppressed: true',
})
export class ReportFigures {
  @Field(() => Int, {
    description:
      '1: made before disclosure control (persons who reached step 5 were described; those entries are ' +
      'withheld); 2: persons are only counted',
  })
  formatVersion!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'k of the disclosure control applied to these figures (DISCLOSURE_MIN_COUNT); null when they are exact',
  })
  disclosureMinCount!: number | null;
  @Field(() => Int) year!: number;
  @Field(() => Int) quarter!: number;
  @Field() periodStart!: string;
  @Field() periodEnd!: string;
  @Field() previousLabel!: string;
  @Field() yearEarlierLabel!: string;
  @Field(() => ReportSummary) summary!: ReportSummary;
  @Field(() => ReportLadder) ladder!: ReportLadder;
  @Field(() => [MeetingPlaceFigures]) meetingPlaces!: MeetingPlaceFigures[];
  @Field(() => ComparedFigure, { description: 'Actors at two or more meeting places' })
  synergy!: ComparedFigure;
  @Field(() => [SectorFigures]) sectors!: SectorFigures[];
  @Field(() => [InitiativeFigures]) crossSectorInitiatives!: InitiativeFigures[];
  @Field(() => [MunicipalityFigures], { description: 'Always the 15 municipalities of the county' })
  municipalities!: MunicipalityFigures[];
  @Field(() => [SubRegionFigures]) subRegions!: SubRegionFigures[];
  @Field(() => AreaFigures) outsideCounty!: AreaFigures;
  @Field(() => AreaFigures) unknownLocation!: AreaFigures;
  @Field(() => GenderFigures) gender!: GenderFigures;
  @Field(() => [ReachedInfluence], { description: 'Organisations that reached step 5 in the quarter' })
  reachedInfluence!: ReachedInfluence[];
  @Field(() => ReachedInfluencePersons) reachedInfluencePersons!: ReachedInfluencePersons;
}

/** How the caller reads a report: the committee after disclosure control, everyone else exactly. */
export interface ReportView {
  /** k when the figures are disclosed (COMMITTEE), null for exact figures. */
  minCount: number | null;
  /** The figures of the READY version before this one, to list the changes as the committee may see them. */
  previous?: QuarterlyReportRecord | null;
}

export function reportView(role: Role, minCount: number): ReportView {
  return { minCount: role === Role.COMMITTEE ? minCount : null };
}

function viewFigures(r: QuarterlyReportRecord, view: ReportView): ReportFigures | null {
  if (!r.figures) return null;
  const disclosed =
    view.minCount === null ? exactReport(r.figures) : discloseReport(r.figures, view.minCount);
  return Object.assign(new ReportFigures(), {
    ...disclosed.figures,
    formatVersion: r.figures.formatVersion ?? 1,
    disclosureMinCount: view.minCount,
  }) as ReportFigures;
}

function viewChanges(r: QuarterlyReportRecord, view: ReportView): FigureChange[] | null {
  if (r.changes === null) return null;
  if (view.minCount === null) return r.changes.map((c) => ({ ...c, suppressed: false }));
  // The committee sees what differs between the two versions as disclosed.
  if (!view.previous?.figures || !r.figures) return [];
  return diffDisclosedFigures(
    discloseReport(view.previous.figures, view.minCount).figures,
    discloseReport(r.figures, view.minCount).figures,
  ) as FigureChange[];
}

@ObjectType()
export class QuarterlyReport {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) quarter!: number;
  @Field(() => Int) version!: number;
  @Field(() => ReportStatus) status!: ReportStatus;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) generatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Path relative to the API, same bearer token' })
  pdfUrl!: string | null;
  @Field(() => String, { nullable: true }) xlsxUrl!: string | null;
  private record!: QuarterlyReportRecord;
  private view!: ReportView;
  private disclosed?: { figures: ReportFigures | null; changes: FigureChange[] | null };

  // Disclosure control runs only when a query selects the figures or the changes, once per report.
  private get prepared(): { figures: ReportFigures | null; changes: FigureChange[] | null } {
    if (!this.disclosed) {
      const ready = this.record.status === 'READY';
      this.disclosed = {
        figures: ready ? viewFigures(this.record, this.view) : null,
        changes: ready ? viewChanges(this.record, this.view) : null,
      };
    }
    return this.disclosed;
  }

  @Field(() => ReportFigures, { nullable: true })
  get figures(): ReportFigures | null {
    return this.prepared.figures;
  }

  @Field(() => [FigureChange], {
    nullable: true,
    description: 'What changed since the previous version, as the reader may see it; null for the first',
  })
  get changes(): FigureChange[] | null {
    return this.prepared.changes;
  }

  static from(r: QuarterlyReportRecord, view: ReportView): QuarterlyReport {
    const ready = r.status === 'READY';
    return Object.assign(new QuarterlyReport(), {
      id: r.id,
      year: r.year,
      quarter: r.quarter,
      version: r.version,
      status: r.status as ReportStatus,
      error: r.error,
      generatedAt: r.generatedAt,
      pdfUrl: ready ? `/reports/${r.id}.pdf` : null,
      xlsxUrl: ready ? `/reports/${r.id}.xlsx` : null,
      record: r,
      view,
    });
  }
}
