import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { ErasureLedgerEntry, ErasureLedgerRepository } from '../anonymisation';

/** One ledger row as a line of the export: what `npm run erasure-ledger -- export` prints and `reapply` reads. */
export function erasureLedgerLine(entry: ErasureLedgerEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** Writes the whole ledger, oldest first, as JSON lines through `write`; answers the number of rows. */
export async function writeErasureLedger(
  em: EntityManager,
  write: (chunk: string) => Promise<unknown>,
): Promise<number> {
  const entries = await new ErasureLedgerRepository(em).all();
  const CHUNK = 1_000;
  for (let i = 0; i < entries.length; i += CHUNK) {
    await write(
      entries
        .slice(i, i + CHUNK)
        .map(erasureLedgerLine)
        .join(''),
    );
  }
  return entries.length;
}

const STOCKHOLM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `erasure-ledger-<YYYY-MM-DD>.jsonl`, the date in Europe/Stockholm: one file a day, the last run's. */
export function erasureLedgerFileName(now: Date): string {
  return `erasure-ledger-${STOCKHOLM_DATE.format(now)}.jsonl`;
}

/**
 * Keeps a copy of the erasure ledger outside the database it protects (ERASURE_LEDGER_EXPORT_DIR):
 * after every retention run the worker writes the whole ledger to `<dir>/erasure-ledger-<date>.jsonl`,
 * atomically — a temporary file in the same folder, flushed to disk, then renamed over the day's
 * file — so a reader (a backup job) never sees half a file. Ids, dates and references only.
 */
export class ErasureLedgerExporter {
  constructor(
    private readonly dataSource: DataSource,
    /** Unset: nothing is written. */
    readonly dir: string | undefined,
  ) {}

  /** Writes the day's file; answers its path and the number of rows, or null when no folder is set. */
  async export(now: Date): Promise<{ file: string; entries: number } | null> {
    if (!this.dir) return null;
    const file = join(this.dir, erasureLedgerFileName(now));
    const temporary = join(this.dir, `.${erasureLedgerFileName(now)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temporary, 'wx', 0o640);
    try {
      let entries: number;
      try {
        entries = await writeErasureLedger(this.dataSource.manager, (chunk) => handle.write(chunk));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
      await syncFolder(this.dir);
      return { file, entries };
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new Error('the erasure ledger could not be written to ERASURE_LEDGER_EXPORT_DIR', {
        cause: error,
      });
    }
  }
}

/** So the rename itself survives a crash. */
async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
