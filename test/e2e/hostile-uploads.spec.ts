import { Role, stockholmDate } from '@crm/domain';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { inlineRow, repeated, SHEET_END, SHEET_START, xlsxEntries, zip, ZipEntrySpec } from '../support/zip';

const MiB = 1_048_576;
/** How much the process (API, worker and test together) may grow while one hostile file is handled. */
const MEMORY_BOUND = 150 * MiB;
const ROW = inlineRow(2, ['Anna Berg', 'anna@example.se']);
/** About 1 MiB of sheet rows, repeated to make sheets of any size without holding them. */
const ROWS_MIB = ROW.repeat(Math.floor(MiB / ROW.length));

const IMPORT_FIELDS = `id status rows createdParticipations rejected { line reason } error`;

function* sheetOf(rowChunks: Iterable<string | Buffer>): Iterable<Buffer> {
  yield Buffer.from(SHEET_START + inlineRow(1, ['Namn', 'E-post']));
  for (const chunk of rowChunks) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  yield Buffer.from(SHEET_END);
}

/** A one-sheet .xlsx whose sheet is the given rows; options (level, declared size) pass through. */
function xlsx(rows: Iterable<string | Buffer>, sheet: Omit<ZipEntrySpec, 'name' | 'data'> = {}) {
  return zip(xlsxEntries({ ...sheet, data: sheetOf(rows) }));
}

/** 4 million empty rows under a header and one person: 68 MiB of XML, about 10 MB compressed (7×). */
function* fourMillionEmptyRows(): Iterable<string> {
  yield inlineRow(2, ['Anna Berg', 'anna@example.se']);
  for (let r = 3; r < 4_000_000; r += 10_000) {
    let chunk = '';
    for (let i = r; i < r + 10_000; i++) chunk += `<row r="${i}"/>`;
    yield chunk;
  }
}

describe('hostile uploads cannot take the worker down', () => {
  let api: TestApi;
  let factory: Factory;
  let staffToken: string;

  beforeAll(async () => {
    // The sweep is slowed down, so a check-in reaches the ladder through its BullMQ job alone.
    const env = { LADDER_SWEEP_INTERVAL_MS: String(3_600_000), RATE_LIMIT_UPLOADS: '1000' };
    api = await TestApi.start({ worker: true, env, workerEnv: env });
    factory = new Factory(api);
    staffToken = await factory.user(Role.EVENT_STAFF);
  });
  afterAll(() => api.close());

  async function upload(eventId: string, bytes: Buffer, fileName: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${api.baseUrl}/events/${eventId}/registrations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}` },
      body: form,
    });
    const body = (await response.json()) as Json;
    expect(response.status).toBe(202);
    return body.id as string;
  }

  async function finished(id: string, timeoutMs = 60_000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { registrationImport } = await api.ok(
        `query($id: ID!) { registrationImport(id: $id) { ${IMPORT_FIELDS} } }`,
        { id },
        staffToken,
      );
      if (registrationImport.status === 'DONE' || registrationImport.status === 'FAILED')
        return registrationImport;
      if (Date.now() > deadline) throw new Error(`import still ${registrationImport.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Uploads and waits for the outcome, sampling the process's memory all the while. */
  async function importWatchingMemory(
    bytes: Buffer,
    fileName: string,
  ): Promise<{ result: Json; rssGrowth: number; heapGrowth: number; eventId: string }> {
    const event = await factory.event();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sample = (): void => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    };
    const timer = setInterval(sample, 10);
    try {
      const result = await finished(await upload(event.id, bytes, fileName));
      sample();
      return {
        result,
        rssGrowth: peakRss - before.rss,
        heapGrowth: peakHeap - before.heapUsed,
        eventId: event.id,
      };
    } finally {
      clearInterval(timer);
      if (process.env.REPORT_IMPORT_MEMORY) {
        console.info(
          `${fileName}: rss ${Math.round(before.rss / MiB)} → peak ${Math.round(peakRss / MiB)} MiB, heap ${Math.round(before.heapUsed / MiB)} → peak ${Math.round(peakHeap / MiB)} MiB`,
        );
      }
    }
  }

  async function contentOf(importId: string): Promise<Buffer | null> {
    const [row] = await api.dataSource.query(`SELECT content FROM registration_import WHERE id = $1`, [
      importId,
    ]);
    return row.content;
  }

  it('refuses a small .xlsx whose sheet inflates to 300 MiB, without inflating it', async () => {
    const bytes = await xlsx(repeated(ROWS_MIB, 300));
    expect(bytes.length).toBeLessThan(3 * MiB);
    const { result, rssGrowth, heapGrowth } = await importWatchingMemory(bytes, 'bomb.xlsx');
    expect(result).toMatchObject({ status: 'FAILED', rows: 0, createdParticipations: 0 });
    expect(result.error).toMatch(/^Filen är för stor när den packas upp \(över 100 MB\)/u);
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND);
    expect(heapGrowth).toBeLessThan(MEMORY_BOUND);
    expect(await contentOf(result.id)).toBeNull();
  });

  it('refuses an .xlsx with a part compressed more than 100 times', async () => {
    const bytes = await xlsx(repeated(ROWS_MIB, 50)); // 50 MiB: under the size limit, about 1,000×
    const { result, rssGrowth, heapGrowth } = await importWatchingMemory(bytes, 'ratio.xlsx');
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatch(/packad ovanligt hårt \(mer än 100 gånger\)/u);
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND);
    expect(heapGrowth).toBeLessThan(MEMORY_BOUND);
  });

  it('refuses an .xlsx of 2,000 zip entries', async () => {
    const extra = Array.from({ length: 2_000 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x' }));
    const bytes = await zip(xlsxEntries({ data: sheetOf([]) }, extra));
    const { result, rssGrowth } = await importWatchingMemory(bytes, 'entries.xlsx');
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatch(/^Excel-filen består av för många delar \(över 1 000\)/u);
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND);
  });

  it('stops a sheet whose header declares 4 KiB but which inflates to 300 MiB', async () => {
    const bytes = await xlsx(repeated(ROWS_MIB, 300), { declaredSize: 4_096 });
    const { result, rssGrowth, heapGrowth } = await importWatchingMemory(bytes, 'forged.xlsx');
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatch(/^Excel-filen är skadad/u);
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND);
    expect(heapGrowth).toBeLessThan(MEMORY_BOUND);
  });

  it('refuses a CSV of 60,000 rows with the row reason and writes none of them', async () => {
    let csv = 'Namn;E-post\n';
    for (let i = 1; i <= 60_000; i++) csv += `Person ${i};person${i}@example.se\n`;
    const { result, rssGrowth, eventId } = await importWatchingMemory(Buffer.from(csv), 'lang.csv');
    expect(result).toMatchObject({ status: 'FAILED', rows: 0, createdParticipations: 0, rejected: [] });
    expect(result.error).toMatch(/^Listan har fler än 50 000 rader/u);
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM participation WHERE event_id = $1`,
      [eventId],
    );
    expect(count).toBe(0);
  });

  it('refuses an .xlsx of 4 million empty rows at the row limit, memory bounded', async () => {
    const bytes = await xlsx(fourMillionEmptyRows(), { level: 1 });
    expect(bytes.length).toBeLessThan(20 * MiB); // under the upload limit
    const { result, rssGrowth, heapGrowth } = await importWatchingMemory(bytes, 'tomma-rader.xlsx');
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatch(/^Listan har fler än 50 000 rader \(tomma rader som filen innehåller/u);
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND);
    expect(heapGrowth).toBeLessThan(MEMORY_BOUND);
    if (process.env.REPORT_IMPORT_MEMORY) {
      const [row] = await api.dataSource.query(
        `SELECT extract(epoch FROM finished_at - started_at) * 1000 AS ms FROM registration_import WHERE id = $1`,
        [result.id],
      );
      console.info(`4 million empty rows refused after ${Math.round(Number(row.ms))} ms`);
    }
  });

  it('places a checked-in person on the ladder while hostile imports keep the import queue busy', async () => {
    const event = await factory.event({ startsAt: `${stockholmDate()}T08:00:00.000Z`, endsAt: null });
    const person = await factory.person();
    // The person's creation has been placed: the check-in below is the only change left to place.
    await api.ladderSettled();

    const emptyRows = await xlsx(fourMillionEmptyRows(), { level: 1 });
    let longCsv = 'Namn;E-post\n';
    for (let i = 1; i <= 60_000; i++) longCsv += `Person ${i};person${i}@example.se\n`;
    const listEvent = await factory.event();
    const hostile = [
      await upload(listEvent.id, emptyRows, 'tomma-rader.xlsx'),
      await upload(listEvent.id, Buffer.from(longCsv), 'lang.csv'),
      await upload(listEvent.id, emptyRows, 'tomma-rader-igen.xlsx'),
    ];
    await api.ok(`mutation($e: ID!, $a: ID!) { checkIn(input: { eventId: $e, actorId: $a }) { status } }`, {
      e: event.id,
      a: person.id,
    });
    // The failure condition is the step not arriving at all, not how long it took.
    const deadline = Date.now() + 30_000;
    let step: string | null = null;
    while (step === null) {
      const { actor } = await api.ok(`query($id: ID!) { actor(id: $id) { ladder { step } } }`, {
        id: person.id,
      });
      step = actor.ladder?.step ?? null;
      if (step === null && Date.now() > deadline) throw new Error('the check-in never reached the ladder');
      if (step === null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(step).toBe('AWARENESS');
    if (process.env.REPORT_IMPORT_MEMORY) {
      const statuses = await api.dataSource.query(
        `SELECT file_name, status FROM registration_import WHERE id = ANY($1) ORDER BY created_at`,
        [hostile],
      );
      console.info(`ladder step arrived; hostile imports then: ${JSON.stringify(statuses)}`);
    }

    for (const id of hostile) {
      const result = await finished(id);
      expect(result.status).toBe('FAILED');
      expect(result.error).toMatch(/^Listan har fler än 50 000 rader/u);
    }
  });
});
