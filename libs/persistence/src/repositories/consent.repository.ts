import { ConsentSource } from '@crm/domain';
import { EntityManager } from 'typeorm';

export interface ConsentRow {
  id: string;
  actorId: string;
  givenOn: string;
  textVersion: string;
  source: ConsentSource;
  withdrawnOn: string | null;
  createdAt: Date;
}

const COLUMNS = `id, actor_id AS "actorId", given_on::text AS "givenOn", text_version AS "textVersion", source,
  withdrawn_on::text AS "withdrawnOn", created_at AS "createdAt"`;

/** A person's consents (where their legal basis is CONSENT). Runs on the caller's EntityManager. */
export class ConsentRepository {
  constructor(private readonly em: EntityManager) {}

  /** The consents of each actor, newest given first. */
  async forActors(actorIds: readonly string[]): Promise<ConsentRow[]> {
    if (!actorIds.length) return [];
    return this.em.query(
      `SELECT ${COLUMNS} FROM consent WHERE actor_id = ANY($1::uuid[])
       ORDER BY actor_id, given_on DESC, created_at DESC, id`,
      [actorIds],
    );
  }

  /** The actor's open (not withdrawn) consent, locked for update, if any. */
  async open(actorId: string): Promise<ConsentRow | null> {
    const rows: ConsentRow[] = await this.em.query(
      `SELECT ${COLUMNS} FROM consent WHERE actor_id = $1 AND withdrawn_on IS NULL FOR UPDATE`,
      [actorId],
    );
    return rows[0] ?? null;
  }

  async insert(
    values: { actorId: string; givenOn: string; textVersion: string; source: ConsentSource },
    userId: string,
  ): Promise<ConsentRow> {
    const rows: ConsentRow[] = await this.em.query(
      `INSERT INTO consent (actor_id, given_on, text_version, source, recorded_by)
       VALUES ($1, $2::date, $3, $4, $5) RETURNING ${COLUMNS}`,
      [values.actorId, values.givenOn, values.textVersion, values.source, userId],
    );
    return rows[0];
  }

  async withdraw(id: string, withdrawnOn: string): Promise<ConsentRow> {
    // Through a CTE: a bare UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const rows: ConsentRow[] = await this.em.query(
      `WITH updated AS (UPDATE consent SET withdrawn_on = $2::date WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM updated`,
      [id, withdrawnOn],
    );
    return rows[0];
  }
}
