import { ActorKind, Gender, LegalBasis, Sector } from '@crm/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('actor')
export class ActorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') kind!: ActorKind;
  @Column('text') name!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;
  @Column({ type: 'text', nullable: true }) gender!: Gender | null;
  @Column('text') sector!: Sector;
  @Column({ name: 'municipality_code', type: 'char', length: 4, nullable: true }) municipalityCode!:
    string | null;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ name: 'organisation_number', type: 'text', nullable: true }) organisationNumber!: string | null;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: LegalBasis;
  /** Processing restricted (GDPR art. 18): hidden from everyone but ADMIN, still counted. */
  @Column({ name: 'restricted_at', type: 'timestamptz', nullable: true }) restrictedAt!: Date | null;
  @Column({ name: 'restriction_reason', type: 'text', nullable: true }) restrictionReason!: string | null;
  @Column({ name: 'restricted_by', type: 'uuid', nullable: true }) restrictedBy!: string | null;
  /** Irreversibly anonymised: name replaced, email, title and notes gone; the evidence kept. */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true }) anonymisedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true, update: false }) createdBy!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
}
