import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';

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

/** Registration lists uploaded by event staff, read and written by the worker. */
export const REGISTRATION_IMPORT_QUEUE = 'registration-imports';

/** Duplicate scans of many actors at once (after a registration import), apart from the ladder. */
export const DUPLICATE_QUEUE = 'duplicates';

/** The quarterly reports to the committee: the scheduler's fire and each report's generation. */
export const REPORT_QUEUE = 'reports';
/** The id of the BullMQ job scheduler that fires the quarterly report. */
export const QUARTERLY_REPORT_SCHEDULER_ID = 'quarterly-report';

/** The weekly follow-up of the access log for the data protection officer. */
export const ACCESS_LOG_QUEUE = 'access-log';
/** The id of the BullMQ job scheduler that fires the weekly access-log summary. */
export const ACCESS_LOG_SUMMARY_SCHEDULER_ID = 'access-log-weekly-summary';
/** Mondays at 06:00 Europe/Stockholm: the summary of the week (Monday to Monday) that just ended. */
export const ACCESS_LOG_SUMMARY_SCHEDULE = { pattern: '0 0 6 * * 1', tz: 'Europe/Stockholm' } as const;

/** Retention (gallring): the nightly run of the enabled rules, and the runs an ADMIN starts. */
export const RETENTION_QUEUE = 'retention';
/** The id of the BullMQ job scheduler that fires the nightly retention run. */
export const RETENTION_SCHEDULER_ID = 'retention-nightly';
/** Every night at 02:30 Europe/Stockholm (after the quarterly report's 02:00 on a quarter's first day). */
export const RETENTION_SCHEDULE = { pattern: '0 30 2 * * *', tz: 'Europe/Stockholm' } as const;

export enum JobName {
  /** Recompute one actor's ladder timeline (and its organisation's). */
  LadderRecomputeActor = 'ladder.recompute-actor',
  /** Recompute every actor, in batches (after a rules change, or on demand). */
  LadderRecomputeAll = 'ladder.recompute-all',
  /** Read an uploaded registration list (stored in registration_import) and register its rows. */
  RegistrationImport = 'registrations.import',
  /** Record likely duplicates of these actors (at most DUPLICATE_SCAN_BATCH ids a job). */
  DuplicateScan = 'duplicates.scan',
  /** The scheduler's quarterly fire: make a report for the quarter that just ended. */
  QuarterlyReportScheduled = 'reports.quarterly-scheduled',
  /** Compute, freeze and render one report version. */
  QuarterlyReportGenerate = 'reports.generate',
  /** The scheduler's weekly fire: summarise the access log of the week that just ended. */
  AccessLogWeeklySummary = 'access-log.weekly-summary',
  /** The scheduler's nightly fire: a retention run as of now (and any run left unfinished). */
  RetentionNightly = 'retention.nightly',
  /** Execute one retention run an ADMIN started (runRetention): the row exists, RUNNING. */
  RetentionRun = 'retention.run',
}

export interface JobPayloads {
  [JobName.LadderRecomputeActor]: { actorId: string };
  [JobName.LadderRecomputeAll]: { requestedBy: string | null };
  [JobName.RegistrationImport]: { importId: string };
  [JobName.DuplicateScan]: { actorIds: string[] };
  [JobName.QuarterlyReportScheduled]: Record<string, never>;
  [JobName.QuarterlyReportGenerate]: { reportId: string };
  [JobName.AccessLogWeeklySummary]: Record<string, never>;
  [JobName.RetentionNightly]: Record<string, never>;
  [JobName.RetentionRun]: { runId: string };
}

export type JobItem = { [K in JobName]: { name: K; data: JobPayloads[K] } }[JobName];

/** The jobs of the two ladder queues. */
export type LadderJobItem = Extract<
  JobItem,
  { name: JobName.LadderRecomputeActor | JobName.LadderRecomputeAll }
>;

/** Deterministic job ids: one waiting job per actor, one full recomputation at a time. */
export const jobIdFor = {
  actor: (actorId: string) => `ladder-actor-${actorId}`,
  all: () => 'ladder-recompute-all',
  registrationImport: (importId: string) => `registration-import-${importId}`,
  report: (reportId: string) => `report-${reportId}`,
  retentionRun: (runId: string) => `retention-run-${runId}`,
};

/**
 * The job that runs an uploaded registration list: one per import (a deterministic id), retried
 * with backoff when the database or Redis hiccups; the import resumes where it stopped.
 */
export function registrationImportJob(importId: string) {
  return {
    name: JobName.RegistrationImport,
    data: { importId } satisfies JobPayloads[JobName.RegistrationImport],
    opts: {
      jobId: jobIdFor.registrationImport(importId),
      attempts: 3,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}

/** The most actor ids one duplicate-scan job carries. */
export const DUPLICATE_SCAN_BATCH = 500;

/**
 * Queues duplicate scans of these actors on DUPLICATE_QUEUE, DUPLICATE_SCAN_BATCH ids a job. A
 * chunk's job id is derived from its ids, so enqueueing the same chunk again while it waits (a
 * retried import) adds nothing; scans are idempotent anyway. Answers the number of jobs added.
 */
export async function enqueueDuplicateScan(
  queue: Pick<Queue, 'addBulk'>,
  actorIds: readonly string[],
): Promise<number> {
  const ids = [...new Set(actorIds)].sort();
  const jobs = [];
  for (let start = 0; start < ids.length; start += DUPLICATE_SCAN_BATCH) {
    const chunk = ids.slice(start, start + DUPLICATE_SCAN_BATCH);
    jobs.push({
      name: JobName.DuplicateScan,
      data: { actorIds: chunk } satisfies JobPayloads[JobName.DuplicateScan],
      opts: {
        jobId: `duplicates-scan-${createHash('sha256').update(chunk.join(',')).digest('hex').slice(0, 32)}`,
        attempts: 3,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
  }
  if (jobs.length) await queue.addBulk(jobs);
  return jobs.length;
}

/**
 * The job that generates one report version: retried with backoff (a database hiccup, a worker
 * restart); the report is marked FAILED with the reason only when the attempts are spent.
 */
export function quarterlyReportJob(reportId: string) {
  return {
    name: JobName.QuarterlyReportGenerate,
    data: { reportId } satisfies JobPayloads[JobName.QuarterlyReportGenerate],
    opts: {
      jobId: jobIdFor.report(reportId),
      attempts: 4,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}

/**
 * The job that executes a retention run an ADMIN started: one per run (a deterministic id, so
 * pressing again while it waits adds nothing), retried while another run holds the lock; a run
 * already finished is not executed again. A lost job is found by the next nightly run.
 */
export function retentionRunJob(runId: string) {
  return {
    name: JobName.RetentionRun,
    data: { runId } satisfies JobPayloads[JobName.RetentionRun],
    opts: {
      jobId: jobIdFor.retentionRun(runId),
      attempts: 6,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}
