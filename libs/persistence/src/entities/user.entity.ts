import { Role } from '@crm/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('text') role!: Role;
  /** SHA-256 of the bearer token; tokens are 256-bit random, so a slow hash adds nothing. */
  @Column({ name: 'token_hash', type: 'text', select: false }) tokenHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  /** Set by disableUser: the token answers UNAUTHENTICATED until enableUser clears it. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  /** When the token was last used, kept to the minute (not written on every request). */
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true }) lastSeenAt!: Date | null;
  /** argon2id hash (PHC string) of the user's password; null while the user has none. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash!:
    string | null;
  /** When the user last signed in with a password, an invitation or single sign-on. */
  @Column({ name: 'last_signed_in_at', type: 'timestamptz', nullable: true }) lastSignedInAt!: Date | null;
}
