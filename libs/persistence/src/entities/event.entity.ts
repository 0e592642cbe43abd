import { AttendanceMode, EventFormat, MeetingPlaceCode, RusPriority } from '@crm/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('event')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'meeting_place', type: 'text' }) meetingPlace!: MeetingPlaceCode;
  @Column('text') title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt!: Date | null;
  @Column({ type: 'text', nullable: true }) format!: EventFormat | null;
  @Column({ type: 'text', array: true }) topics!: string[];
  @Column({ name: 'rus_priorities', type: 'text', array: true }) rusPriorities!: RusPriority[];
  @Column({ name: 'attendance_mode', type: 'text' }) attendanceMode!: AttendanceMode;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true, update: false }) createdBy!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
}
