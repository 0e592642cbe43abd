import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', insert: false }) at!: Date;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column('text') action!: string;
  @Column('text') entity!: string;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Column({ name: 'changed_fields', type: 'text', array: true }) changedFields!: string[];
}
