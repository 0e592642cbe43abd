import { quarterEndedBefore, Role } from '@crm/domain';
import {
  APP_CONFIG,
  AppConfig,
  JobName,
  QUARTERLY_REPORT_SCHEDULER_ID,
  quarterlyReportJob,
  redisOptions,
  REPORT_QUEUE,
  ReportRepository,
} from '@crm/persistence';
import { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { pdfText } from '../support/pdf';

const REPORT_FIELDS = `id year quarter version status error generatedAt pdfUrl xlsxUrl
  changes { whatSv before after }
  figures {
    periodStart periodEnd previousLabel yearEarlierLabel
    summary { engagedActors { current previousQuarter yearEarlier } largestChanges { textSv } }
    ladder { atEnd { step count } movement { from to count } history { label steps { step count } } }
    meetingPlaces { code nameSv eventsHeld { current } attendance { current } uniqueActors { current } }
    municipalities { code nameSv participants { current suppressed } }
    gender { participants { gender count } onStage { gender count suppressed } }
    reachedInfluence { descriptionSv reasonSv }
  }`;

/** The quarterly report through the API: ordered, made by the worker, frozen, versioned, served. */
describe('quarterly reports', () => {
  let api: TestApi;
  let make: Factory;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    for (const role of [Role.STRATEGIST, Role.COMMITTEE, Role.EVENT_STAFF])
      tokens[role] = await make.user(role);
  });
  afterAll(() => api.close());

  const generate = (year: number, quarter: number, token = tokens[Role.STRATEGIST]) =>
    api.gql(
      `mutation($y: Int!, $q: Int!) { generateQuarterlyReport(year: $y, quarter: $q) { id version status } }`,
      {
        y: year,
        q: quarter,
      },
      token,
    );

  /** A report once the worker has made it; staff read exact figures, the committee disclosed ones. */
  async function ready(
    year: number,
    quarter: number,
    version: number,
    token = tokens[Role.STRATEGIST],
  ): Promise<Json> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { quarterlyReport } = await api.ok(
        `query($y: Int!, $q: Int!, $v: Int) { quarterlyReport(year: $y, quarter: $q, version: $v) { ${REPORT_FIELDS} } }`,
        { y: year, q: quarter, v: version },
        token,
      );
      if (!quarterlyReport) throw new Error(`no report ${year} K${quarter} v${version}`);
      if (quarterlyReport.status === 'READY' || quarterlyReport.status === 'FAILED') return quarterlyReport;
      if (Date.now() > deadline) throw new Error(`report still ${quarterlyReport?.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const download = (path: string, token: string | null | undefined) =>
    fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('makes a report on demand, freezes it, and serves its PDF and spreadsheet to the committee', async () => {
    const umea = await make.organisation({
      name: 'Umeå kommun',
      sector: 'PUBLIC_SECTOR',
      municipalityCode: '2480',
    });
    const event = await make.event({
      meetingPlace: 'MOTESPLATS_LYCKSELE',
      startsAt: '2026-08-12T08:00:00.000Z',
      endsAt: null,
    });
    const people = [
      await make.person({ name: 'Kvinna Talare', gender: 'WOMAN', organisationId: umea.id }),
      await make.person({ name: 'Man Publik', gender: 'MAN', municipalityCode: '2481', sector: 'BUSINESS' }),
      await make.person({ name: 'Okänd Publik', municipalityCode: '2418', sector: 'CIVIL_SOCIETY' }),
    ];
    const roles = ['SPEAKER', 'AUDIENCE', 'AUDIENCE'];
    for (const [i, person] of people.entries()) {
      await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        { input: { eventId: event.id, actorId: person.id, role: roles[i], status: 'ATTENDED' } },
      );
    }
    await api.ladderSettled();

    const ordered = await generate(2026, 3);
    expect(ordered.errors).toBeUndefined();
    expect(ordered.data).toMatchObject({ generateQuarterlyReport: { version: 1, status: 'PENDING' } });
    const report = await ready(2026, 3, 1);
    expect(report).toMatchObject({
      year: 2026,
      quarter: 3,
      version: 1,
      status: 'READY',
      error: null,
      changes: null,
      pdfUrl: `/reports/${report.id}.pdf`,
      xlsxUrl: `/reports/${report.id}.xlsx`,
    });
    const figures = report.figures;
    expect(figures).toMatchObject({
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      previousLabel: '2026 K2',
    });
    // Three persons, and Umeå kommun, which stands where its person stands.
    expect(figures.summary.engagedActors.current).toBe(4);
    const lycksele = figures.meetingPlaces.find((p: Json) => p.code === 'MOTESPLATS_LYCKSELE');
    expect(lycksele).toMatchObject({
      eventsHeld: { current: 1 },
      attendance: { current: 3 },
      uniqueActors: { current: 3 },
    });
    expect(figures.municipalities).toHaveLength(15);
    const participants = Object.fromEntries(
      figures.municipalities.map((m: Json) => [m.code, m.participants.current]),
    );
    expect(participants).toMatchObject({ '2480': 1, '2481': 1, '2418': 1, '2482': 0 });
    expect(figures.gender.onStage).toEqual([
      { gender: 'WOMAN', count: 1, suppressed: false },
      { gender: 'MAN', count: 0, suppressed: false },
      { gender: 'NON_BINARY', count: 0, suppressed: false },
      { gender: 'NOT_STATED', count: 0, suppressed: false },
    ]);

    // The committee reads the same report with no count of 1 or 2 persons: each is null, suppressed.
    const committee = (await ready(2026, 3, 1, tokens[Role.COMMITTEE])).figures;
    expect(committee.summary.engagedActors.current).toBe(4);
    expect(committee.municipalities.find((m: Json) => m.code === '2480').participants).toEqual({
      current: null,
      suppressed: true,
    });
    expect(committee.gender.onStage[0]).toEqual({ gender: 'WOMAN', count: null, suppressed: true });

    const pdf = await download(report.pdfUrl, tokens[Role.COMMITTEE]);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('engagemangsrapport-2026-K3-v1.pdf');
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const heading of [
      'Sammanfattning',
      'Engagemangstrappan',
      'Mötesplatserna',
      'Kommunerna',
      'Jämn könsfördelning',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Åsele'); // a municipality with no one: zero is a finding
    for (const name of ['Kvinna Talare', 'Man Publik', 'Okänd Publik']) expect(text).not.toContain(name);

    const xlsx = await download(report.xlsxUrl, tokens[Role.COMMITTEE]);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Sammanfattning', 'Kommuner', 'Kön']),
    );
  });

  it('keeps earlier versions as they were and shows what changed since the previous one', async () => {
    const first = await ready(2026, 3, 1);
    // A late correction: another attendee at a Q3 event.
    const event = await make.event({
      meetingPlace: 'GRAND_HOTEL',
      startsAt: '2026-09-02T08:00:00.000Z',
      endsAt: null,
    });
    const late = await make.person({ name: 'Sen Anmälan', gender: 'WOMAN', municipalityCode: '2482' });
    await api.ok(
      `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
      {
        input: { eventId: event.id, actorId: late.id, role: 'AUDIENCE', status: 'ATTENDED' },
      },
    );
    await api.ladderSettled();

    expect((await generate(2026, 3)).data).toMatchObject({ generateQuarterlyReport: { version: 2 } });
    const second = await ready(2026, 3, 2);
    expect(second.status).toBe('READY');
    expect(second.changes).toEqual(
      expect.arrayContaining([
        { whatSv: 'Sammanfattning › Engagerade aktörer', before: 4, after: 5 },
        { whatSv: 'Västerbotten på Grand Hôtel › Genomförda evenemang', before: 0, after: 1 },
        { whatSv: 'Skellefteå › Deltagare', before: 0, after: 1 },
      ]),
    );
    // Version 1 is what the committee received then, unchanged.
    expect(await ready(2026, 3, 1)).toEqual(first);
    const { quarterlyReport } = await api.ok(`{ quarterlyReport(year: 2026, quarter: 3) { version } }`);
    expect(quarterlyReport.version).toBe(2);
    const { quarterlyReports } = await api.ok(`{ quarterlyReports(year: 2026) { quarter version status } }`);
    expect(quarterlyReports).toEqual([
      { quarter: 3, version: 1, status: 'READY' },
      { quarter: 3, version: 2, status: 'READY' },
    ]);
  });

  it('refuses a quarter that has not ended, and lets only administrators and strategists order', async () => {
    const future = await generate(2027, 1);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
    const badQuarter = await generate(2026, 5);
    expect(badQuarter.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
    for (const role of [Role.COMMITTEE, Role.EVENT_STAFF]) {
      expect((await generate(2026, 2, tokens[role])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const { quarterlyReports } = await api.ok(`{ quarterlyReports(year: 2026) { quarter } }`);
    expect(quarterlyReports.every((r: Json) => r.quarter === 3)).toBe(true);
  });

  it('serves files only to signed-in users, and only of ready reports', async () => {
    const { quarterlyReport } = await api.ok(
      `{ quarterlyReport(year: 2026, quarter: 3, version: 1) { id pdfUrl } }`,
    );
    expect((await download(quarterlyReport.pdfUrl, null)).status).toBe(401);
    expect((await download(quarterlyReport.pdfUrl, 'wrong-token')).status).toBe(401);
    expect((await download(quarterlyReport.pdfUrl, tokens[Role.EVENT_STAFF])).status).toBe(200);
    expect((await download('/reports/00000000-0000-4000-8000-000000000000.pdf', api.adminToken)).status).toBe(
      404,
    );
    expect((await download(`/reports/${quarterlyReport.id}.docx`, api.adminToken)).status).toBe(404);
  });

  it('registers the quarterly job scheduler with Redis', async () => {
    const config = api.worker!.get<AppConfig>(APP_CONFIG);
    const queue = new Queue(REPORT_QUEUE, {
      connection: redisOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      const scheduler = await queue.getJobScheduler(QUARTERLY_REPORT_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ pattern: '0 0 2 1 1,4,7,10 *', tz: 'Europe/Stockholm' });
      expect(new Date(scheduler!.next!).getUTCDate()).toBe(1);
    } finally {
      await queue.close();
    }
  });

  it('retries a failing generation and then marks it FAILED with the reason, never READY half-written', async () => {
    const report = await api.dataSource.transaction((em) =>
      new ReportRepository(em).createVersion({ year: 2026, quarter: 2 }, null),
    );
    const config = api.worker!.get<AppConfig>(APP_CONFIG);
    const queue = new Queue(REPORT_QUEUE, {
      connection: redisOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    // The figures cannot be computed while a table they read is missing.
    await api.dataSource.query(`ALTER TABLE initiative_membership RENAME TO initiative_membership_away`);
    try {
      const job = quarterlyReportJob(report.id);
      await queue.add(job.name, job.data, {
        ...job.opts,
        attempts: 2,
        backoff: { type: 'fixed', delay: 200 },
      });
      const deadline = Date.now() + 30_000;
      let row: Json;
      for (;;) {
        [row] = await api.dataSource.query(
          `SELECT status, error, attempts, figures, pdf, xlsx, generated_at FROM quarterly_report WHERE id = $1`,
          [report.id],
        );
        if (row.status === 'FAILED' || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(row).toMatchObject({
        status: 'FAILED',
        attempts: 2,
        figures: null,
        pdf: null,
        xlsx: null,
        generated_at: null,
      });
      expect(row.error).toMatch(/kunde inte tas fram efter 2 försök/);
    } finally {
      await api.dataSource.query(`ALTER TABLE initiative_membership_away RENAME TO initiative_membership`);
      await queue.close();
    }
    const { quarterlyReport } = await api.ok(
      `{ quarterlyReport(year: 2026, quarter: 2) { status error pdfUrl figures { year } } }`,
    );
    expect(quarterlyReport).toMatchObject({ status: 'FAILED', pdfUrl: null, figures: null });

    // And the database itself refuses a READY report without its figures and files.
    await expect(
      api.dataSource.query(`UPDATE quarterly_report SET status = 'READY', error = NULL WHERE id = $1`, [
        report.id,
      ]),
    ).rejects.toMatchObject({ constraint: 'quarterly_report_ready_check' });
  });
});

describe('the scheduled quarterly run', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
  });
  afterAll(() => api.close());

  it('makes one report of the quarter that ended, however often it fires', async () => {
    const config = api.worker!.get<AppConfig>(APP_CONFIG);
    const queue = new Queue(REPORT_QUEUE, {
      connection: redisOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      // What the job scheduler adds at 02:00 on the first day of a quarter, delivered twice.
      await Promise.all([
        queue.add(JobName.QuarterlyReportScheduled, {}),
        queue.add(JobName.QuarterlyReportScheduled, {}),
      ]);
      const quarter = quarterEndedBefore(new Date());
      const deadline = Date.now() + 30_000;
      let reports: Json[];
      for (;;) {
        reports = await api.dataSource.query(
          `SELECT version, status, requested_by FROM quarterly_report WHERE year = $1 AND quarter = $2`,
          [quarter.year, quarter.quarter],
        );
        if (reports.some((r) => r.status === 'READY') || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 300)); // time for a second report, were there one
      expect(
        await api.dataSource.query(`SELECT version, status, requested_by FROM quarterly_report`),
      ).toEqual([{ version: 1, status: 'READY', requested_by: null }]);
    } finally {
      await queue.close();
    }
  });
});
