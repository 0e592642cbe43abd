import { RuleSet } from '@crm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { LadderRepository } from './ladder.repository';

/**
 * Runs the ladder recomputation in transactions. Every transaction first takes the actors' rows
 * (FOR NO KEY UPDATE, in id order, so it neither blocks check-ins' foreign-key checks nor
 * deadlocks with another recomputation), then claims their outbox marks: a mark made while it
 * runs waits for it and is written again, so no change is ever lost.
 */
export class LadderRecomputer {
  constructor(private readonly dataSource: DataSource) {}

  private async lockActors(em: EntityManager, actorIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM actor WHERE id = ANY ($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [actorIds],
    );
    return rows.map((r) => r.id);
  }

  /** Locks the actors and their organisations (an organisation's step depends on its people). */
  private async lockWithOrganisations(em: EntityManager, actorIds: readonly string[]): Promise<string[]> {
    const withOrganisations: { id: string }[] = await em.query(
      `SELECT id FROM actor WHERE id = ANY ($1::uuid[])
       UNION SELECT organisation_id FROM actor WHERE id = ANY ($1::uuid[]) AND organisation_id IS NOT NULL`,
      [actorIds],
    );
    return this.lockActors(
      em,
      withOrganisations.map((r) => r.id),
    );
  }

  /** One transaction: lock, claim the marks, place the claimed actors, release their marks. */
  private placeMarked(actorIds: readonly string[], withOrganisations = true): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const ladder = new LadderRepository(em);
      const locked = withOrganisations
        ? await this.lockWithOrganisations(em, actorIds)
        : await this.lockActors(em, actorIds);
      const claimed = await ladder.claimOutbox(locked);
      if (!claimed.length) return 0;
      await ladder.recompute(claimed, await ladder.currentRules());
      await ladder.releaseOutbox(claimed);
      return claimed.length;
    });
  }

  /** Whether the actor still carries a committed mark. */
  async stillMarked(actorId: string): Promise<boolean> {
    const [{ marked }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM ladder_outbox WHERE actor_id = $1) AS marked`,
      [actorId],
    );
    return marked;
  }

  /**
   * Recomputes one actor if it is marked. Its organisation is not placed here: it gets a job of its
   * own, so fifty check-ins a minute from one large organisation place it a few times, not fifty.
   */
  recomputeMarked(actorId: string): Promise<number> {
    return this.placeMarked([actorId], false);
  }

  /** The actor's organisation, when it carries a committed mark. */
  async markedOrganisationOf(actorId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.organisation_id AS id FROM actor a JOIN ladder_outbox o ON o.actor_id = a.organisation_id WHERE a.id = $1`,
      [actorId],
    );
    return rows[0]?.id ?? null;
  }

  /** Works through the outbox, oldest mark first, in batches. Answers how many actors it placed. */
  async drainOutbox(batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const candidates: { actor_id: string }[] = await this.dataSource.query(
        `SELECT actor_id FROM ladder_outbox ORDER BY marked_at LIMIT $1`,
        [batchSize],
      );
      if (!candidates.length) return total;
      const done = await this.placeMarked(candidates.map((c) => c.actor_id));
      total += done;
      // Everything left is locked by someone else: they will place it.
      if (done === 0) return total;
    }
  }

  /**
   * Places every actor again with the current rules: batches of set-based SQL, ids only in memory,
   * `parallel` batches at a time on their own connections (the machine's cores, not its memory,
   * are the limit).
   */
  async recomputeAll(
    batchSize: number,
    onProgress?: (done: number) => Promise<void> | void,
    parallel = 2,
  ): Promise<RuleSet> {
    const rules = await new LadderRepository(this.dataSource.manager).currentRules();
    let after: string | null = null;
    let done = 0;
    let exhausted = false;
    // Batches are cut one after another (cheap, by id), and run side by side.
    const nextBatch = async (): Promise<string[]> => {
      if (exhausted) return [];
      const ids = await new LadderRepository(this.dataSource.manager).actorIdBatch(after, batchSize);
      if (ids.length) after = ids[ids.length - 1];
      else exhausted = true;
      return ids;
    };
    let cutting: Promise<unknown> = Promise.resolve();
    const lane = async (): Promise<void> => {
      for (;;) {
        const cut: Promise<string[]> = cutting.then(nextBatch);
        cutting = cut;
        const ids = await cut;
        if (!ids.length) return;
        await this.dataSource.transaction(async (em) => {
          const locked = await this.lockActors(em, ids);
          const ladder = new LadderRepository(em);
          await ladder.clearOutboxOf(locked);
          await ladder.recompute(locked, rules);
        });
        done += ids.length;
        await onProgress?.(done);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, parallel) }, lane));
    await this.dataSource.transaction((em) => new LadderRepository(em).finishFullRecompute(rules.version));
    // Every period was rewritten: reclaim the old versions and refresh the visibility map, so the
    // aggregates can read the dates index alone.
    await this.dataSource.query(`VACUUM (ANALYZE) ladder_period`);
    return rules;
  }
}
