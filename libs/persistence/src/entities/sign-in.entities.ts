import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in browser: its id is the SHA-256 of the cookie's secret, which is never stored. */
@Entity('user_session')
export class UserSessionEntity {
  @PrimaryColumn('text') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Moved at most once a minute; the session ends 8 hours after it. */
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
  /** The absolute end, however active the session is. */
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}

/** A one-time link that lets its holder set the user's password; only the secret's SHA-256 is stored. */
@Entity('user_invitation')
export class UserInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'secret_hash', type: 'text' }) secretHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
}
