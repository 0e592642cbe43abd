import { ParticipationRole, ParticipationSource, ParticipationStatus } from '@crm/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('participation')
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column('text') role!: ParticipationRole;
  @Column('text') status!: ParticipationStatus;
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true }) checkedInAt!: Date | null;
  @Column('text') source!: ParticipationSource;
  /** `VB-XXXX-XXXX-XXXX`, made by the column's default (see migrations/1764300000100-door.ts); never changes. */
  @Column({ name: 'check_in_code', type: 'text', insert: false, update: false }) checkInCode!: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true, update: false }) createdBy!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
}
