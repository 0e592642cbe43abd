import { RegistrationImportRecord } from '@crm/persistence';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ParticipationRole, ParticipationStatus } from '@crm/domain';
import { CreatePersonInput } from '../actors/actor.inputs';
import '../common/enums';

export enum ImportStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'PENDING: waiting for the worker; RUNNING: rows are being written; DONE; FAILED: see `error`',
});

@ObjectType()
export class RejectedRow {
  @Field(() => Int, { description: 'Line in the file (CSV) or row number (Excel)' }) line!: number;
  @Field({ description: 'Why the row was not imported, in Swedish' }) reason!: string;
}

@ObjectType({ description: 'An uploaded registration list and what became of its rows' })
export class RegistrationImport {
  @Field(() => ID) id!: string;
  @Field(() => ImportStatus) status!: ImportStatus;
  @Field(() => Int, { description: 'Data rows in the file (blank lines not counted)' }) rows!: number;
  @Field(() => Int, { description: 'Persons and organisations the list created' }) createdActors!: number;
  @Field(() => Int, { description: 'Rows whose person was already known' }) matchedActors!: number;
  @Field(() => Int) createdParticipations!: number;
  @Field(() => Int, { description: 'Registrations whose role or status the list changed' })
  updatedParticipations!: number;
  @Field(() => [RejectedRow]) rejected!: RejectedRow[];
  @Field(() => Int, { description: 'Rows not imported: the length of `rejected`' })
  rejectedCount!: number;
  @Field(() => [String], { description: 'Column headers that were not recognised and so not read' })
  ignoredColumns!: string[];
  @Field(() => ID) eventId!: string;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => String, { nullable: true, description: 'Why a FAILED import failed, in Swedish' }) error!:
    string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;

  static from(r: RegistrationImportRecord): RegistrationImport {
    return Object.assign(new RegistrationImport(), {
      id: r.id,
      status: r.status as ImportStatus,
      rows: r.rows,
      createdActors: r.createdActors,
      matchedActors: r.matchedActors,
      createdParticipations: r.createdParticipations,
      updatedParticipations: r.updatedParticipations,
      rejected: r.rejected,
      rejectedCount: r.rejected.length,
      ignoredColumns: r.ignoredColumns,
      eventId: r.eventId,
      fileName: r.fileName,
      error: r.error,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
    });
  }
}

@InputType({ description: 'One registration: an existing actor by id, or a person to match or create' })
export class ParticipationItem {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => CreatePersonInput, { nullable: true }) person?: CreatePersonInput | null;
  @Field(() => ParticipationRole) role!: ParticipationRole;
  @Field(() => ParticipationStatus, {
    nullable: true,
    description: 'A new registration defaults to REGISTERED; an existing one keeps its status',
  })
  status?: ParticipationStatus | null;
}
