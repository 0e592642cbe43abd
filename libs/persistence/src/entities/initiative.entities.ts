import { EngagementKind, InitiativeKind, InitiativeRole, MeetingPlaceCode } from '@crm/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Calendar dates ('YYYY-MM-DD') are strings: the repositories select them as `::text`, so the pg
// driver never turns them into a JS Date at some time zone's midnight.

@Entity('initiative')
export class InitiativeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: InitiativeKind;
  @Column({ type: 'text', array: true }) topics!: string[];
  @Column({ name: 'started_on', type: 'date' }) startedOn!: string;
  @Column({ name: 'meeting_place', type: 'text', nullable: true }) meetingPlace!: MeetingPlaceCode | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true, update: false }) createdBy!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
}

@Entity('initiative_membership')
export class InitiativeMembershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'initiative_id', type: 'uuid' }) initiativeId!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column('text') role!: InitiativeRole;
  @Column({ name: 'joined_on', type: 'date' }) joinedOn!: string;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true, update: false }) createdBy!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
}

@Entity('engagement')
export class EngagementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column('text') kind!: EngagementKind;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column({ name: 'event_id', type: 'uuid', nullable: true }) eventId!: string | null;
  @Column({ name: 'initiative_id', type: 'uuid', nullable: true }) initiativeId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true, update: false }) createdBy!: string | null;
}
