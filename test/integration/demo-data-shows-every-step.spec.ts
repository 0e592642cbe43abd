import { createDataSource, LadderRecomputer, loadDemoData } from '@crm/persistence';
import { createTestDatabase } from '../support/database';

/** The demo data set `npm start` loads puts actors on every step, and loads only into an empty database. */
describe('the demo data set', () => {
  it('loads once and places actors on all five steps', async () => {
    const database = await createTestDatabase();
    const dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    try {
      expect(await dataSource.transaction((em) => loadDemoData(em))).toBe(true);
      expect(await dataSource.transaction((em) => loadDemoData(em))).toBe(false);
      await new LadderRecomputer(dataSource).recomputeAll(1_000);
      const rows: { step: number }[] = await dataSource.query(
        `SELECT DISTINCT step FROM ladder_period WHERE valid_from <= '2026-11-26' AND (valid_to IS NULL OR valid_to > '2026-11-26')
         ORDER BY step`,
      );
      expect(rows.map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
      const [{ pending }] = await dataSource.query(`SELECT count(*)::int AS pending FROM ladder_outbox`);
      expect(pending).toBe(0);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
