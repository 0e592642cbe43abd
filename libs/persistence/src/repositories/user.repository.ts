import { Role } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { UserEntity } from '../entities';
import { hydrate } from '../sql';

export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  async findActiveByTokenHash(tokenHash: string): Promise<UserEntity | null> {
    const rows = await this.em.query(`SELECT * FROM app_user WHERE token_hash = $1 AND disabled_at IS NULL`, [
      tokenHash,
    ]);
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }

  async findAll(): Promise<UserEntity[]> {
    return hydrate(
      this.em,
      UserEntity,
      await this.em.query(`SELECT * FROM app_user ORDER BY created_at, id`),
    );
  }

  async insert(
    values: { name: string; email: string; role: Role; tokenHash: string },
    createdBy: string | null,
  ): Promise<UserEntity> {
    const rows = await this.em.query(
      `INSERT INTO app_user (name, email, role, token_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [values.name, values.email, values.role, values.tokenHash, createdBy],
    );
    return hydrate(this.em, UserEntity, rows)[0];
  }

  /**
   * Creates the first ADMIN only while no user exists. The advisory lock makes two API processes
   * starting at once agree on a single bootstrap.
   */
  async bootstrapAdmin(values: {
    name: string;
    email: string;
    tokenHash: string;
  }): Promise<UserEntity | null> {
    await this.em.query(`SELECT pg_advisory_xact_lock(hashtext('app_user.bootstrap'))`);
    const rows = await this.em.query(
      `INSERT INTO app_user (name, email, role, token_hash)
       SELECT $1, $2, 'ADMIN', $3 WHERE NOT EXISTS (SELECT 1 FROM app_user) RETURNING *`,
      [values.name, values.email, values.tokenHash],
    );
    return hydrate(this.em, UserEntity, rows)[0] ?? null;
  }
}
