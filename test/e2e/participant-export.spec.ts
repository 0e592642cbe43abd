import { Role } from '@crm/domain';
import { ValueType, Workbook } from 'exceljs';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

const HYPERLINK = '=HYPERLINK("http://x","klicka")';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  'Namn',
  'E-post',
  'Organisation',
  'Roll',
  'Status',
  'Källa',
  'Incheckad',
  'Kommun',
  'Sektor',
  'Incheckningskod',
];

describe('participant export (GET /exports/events/{id}/participants.csv and .xlsx)', () => {
  let api: TestApi;
  let make: Factory;
  let staffToken: string;
  let committeeToken: string;
  let eventId: string;

  beforeAll(async () => {
    api = await TestApi.start({ env: { RATE_LIMIT_EXPORTS: '10' } });
    make = new Factory(api);
    staffToken = await make.user(Role.EVENT_STAFF);
    committeeToken = await make.user(Role.COMMITTEE);
    const event = await make.event({
      title: 'Höstkonferens i Umeå: "AI & regionen"',
      startsAt: '2026-10-05T22:30:00.000Z', // 6 October in Stockholm
      endsAt: null,
    });
    eventId = event.id;
    const organisation = await make.organisation({ name: 'Umeå universitet', municipalityCode: '2480' });
    const asa = await make.person({
      name: 'Åsa Öberg',
      email: 'asa.oberg@example.se',
      organisationId: organisation.id,
      municipalityCode: '2480',
    });
    const hostile = await make.person({ name: HYPERLINK, email: null });
    const bertil = await make.person({ name: 'Bertil Berg', email: 'bertil@example.se' });
    const register = (actorId: string, role: string, status: string) =>
      api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        { input: { eventId, actorId, role, status } },
      );
    await register(asa.id, 'SPEAKER', 'ATTENDED');
    await register(hostile.id, 'AUDIENCE', 'REGISTERED');
    await register(bertil.id, 'AUDIENCE', 'CANCELLED');
    // A known check-in time: 07:05 UTC is 09:05 in Stockholm (summer time).
    await api.dataSource.query(
      `UPDATE participation SET checked_in_at = '2026-10-06T07:05:00Z' WHERE actor_id = $1`,
      [asa.id],
    );
  });
  afterAll(() => api.close());
  // Exports have a budget of their own (10 a minute per user by default): each test signs in afresh.
  beforeEach(async () => {
    staffToken = await make.user(Role.EVENT_STAFF);
  });

  const get = (path: string, token: string | null = staffToken) =>
    fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const csvOf = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString('utf8');

  it('writes CSV for Excel: byte order mark, Swedish headers, semicolons, CRLF, a formula-like name made safe', async () => {
    const response = await get(`/exports/events/${eventId}/participants.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="deltagare-2026-10-06-hostkonferens-i-umea-ai-regionen.csv"; ` +
        `filename*=UTF-8''deltagare-2026-10-06-H%C3%B6stkonferens%20i%20Ume%C3%A5%20AI%20%26%20regionen.csv`,
    );
    const text = await csvOf(response);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(HEADERS.join(';'));
    const codes = await api.dataSource.query(
      `SELECT a.name, p.check_in_code FROM participation p JOIN actor a ON a.id = p.actor_id WHERE p.event_id = $1`,
      [eventId],
    );
    const code = (name: string) => codes.find((c: { name: string }) => c.name === name).check_in_code;
    // By name: "=HYPERLINK…" sorts first; the formula gets an apostrophe and is quoted for its quotes.
    expect(lines.slice(1)).toEqual([
      `"'=HYPERLINK(""http://x"",""klicka"")";;;Publik;Anmäld;Manuellt registrerad;;;Akademi;${code(HYPERLINK)}`,
      `Bertil Berg;bertil@example.se;;Publik;Avanmäld;Manuellt registrerad;;;Akademi;${code('Bertil Berg')}`,
      `Åsa Öberg;asa.oberg@example.se;Umeå universitet;Talare;Deltog;Manuellt registrerad;2026-10-06 09:05;Umeå;Akademi;${code('Åsa Öberg')}`,
    ]);
  });

  it('filters by status and role', async () => {
    const attended = await csvOf(await get(`/exports/events/${eventId}/participants.csv?status=ATTENDED`));
    expect(attended.split('\r\n').slice(1, -1)).toEqual([expect.stringMatching(/^Åsa Öberg;/)]);
    const audience = await csvOf(await get(`/exports/events/${eventId}/participants.csv?role=AUDIENCE`));
    expect(audience.split('\r\n')).toHaveLength(1 + 2 + 1);
    const none = await csvOf(
      await get(`/exports/events/${eventId}/participants.csv?status=ATTENDED&role=AUDIENCE`),
    );
    expect(none).toBe(`\uFEFF${HEADERS.join(';')}\r\n`);
  });

  it('writes XLSX that opens with exceljs: bold frozen filtered header, the rows, text cells and never a formula', async () => {
    const response = await get(`/exports/events/${eventId}/participants.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="deltagare-2026-10-06-hostkonferens-i-umea-ai-regionen\.xlsx"; filename\*=UTF-8''/,
    );
    const wb = new Workbook();
    await wb.xlsx.load(await response.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Deltagare');
    expect(ws.rowCount).toBe(4);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(10);

    const names = [2, 3, 4].map((r) => ws.getRow(r).getCell(1));
    expect(names.map((c) => c.value)).toEqual([HYPERLINK, 'Bertil Berg', 'Åsa Öberg']);
    expect(names[0].type).toBe(ValueType.String);
    const asa = ws.getRow(4);
    expect((asa.values as unknown[]).slice(1, 7)).toEqual([
      'Åsa Öberg',
      'asa.oberg@example.se',
      'Umeå universitet',
      'Talare',
      'Deltog',
      'Manuellt registrerad',
    ]);
    // The check-in as a date cell showing Stockholm wall time.
    expect(asa.getCell(7).value).toEqual(new Date('2026-10-06T09:05:00Z'));
    expect(asa.getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(asa.getCell(8).value).toBe('Umeå');
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      }),
    );

    const filtered = new Workbook();
    await filtered.xlsx.load(
      await (await get(`/exports/events/${eventId}/participants.xlsx?status=CANCELLED`)).arrayBuffer(),
    );
    expect(filtered.worksheets[0].rowCount).toBe(2);
    expect(filtered.worksheets[0].getRow(2).getCell(1).value).toBe('Bertil Berg');
  });

  it('refuses the committee (403) and anyone without a token (401), as JSON', async () => {
    for (const format of ['csv', 'xlsx']) {
      const forbidden = await get(`/exports/events/${eventId}/participants.${format}`, committeeToken);
      expect(forbidden.status).toBe(403);
      expect(await forbidden.json()).toMatchObject({ statusCode: 403 });
      const anonymous = await get(`/exports/events/${eventId}/participants.${format}`, null);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ statusCode: 401 });
      expect(anonymous.headers.get('content-disposition')).toBeNull();
    }
  });

  it('answers 400 naming a bad status or role parameter', async () => {
    for (const query of ['status=attended', 'status=', 'status=ATTENDED&status=CANCELLED', 'status=DROP']) {
      const response = await get(`/exports/events/${eventId}/participants.csv?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: 400, field: 'status' });
    }
    const role = await get(`/exports/events/${eventId}/participants.xlsx?role=VIP`);
    expect(role.status).toBe(400);
    expect(await role.json()).toMatchObject({
      field: 'role',
      message: expect.stringContaining('AUDIENCE'),
    });
  });

  it('answers 404 for an unknown event and 400 for a malformed event id', async () => {
    const unknown = await get(`/exports/events/00000000-0000-4000-8000-000000000000/participants.csv`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('eventId'),
    });
    const malformed = await get(`/exports/events/not-an-id/participants.xlsx`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ statusCode: 400, field: 'eventId' });
  });

  it('counts exports against a budget of their own: the eleventh in a minute (RATE_LIMIT_EXPORTS=10 here) answers 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i++) {
      const format = i % 2 ? 'xlsx' : 'csv';
      expect((await get(`/exports/events/${eventId}/participants.${format}`)).status).toBe(200);
    }
    const refused = await get(`/exports/events/${eventId}/participants.csv`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-disposition')).toBeNull();
    // Other reads of the same user are not held up by the export budget.
    expect((await api.gql(`{ me { id } }`, {}, staffToken)).errors).toBeUndefined();
  });

  it('refuses an export started from another site (a link riding on the session cookie)', async () => {
    const otherStaff = await make.user(Role.EVENT_STAFF); // a budget of its own
    const refused = await fetch(`${api.baseUrl}/exports/events/${eventId}/participants.csv`, {
      headers: { authorization: `Bearer ${otherStaff}`, 'sec-fetch-site': 'cross-site' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-disposition')).toBeNull();
  });

  it('records who exported which list in the audit trail, without the values', async () => {
    const rows = await api.dataSource.query(
      `SELECT action, entity, changed_fields FROM audit_log WHERE action = 'export' AND entity_id = $1`,
      [eventId],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'export', entity: 'event', changed_fields: ['participants.csv'] },
        { action: 'export', entity: 'event', changed_fields: ['participants.csv', 'status'] },
        { action: 'export', entity: 'event', changed_fields: ['participants.xlsx'] },
      ]),
    );
  });
});
