/**
 * Every background job in one typed place: the queue names, the job names and their payloads, so
 * the enqueuer (API) and the handler (worker) agree at compile time. Payloads carry ids only,
 * never personal data.
 */
export const LADDER_QUEUE = 'ladder';
/**
 * Organisations are placed on a queue of their own: a large organisation takes seconds to place,
 * and must not hold up the people checking in at the door.
 */
export const LADDER_ORGANISATION_QUEUE = 'ladder-organisations';

export enum JobName {
  /** Recompute one actor's ladder timeline (and its organisation's). */
  LadderRecomputeActor = 'ladder.recompute-actor',
  /** Recompute every actor, in batches (after a rules change, or on demand). */
  LadderRecomputeAll = 'ladder.recompute-all',
}

export interface JobPayloads {
  [JobName.LadderRecomputeActor]: { actorId: string };
  [JobName.LadderRecomputeAll]: { requestedBy: string | null };
}

export type JobItem = { [K in JobName]: { name: K; data: JobPayloads[K] } }[JobName];

/** Deterministic job ids: one waiting job per actor, one full recomputation at a time. */
export const jobIdFor = {
  actor: (actorId: string) => `ladder-actor-${actorId}`,
  all: () => 'ladder-recompute-all',
};
