import { ActorKind, Gender, InitiativeKind, LadderStep, MeetingPlaceCode, Sector } from '@crm/domain';
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

@ObjectType({
  description: 'A figure for the quarter, the quarter before and the same quarter a year earlier',
})
export class ComparedFigure {
  @Field(() => Int) current!: number;
  @Field(() => Int) previousQuarter!: number;
  @Field(() => Int) yearEarlier!: number;
}

@ObjectType()
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
  @Field(() => Int) count!: number;
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
  @Field(() => Int) members!: number;
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
  @Field(() => Int) count!: number;
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

@ObjectType({ description: 'Reached step 5; persons described by title and organisation, never by name' })
export class ReachedInfluence {
  @Field(() => ActorKind) kind!: ActorKind;
  @Field() descriptionSv!: string;
  @Field() reachedOn!: string;
  @Field() reasonSv!: string;
}

@ObjectType()
export class FigureChange {
  @Field() whatSv!: string;
  @Field(() => Int) before!: number;
  @Field(() => Int) after!: number;
}

@ObjectType({ description: 'The frozen figures of a quarterly report' })
export class ReportFigures {
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
  @Field(() => [ReachedInfluence]) reachedInfluence!: ReachedInfluence[];
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
  @Field(() => ReportFigures, { nullable: true }) figures!: ReportFigures | null;
  @Field(() => [FigureChange], {
    nullable: true,
    description: 'What changed since the previous version; null for the first',
  })
  changes!: FigureChange[] | null;

  static from(r: QuarterlyReportRecord): QuarterlyReport {
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
      figures: ready ? r.figures : null,
      changes: ready ? r.changes : null,
    });
  }
}
