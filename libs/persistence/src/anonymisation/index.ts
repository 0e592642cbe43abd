import type { EntityManager } from 'typeorm';

/** Who or what erases, for the erasure ledger (ids and a reference only, never personal data). */
export interface ErasureContext {
  /** The ADMIN who asked; null for a retention run. */
  userId: string | null;
  /** The retention run that culled; null for an ADMIN's request. */
  retentionRunId: string | null;
  /** The case or decision reference (a request's diary number, a gallringsbeslut). */
  reference: string | null;
}

/**
 * Anonymises these persons in the caller's transaction and writes one erasure_ledger row each.
 * Answers the ids actually anonymised (organisations and persons already anonymised are skipped).
 * Being written in the anonymisation work of issue 12: the retention run calls it.
 */
export async function anonymisePersons(
  manager: EntityManager,
  actorIds: readonly string[],
  context: ErasureContext,
): Promise<string[]> {
  void manager;
  void actorIds;
  void context;
  throw new Error('anonymisePersons is not built yet');
}
