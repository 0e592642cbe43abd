import {
  ErasureLedgerExporter,
  JobName,
  RETENTION_SCHEDULE,
  RETENTION_SCHEDULER_ID,
  RetentionClock,
  RetentionRunner,
  RetentionRunRow,
  RetentionRunStatus,
  RetentionTrigger,
  retentionRunJob,
} from '@crm/persistence';
import { defaultRepeatStrategy, Job, Queue } from 'bullmq';
import { RetentionProcessor } from './retention.processor';

/** The next fire after `from`, computed exactly as BullMQ's job scheduler computes it. */
function nextFire(from: Date): string {
  const millis = defaultRepeatStrategy(from.getTime(), { ...RETENTION_SCHEDULE });
  if (millis === undefined) throw new Error('no next fire');
  return new Date(millis).toISOString();
}

const run = (id: string, trigger: RetentionTrigger): RetentionRunRow => ({
  id,
  trigger,
  asOf: new Date('2031-03-01T01:30:00Z'),
  status: RetentionRunStatus.DONE,
  rules: [],
  counts: {},
  error: null,
  startedAt: new Date(),
  finishedAt: new Date(),
});

/**
 * The processor with what it talks to recorded: the queue's scheduler, the runner's calls and the
 * ledger's exports (in the same list, to see the order). `failing` makes the runner throw.
 */
function processor(failing = false) {
  const calls: string[] = [];
  const schedulers: unknown[][] = [];
  const queue = {
    upsertJobScheduler: async (...args: unknown[]) => void schedulers.push(args),
  } as unknown as Queue;
  const runner = {
    execute: async (runId: string) => {
      calls.push(`execute ${runId}`);
      return run(runId, RetentionTrigger.MANUAL);
    },
    runScheduled: async (now: Date, fire: string | null) => {
      calls.push(`runScheduled ${now.toISOString()} ${fire}`);
      if (failing) throw new Error('a rule failed');
      return [run('nightly', RetentionTrigger.SCHEDULE)];
    },
  } as unknown as RetentionRunner;
  const clock = { now: () => new Date('2031-03-01T01:30:00Z') } as RetentionClock;
  const ledger = {
    export: async (now: Date) => {
      calls.push(`export ledger ${now.toISOString()}`);
      return null;
    },
  } as unknown as ErasureLedgerExporter;
  return { processor: new RetentionProcessor(runner, clock, queue, ledger), calls, schedulers };
}

describe('the nightly retention schedule', () => {
  it('fires every night at 02:30 Stockholm time, in winter and in summer', () => {
    expect(nextFire(new Date('2026-11-12T12:00:00Z'))).toBe('2026-11-13T01:30:00.000Z'); // CET
    expect(nextFire(new Date('2026-06-03T12:00:00Z'))).toBe('2026-06-04T00:30:00.000Z'); // CEST
    // The moment of a fire is not itself the next fire.
    expect(nextFire(new Date('2026-11-13T01:30:00Z'))).toBe('2026-11-14T01:30:00.000Z');
  });

  it('runs once a night across both clock changes', () => {
    // 29 March 2026: 02:30 does not exist (02:00 CET becomes 03:00 CEST); the run is at 03:30 CEST.
    expect(nextFire(new Date('2026-03-28T12:00:00Z'))).toBe('2026-03-29T01:30:00.000Z');
    expect(nextFire(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-30T00:30:00.000Z');
    // 25 October 2026: 02:30 happens twice; the run is at the first, and not again that night.
    expect(nextFire(new Date('2026-10-24T12:00:00Z'))).toBe('2026-10-25T00:30:00.000Z');
    expect(nextFire(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-26T01:30:00.000Z');
  });

  it('is upserted at start with the nightly pattern in Europe/Stockholm, firing retention.nightly', async () => {
    const { processor: p, schedulers } = processor();
    await p.onApplicationBootstrap();
    expect(schedulers).toEqual([
      [
        RETENTION_SCHEDULER_ID,
        { pattern: '0 30 2 * * *', tz: 'Europe/Stockholm' },
        expect.objectContaining({ name: JobName.RetentionNightly, data: {} }),
      ],
    ]);
  });
});

describe('the retention jobs', () => {
  it('the manual job executes the run it names', async () => {
    const { processor: p, calls } = processor();
    const job = retentionRunJob('8d0f7a4e-2b1c-4f7e-9a55-0c3b2d1e4f60');
    expect(job.opts.jobId).toBe('retention-run-8d0f7a4e-2b1c-4f7e-9a55-0c3b2d1e4f60');
    await p.process({ name: job.name, data: job.data } as Job);
    expect(calls).toEqual([
      'execute 8d0f7a4e-2b1c-4f7e-9a55-0c3b2d1e4f60',
      'export ledger 2031-03-01T01:30:00.000Z',
    ]);
  });

  it("the scheduler's fire runs the rules as of the clock's now, naming the fire by its job id, then exports the ledger", async () => {
    const { processor: p, calls } = processor();
    const fire = 'repeat:retention-nightly:1930181400000';
    await p.process({ id: fire, timestamp: 1930181400000, name: JobName.RetentionNightly, data: {} } as Job);
    expect(calls).toEqual([
      `runScheduled 2031-03-01T01:30:00.000Z ${fire}@1930181400000`,
      'export ledger 2031-03-01T01:30:00.000Z',
    ]);
  });

  it('a run that fails still exports the ledger, and the job fails (to be retried)', async () => {
    const { processor: p, calls } = processor(true);
    await expect(
      p.process({ id: '7', timestamp: 5, name: JobName.RetentionNightly, data: {} } as Job),
    ).rejects.toThrow('a rule failed');
    expect(calls).toEqual([
      'runScheduled 2031-03-01T01:30:00.000Z 7@5',
      'export ledger 2031-03-01T01:30:00.000Z',
    ]);
  });

  it('refuses a job it has no handler for', async () => {
    const { processor: p } = processor();
    await expect(p.process({ name: 'retention.unknown', data: {} } as Job)).rejects.toThrow('no handler');
  });
});
