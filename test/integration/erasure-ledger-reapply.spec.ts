import {
  anonymisePersons,
  createDataSource,
  deletePersonWithoutEvidence,
  ErasureLedgerRepository,
  parseLedgerLines,
  reapplyErasureLedger,
} from '@crm/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/database';

/**
 * Restoring an older backup never brings an erased person back: the ledger is exported as JSON
 * lines (what `npm run erasure-ledger -- export` prints), the backup is "restored" by writing the
 * old rows back, and re-applying the export erases them again; a second re-apply changes nothing.
 */
describe('re-applying the erasure ledger after restoring an older backup', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  const sql = (text: string, params: unknown[] = []) => dataSource.query(text, params);

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  const context = { userId: null, retentionRunId: null, reference: 'Dnr 2026/17' };
  const exportLedger = async () =>
    (await new ErasureLedgerRepository(dataSource.manager).all()).map((e) => JSON.stringify(e)).join('\n');

  async function person(name: string, email: string): Promise<string> {
    const [{ id }] = await sql(
      `INSERT INTO actor (kind, name, email, title, sector, municipality_code)
       VALUES ('PERSON', $1, $2, 'Projektledare', 'ACADEMIA', '2480') RETURNING id`,
      [name, email],
    );
    return id;
  }
  const actorRow = async (id: string) =>
    (await sql(`SELECT name, email, title, anonymised_at FROM actor WHERE id = $1`, [id]))[0] ?? null;

  it('anonymises and deletes again, puts the ledger back with its dates, and is idempotent', async () => {
    const anna = await person('Anna Återställd', 'anna.aterstalld@example.se');
    const [{ id: eventId }] = await sql(
      `INSERT INTO event (meeting_place, title, starts_at) VALUES ('ALMEDALEN', 'Seminarium', '2026-03-01T09:00:00Z') RETURNING id`,
    );
    await sql(
      `INSERT INTO participation (event_id, actor_id, role, status, source) VALUES ($1, $2, 'AUDIENCE', 'REGISTERED', 'MANUAL')`,
      [eventId, anna],
    );
    const bo = await person('Bo Borttagen', 'bo.borttagen@example.se');
    const cilla = await person('Cilla Kom Tillbaka', 'cilla@example.se');

    await dataSource.transaction((em) => anonymisePersons(em, [anna], context));
    expect(await dataSource.transaction((em) => deletePersonWithoutEvidence(em, bo, context))).toBe(
      'DELETED',
    );
    expect(await dataSource.transaction((em) => deletePersonWithoutEvidence(em, cilla, context))).toBe(
      'DELETED',
    );
    const exported = await exportLedger();
    const lines = exported.split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ action: 'ANONYMISED', subject_id: anna, decision_reference: 'Dnr 2026/17' }),
      expect.objectContaining({ action: 'DELETED', subject_id: bo }),
      expect.objectContaining({ action: 'DELETED', subject_id: cilla }),
    ]);
    expect(exported).not.toMatch(/Anna|Bo Borttagen|Cilla|example\.se|Projektledare/);

    // The older backup: Anna with her name, Bo and Cilla still there (Cilla has since taken part in
    // an event, on the restored system), no ledger rows.
    await sql(
      `UPDATE actor SET name = 'Anna Återställd', email = 'anna.aterstalld@example.se', title = 'Projektledare',
         anonymised_at = NULL WHERE id = $1`,
      [anna],
    );
    await sql(
      `INSERT INTO actor (id, kind, name, email, sector) VALUES ($1, 'PERSON', 'Bo Borttagen', 'bo@example.se', 'BUSINESS')`,
      [bo],
    );
    await sql(
      `INSERT INTO actor (id, kind, name, email, sector) VALUES ($1, 'PERSON', 'Cilla Kom Tillbaka', 'cilla@example.se', 'BUSINESS')`,
      [cilla],
    );
    await sql(
      `INSERT INTO participation (event_id, actor_id, role, status, source) VALUES ($1, $2, 'AUDIENCE', 'REGISTERED', 'MANUAL')`,
      [eventId, cilla],
    );
    await sql(`DELETE FROM erasure_ledger`);

    const entries = parseLedgerLines(
      `${exported}\n${JSON.stringify({
        action: 'IMPORT_ROWS_CULLED',
        subject_id: eventId,
        at: '2026-11-30T02:00:00.000000Z',
        retention_run_id: '00000000-0000-4000-8000-000000000000',
        decision_reference: 'Gallringsbeslut 2026:3',
      })}\n`,
    );
    const first = await dataSource.transaction((em) => reapplyErasureLedger(em, entries));
    expect(first).toEqual({
      entries: 4,
      ledgerRowsRestored: 4,
      anonymised: 1,
      deleted: 1,
      anonymisedInsteadOfDeleted: 1,
      unchanged: 0,
      importCullsSkipped: 1,
    });
    expect(await actorRow(anna)).toMatchObject({ name: 'Anonymiserad person', email: null, title: null });
    expect((await actorRow(anna)).anonymised_at).not.toBeNull();
    expect(await actorRow(bo)).toBeNull();
    expect(await actorRow(cilla)).toMatchObject({ name: 'Anonymiserad person', email: null });
    // Anna's participation (her evidence) is kept; the ledger is back with its own dates.
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM participation WHERE actor_id = $1`, [
      anna,
    ]);
    expect(count).toBe(1);
    const restored = (await new ErasureLedgerRepository(dataSource.manager).all()).map((e) =>
      JSON.stringify(e),
    );
    expect(restored.slice(0, 3).join('\n')).toBe(exported);
    // The retention run is not in this database: the restored row does not name it.
    expect(JSON.parse(restored[3])).toMatchObject({ action: 'IMPORT_ROWS_CULLED', retention_run_id: null });

    const second = await dataSource.transaction((em) => reapplyErasureLedger(em, entries));
    expect(second).toEqual({
      entries: 4,
      ledgerRowsRestored: 0,
      anonymised: 0,
      deleted: 0,
      anonymisedInsteadOfDeleted: 0,
      unchanged: 3,
      importCullsSkipped: 1,
    });
    const [{ rows }] = await sql(`SELECT count(*)::int AS rows FROM erasure_ledger`);
    expect(rows).toBe(4);
  });

  it('re-applies a long ledger in chunks: every person anonymised again, a repeated row counted unchanged', async () => {
    // 1,201 persons (more than two chunks), anonymised, then "restored" with their names.
    const ids: string[] = (
      await sql(
        `INSERT INTO actor (kind, name, email, sector)
         SELECT 'PERSON', 'Person ' || n, 'person' || n || '@example.se', 'BUSINESS' FROM generate_series(1, 1201) n
         RETURNING id`,
      )
    ).map((row: { id: string }) => row.id);
    await dataSource.transaction((em) => anonymisePersons(em, ids, context));
    const entries = parseLedgerLines(await exportLedger()).filter((e) => ids.includes(e.subject_id));
    expect(entries).toHaveLength(1201);
    await sql(
      `UPDATE actor SET name = 'Återställd ' || id, email = id || '@example.se', anonymised_at = NULL
       WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    // The same row twice in the file (exported twice and concatenated): the second changes nothing.
    const first = await dataSource.transaction((em) => reapplyErasureLedger(em, [...entries, entries[700]]));
    expect(first).toMatchObject({ entries: 1202, ledgerRowsRestored: 0, anonymised: 1201, unchanged: 1 });
    const [{ left }] = await sql(
      `SELECT count(*)::int AS left FROM actor WHERE id = ANY ($1::uuid[]) AND (anonymised_at IS NULL OR email IS NOT NULL)`,
      [ids],
    );
    expect(left).toBe(0);
    const [{ audits }] = await sql(
      `SELECT count(*)::int AS audits FROM audit_log WHERE action = 'anonymise' AND entity_id = ANY ($1::uuid[])`,
      [ids],
    );
    expect(audits).toBe(2 * 1201);
  });

  it('refuses a file that is not the ledger, naming the line', () => {
    expect(() => parseLedgerLines('{"action":"ANONYMISED","subject_id":"x","at":"2026-01-01"}')).toThrow(
      'line 1 is not a ledger row',
    );
    expect(() => parseLedgerLines('\nnot json')).toThrow('line 2 is not JSON');
  });
});
