import { readFile } from 'node:fs/promises';
import { parseLedgerLines, reapplyErasureLedger } from '../anonymisation/reapply';
import { loadConfig } from '../config';
import { createDataSource } from '../data-source';
import { writeErasureLedger } from '../retention/erasure-ledger-export';

const USAGE = `usage:
  npm run erasure-ledger -- export > ledger.jsonl     the ledger as JSON lines on stdout
  npm run erasure-ledger -- reapply ledger.jsonl      after restoring an older backup: anonymise and
                                                      delete again, put the missing rows back`;

/**
 * The erasure ledger outside the app: export it (ids, dates and references, no personal data) and
 * re-apply it after restoring an older backup, so nobody anonymised or deleted comes back. Prints
 * counts only.
 */
async function main(args: string[]): Promise<number> {
  const [command, file] = args;
  if (command !== 'export' && !(command === 'reapply' && file)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const entries = command === 'reapply' ? parseLedgerLines(await readFile(file, 'utf8')) : [];
  const config = loadConfig();
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 1,
    applicationName: 'crm-erasure-ledger',
  });
  await dataSource.initialize();
  try {
    if (command === 'export') {
      // The same lines the worker writes to ERASURE_LEDGER_EXPORT_DIR after every retention run.
      await writeErasureLedger(
        dataSource.manager,
        (chunk) =>
          new Promise<void>((resolve, reject) =>
            process.stdout.write(chunk, (error) => (error ? reject(error) : resolve())),
          ),
      );
      return 0;
    }
    const counts = await dataSource.transaction((em) => reapplyErasureLedger(em, entries));
    for (const [name, count] of Object.entries(counts)) process.stdout.write(`${name}: ${count}\n`);
    if (counts.anonymisedInsteadOfDeleted) {
      process.stdout.write(
        `${counts.anonymisedInsteadOfDeleted} person(s) to delete had evidence recorded since: anonymised instead\n`,
      );
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`erasure-ledger: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
