import {
  ColumnMapping,
  DomainValidationError,
  interpretRow,
  recogniseColumns,
  RegistrationFileKind,
} from '@crm/domain';
import {
  ImportCounts,
  ListRegistration,
  RegistrationImportRepository,
  RegistrationWriter,
  RejectedRow,
  WrittenBatch,
} from '@crm/persistence';
import { DataSource } from 'typeorm';
import { DEFAULT_IMPORT_LIMITS, ImportLimits } from './import-limits';
import { readRegistrationTable, TableRow } from './registration-file';

/** Rows interpreted between two yields to the event loop. */
const ROWS_PER_YIELD = 1_000;

/** Rows per transaction: large enough to be quick, small enough that a restart loses little. */
export const IMPORT_BATCH_SIZE = 500;

export interface ImportOutcome {
  /** The event the list registers for. */
  eventId: string;
  /** Actors whose participations changed. */
  touchedActorIds: string[];
}

const empty = (): ImportCounts => ({
  createdActors: 0,
  matchedActors: 0,
  createdParticipations: 0,
  updatedParticipations: 0,
  rejected: [],
});

/**
 * Reads an uploaded registration list and registers its rows for the event, in batches. Each batch
 * commits its rows together with the import's counts and resume point, so an import interrupted
 * by a restart resumes and counts nothing twice. A row the database refuses is reported as
 * rejected and never takes the good rows of its batch down with it.
 */
export class RegistrationImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  ) {}

  /**
   * @param afterBatch called after each batch has committed (the duplicate scan of the actors it
   *   created is queued there, so a restart loses none)
   */
  async run(
    importId: string,
    afterBatch: (batch: WrittenBatch) => Promise<void> = async () => undefined,
  ): Promise<ImportOutcome | null> {
    const imports = new RegistrationImportRepository(this.dataSource.manager);
    const claimed = await imports.claim(importId);
    if (!claimed) return null; // finished already: a repeated job
    const { record, content } = claimed;

    let rows: (ListRegistration | RejectedRow)[];
    try {
      // A file over a limit (inflated size, rows, …) is refused whole here, before any row is written.
      const table = await readRegistrationTable(
        content,
        record.fileKind as RegistrationFileKind,
        this.limits,
      );
      const mapping = recogniseColumns(table.headers);
      rows = await interpretAll(table.rows, mapping);
      await imports.describe(importId, rows.length, mapping.ignoredColumns);
    } catch (error) {
      if (error instanceof DomainValidationError) {
        await imports.fail(importId, error.message);
        return null;
      }
      throw error;
    }

    const writer = await RegistrationWriter.forEvent(
      this.dataSource.manager,
      record.eventId,
      record.createdBy,
    );
    const outcome: ImportOutcome = { eventId: record.eventId, touchedActorIds: [] };
    for (let start = record.nextRow; start < rows.length; start += IMPORT_BATCH_SIZE) {
      const slice = rows.slice(start, start + IMPORT_BATCH_SIZE);
      const next = Math.min(start + IMPORT_BATCH_SIZE, rows.length);
      const batch = await this.writeBatch(importId, writer, slice, next);
      writer.remember(batch);
      await afterBatch(batch);
      outcome.touchedActorIds.push(...batch.touchedActorIds);
    }
    await imports.finish(importId);
    return outcome;
  }

  private async writeBatch(
    importId: string,
    writer: RegistrationWriter,
    slice: (ListRegistration | RejectedRow)[],
    next: number,
  ): Promise<WrittenBatch> {
    const rejected = slice.filter(isRejected);
    const good = slice.filter((row): row is ListRegistration => !isRejected(row));
    try {
      return await this.dataSource.transaction(async (em) => {
        const batch = await writer.write(em, good);
        batch.rejected.push(...rejected);
        batch.rejected.sort((a, b) => a.line - b.line);
        await new RegistrationImportRepository(em).advance(importId, next, batch);
        return batch;
      });
    } catch (error) {
      if (!isRowError(error)) throw error;
      // The database refused something in this batch: write it again row by row, each behind a
      // savepoint, so only the rows it refuses are lost.
      return this.dataSource.transaction(async (em) => {
        const total: WrittenBatch = {
          ...empty(),
          createdActorIds: [],
          touchedActorIds: [],
          organisations: new Map(),
        };
        // Who the rows so far named, so a later row naming the same person is reported, as the
        // set-wise path does; a refused row's person does not count as seen.
        let firstLine = new Map<string, number>();
        for (const row of good) {
          await em.query('SAVEPOINT registration_row');
          try {
            const seen = new Map(firstLine);
            const one = await writer.write(em, [row], seen);
            await em.query('RELEASE SAVEPOINT registration_row');
            firstLine = seen;
            add(total, one);
          } catch (rowError) {
            if (!isRowError(rowError)) throw rowError;
            await em.query('ROLLBACK TO SAVEPOINT registration_row');
            total.rejected.push({ line: row.line, reason: refusalReason(rowError) });
          }
        }
        total.rejected.push(...rejected);
        total.rejected.sort((a, b) => a.line - b.line);
        await new RegistrationImportRepository(em).advance(importId, next, total);
        return total;
      });
    }
  }
}

function add(total: WrittenBatch, one: WrittenBatch): void {
  total.createdActors += one.createdActors;
  total.matchedActors += one.matchedActors;
  total.createdParticipations += one.createdParticipations;
  total.updatedParticipations += one.updatedParticipations;
  total.createdActorIds.push(...one.createdActorIds);
  total.touchedActorIds.push(...one.touchedActorIds);
  for (const [key, organisation] of one.organisations) total.organisations.set(key, organisation);
}

function isRejected(row: ListRegistration | RejectedRow): row is RejectedRow {
  return 'reason' in row;
}

/** Errors a row's data can cause (constraint, value or length), as opposed to a lost connection. */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

function refusalReason(error: unknown): string {
  const constraint = (error as { constraint?: string }).constraint;
  if (constraint === 'actor_email_key') return 'E-postadressen tillhör redan en annan person';
  if (constraint === 'actor_organisation_number_key')
    return 'Organisationsnumret tillhör redan en annan organisation';
  return 'Raden kunde inte sparas: ett värde är ogiltigt eller för långt';
}

/**
 * Every data row interpreted, in file order; a row that names the same person as an earlier row
 * (the same email, or the same name and organisation without one) is rejected with the line of
 * the first, so one person is never registered twice from one list.
 */
export async function interpretAll(
  table: readonly TableRow[],
  mapping: ColumnMapping,
): Promise<(ListRegistration | RejectedRow)[]> {
  const firstLine = new Map<string, number>();
  const result: (ListRegistration | RejectedRow)[] = [];
  for (const [index, { line, cells }] of table.entries()) {
    // A long list takes a while: let the worker's other jobs (ladder, reports) in between.
    if (index > 0 && index % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
    const interpreted = interpretRow(cells, mapping, line);
    if (!interpreted) continue; // a blank line
    if (!interpreted.ok) {
      result.push({ line: interpreted.line, reason: interpreted.reason });
      continue;
    }
    const row = interpreted.row;
    const key = row.email
      ? `email:${row.email}`
      : `name:${row.name.toLocaleLowerCase('sv')}|${(row.organisation ?? row.organisationNumber ?? '').toLocaleLowerCase('sv')}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      result.push({ line, reason: `Samma person som på rad ${earlier}` });
      continue;
    }
    firstLine.set(key, line);
    const roleColumn = mapping.columns.role;
    const roleGiven = roleColumn !== undefined && (cells[roleColumn] ?? '').trim() !== '';
    result.push({ ...row, role: roleGiven ? row.role : null });
  }
  return result;
}
