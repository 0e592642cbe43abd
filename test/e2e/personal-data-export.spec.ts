import { Role } from '@crm/domain';
import { anonymisePersons } from '@crm/persistence';
import { AccessLogWriter } from '../../apps/api/src/access-log/access-log.writer';
import { isApiPath } from '../../apps/api/src/web-app/serve-web-app';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { pdfText } from '../support/pdf';

const PRODUCE = `mutation($id: ID!) {
  personalDataExport(actorId: $id) { id actorId createdAt expiresAt jsonUrl pdfUrl } }`;
const LIST = `query($id: ID!) { personalDataExports(actorId: $id) { id createdAt expiresAt } }`;

/**
 * The register extract (GDPR art. 15, issue 12 item 1): an administrator produces, for one person,
 * a JSON and a Swedish PDF/A of everything held about them, kept seven days; producing and each
 * download are in the audit trail and the access log; no other role may do either.
 */
describe('register extract (personal data export)', () => {
  let api: TestApi;
  let make: Factory;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    // Many extracts in a minute here; the budget itself is tested below with a server of its own.
    api = await TestApi.start({ worker: true, env: { RATE_LIMIT_EXPORTS: '1000' } });
    make = new Factory(api);
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])
      tokens[role] = await make.user(role);
  });
  afterAll(() => api.close());

  const download = (path: string, token: string | null = api.adminToken) =>
    fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** A refusal naming `field`; with `reason`, also its stable code (extensions.reason). */
  const expectBadInput = (result: Awaited<ReturnType<TestApi['gql']>>, field: string, reason?: string) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      ...(reason ? { reason } : {}),
    });
    expect(result.data ?? null).toBeNull();
  };

  /** A person with something in every part of the register. */
  async function wellKnownPerson(): Promise<{ person: Json; event: Json; initiative: Json; twin: Json }> {
    const organisation = await make.organisation({ name: 'Skellefteå Kraft' });
    const person = await make.person({
      name: 'Ingrid Utdragsson',
      email: 'ingrid.utdragsson@example.se',
      legalBasis: 'CONSENT',
      organisationId: organisation.id,
      gender: 'WOMAN',
    });
    const event = await make.event({ title: 'Framtidsdag i Lycksele' });
    await api.ok(
      `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
      { input: { eventId: event.id, actorId: person.id, role: 'SPEAKER', status: 'REGISTERED' } },
    );
    await api.ok(`mutation($input: CheckInInput!) { checkIn(input: $input) { id } }`, {
      input: { eventId: event.id, actorId: person.id },
    });
    const { createInitiative: initiative } = await api.ok(
      `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id name } }`,
      { input: { kind: 'WORKING_GROUP', name: 'Arbetsgruppen för vätgas', startedOn: '2026-01-10' } },
    );
    await api.ok(`mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`, {
      input: { initiativeId: initiative.id, actorId: person.id, role: 'MEMBER', joinedOn: '2026-02-01' },
    });
    await api.ok(`mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`, {
      input: {
        actorId: person.id,
        kind: 'INPUT',
        occurredOn: '2026-03-03',
        note: 'Skrev ett inspel om laddinfrastruktur',
        initiativeId: initiative.id,
      },
    });
    await api.ok(`mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: { actorId: person.id, givenOn: '2026-01-15', textVersion: '2026-1', source: 'PAPER_FORM' },
    });
    // A strategist reads her: an access-log entry (written by the writer, flushed here).
    await api.ok(
      `query($id: ID!) { actor(id: $id) { name email } }`,
      { id: person.id },
      tokens[Role.STRATEGIST],
    );
    await api.app.get(AccessLogWriter).flush();
    // A possible duplicate: another record with a name like hers. The finder writes its reasons in
    // Swedish; a code (as written by hand here) is labelled by the extract.
    const twin = await make.person({ name: 'Ingrid Utdragson', email: 'i.utdragson@example.se' });
    const [a, b] = [person.id, twin.id].sort();
    await api.dataSource.query(
      `INSERT INTO duplicate_candidate (kind, actor_a, actor_b, score, reasons)
       VALUES ('PERSON', $1, $2, 0.9, ARRAY['SIMILAR_NAME', 'Samma kommun'])
       ON CONFLICT (actor_a, actor_b) DO UPDATE SET reasons = excluded.reasons`,
      [a, b],
    );
    // A rejected line of an imported list that quoted her address, and one that did not name her.
    await api.dataSource.query(
      `INSERT INTO registration_import (event_id, status, file_kind, file_size, file_sha256, rejected, finished_at)
       VALUES ($1, 'DONE', 'CSV', 100, repeat('a', 64), $2::jsonb, now())`,
      [
        event.id,
        JSON.stringify([
          { line: 4, reason: 'Okänd roll: "ingrid.utdragsson@example.se" (använd t.ex. Publik, Talare)' },
          { line: 5, reason: 'Namn saknas' },
        ]),
      ],
    );
    await api.ladderSettled();
    return { person, event, initiative, twin };
  }

  it('gathers everything held about a person into JSON and a Swedish PDF/A the administrator downloads', async () => {
    const { person, event, initiative, twin } = await wellKnownPerson();
    const { personalDataExport: made } = await api.ok(PRODUCE, { id: person.id });
    expect(made).toEqual({
      id: expect.any(String),
      actorId: person.id,
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      jsonUrl: `/personal-data-exports/${made.id}.json`,
      pdfUrl: `/personal-data-exports/${made.id}.pdf`,
    });
    expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(7 * 86_400_000);

    const jsonResponse = await download(made.jsonUrl);
    expect(jsonResponse.status).toBe(200);
    expect(jsonResponse.headers.get('content-type')).toMatch(/^application\/json/);
    expect(jsonResponse.headers.get('cache-control')).toContain('no-store');
    const jsonName = jsonResponse.headers.get('content-disposition') ?? '';
    expect(jsonName).toMatch(/^attachment; filename="registerutdrag-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json"$/);
    expect(jsonName).toContain(made.id.slice(0, 8));
    expect(jsonName.toLowerCase()).not.toContain('ingrid');
    const extract = (await jsonResponse.json()) as Json;

    expect(extract.person).toMatchObject({
      id: person.id,
      name: 'Ingrid Utdragsson',
      email: 'ingrid.utdragsson@example.se',
      organisationName: 'Skellefteå Kraft',
      legalBasis: 'CONSENT',
      legalBasisSv: 'Samtycke',
      genderSv: 'Kvinna',
      restriction: null,
      anonymisedAt: null,
    });
    expect(extract.controller).toMatchObject({
      name: 'Region Västerbotten',
      contactEmail: expect.stringContaining('@'),
    });
    expect(extract.consents).toEqual([
      expect.objectContaining({ givenOn: '2026-01-15', textVersion: '2026-1', source: 'PAPER_FORM' }),
    ]);
    expect(extract.participations).toEqual([
      expect.objectContaining({
        eventId: event.id,
        eventTitle: 'Framtidsdag i Lycksele',
        meetingPlace: 'MOTESPLATS_LYCKSELE',
        role: 'SPEAKER',
        roleSv: 'Talare',
        status: 'ATTENDED',
        checkedInAt: expect.any(String),
      }),
    ]);
    expect(extract.checkIns).toEqual([expect.objectContaining({ eventTitle: 'Framtidsdag i Lycksele' })]);
    expect(extract.memberships).toEqual([
      expect.objectContaining({
        initiativeId: initiative.id,
        initiativeName: 'Arbetsgruppen för vätgas',
        role: 'MEMBER',
        joinedOn: '2026-02-01',
        leftOn: null,
      }),
    ]);
    expect(extract.engagements).toEqual([
      expect.objectContaining({
        kind: 'INPUT',
        occurredOn: '2026-03-03',
        note: 'Skrev ett inspel om laddinfrastruktur',
        initiativeName: 'Arbetsgruppen för vätgas',
      }),
    ]);
    expect(extract.ladderPlacements.length).toBeGreaterThan(0);
    expect(extract.ladderPlacements[0]).toMatchObject({
      step: expect.any(Number),
      stepSv: expect.any(String),
      reasonsSv: expect.arrayContaining([expect.any(String)]),
    });
    // When, how alike and why, but not who else: the other record may be someone else's.
    expect(extract.duplicateCandidates).toEqual([
      {
        id: expect.any(String),
        score: expect.closeTo(0.9, 5),
        reasons: ['SIMILAR_NAME', 'Samma kommun'],
        reasonsSv: ['Liknande namn', 'Samma kommun'],
        foundAt: expect.any(String),
        dismissedAt: null,
      },
    ]);
    expect(JSON.stringify(extract)).not.toContain(twin.id);
    // The trail of the person and of her records, each with who did it.
    const trail = extract.auditTrail.map((a: Json) => `${a.entity}:${a.action}`);
    expect(trail).toEqual(
      expect.arrayContaining([
        'actor:create',
        'participation:register',
        'participation:check_in',
        'initiative_membership:join',
        'engagement:create',
        'consent:create',
      ]),
    );
    for (const entry of extract.auditTrail) {
      expect(entry.userName).toEqual(expect.any(String));
      expect(entry.changedFieldsSv).toHaveLength(entry.changedFields.length);
    }
    expect(extract.auditTrail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: 'consent',
          changedFields: ['actorId', 'givenOn', 'textVersion', 'source'],
          changedFieldsSv: ['person', 'datum för samtycket', 'samtyckestextens version', 'källa'],
        }),
      ]),
    );
    // The operation as logged, and beside it what it was in Swedish.
    expect(extract.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          operation: 'actor',
          operationSv: 'Visade personens sida',
          userName: expect.any(String),
        }),
      ]),
    );
    expect(extract.importedRows).toEqual([
      expect.objectContaining({ eventTitle: 'Framtidsdag i Lycksele', line: 4 }),
    ]);
    expect(extract.importedRowsNoteSv).toContain('sparas inte');

    const pdfResponse = await download(made.pdfUrl);
    expect(pdfResponse.status).toBe(200);
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    expect(pdfResponse.headers.get('cache-control')).toContain('no-store');
    expect(pdfResponse.headers.get('content-disposition')).toBe(
      `attachment; filename="registerutdrag-${jsonName.match(/\d{4}-\d{2}-\d{2}/)?.[0]}-${made.id.slice(0, 8)}.pdf"`,
    );
    const pdf = Buffer.from(await pdfResponse.arrayBuffer());
    expect(pdf.toString('utf8')).toContain('pdfaid:part>2<');
    const text = (await pdfText(pdf)).replace(/[\s\u00a0]+/g, ' ');
    for (const heading of [
      'Registerutdrag',
      'Uppgifter om personen',
      'Deltaganden',
      'Medlemskap i initiativ',
      'Engagemang',
      'Placering på engagemangstrappan',
      'Möjliga dubbletter och sammanslagningar',
      'Ändringar (vem ändrade vad och när)',
      'Vem har läst uppgifterna',
      'Importerade rader',
      'Personuppgiftsansvarig',
      'Region Västerbotten',
    ])
      expect(text).toContain(heading);
    for (const held of ['Ingrid Utdragsson', 'Framtidsdag i Lycksele', 'Arbetsgruppen för vätgas', 'Talare'])
      expect(text).toContain(held);
    // Codes and technical names in plain Swedish.
    for (const swedish of [
      'Liknande namn',
      'Samma kommun',
      'Visade personens sida',
      'Vad som gjordes',
      'datum för samtycket, samtyckestextens version',
    ])
      expect(text).toContain(swedish);
    for (const code of ['SIMILAR_NAME', 'textVersion', 'givenOn']) expect(text).not.toContain(code);
    expect(text).not.toContain(twin.id);
    expect(text).not.toContain('Annan post');

    // Listed for the person, newest first.
    const { personalDataExport: newer } = await api.ok(PRODUCE, { id: person.id });
    const { personalDataExports } = await api.ok(LIST, { id: person.id });
    expect(personalDataExports.map((x: Json) => x.id)).toEqual([newer.id, made.id]);

    // The newer extract lists the first one's production and download among the reads, in Swedish.
    const newerText = (
      await pdfText(Buffer.from(await (await download(newer.pdfUrl)).arrayBuffer()))
    ).replace(/[\s\u00a0]+/g, ' ');
    expect(newerText).toContain('Registerutdrag togs fram');
    expect(newerText).toContain('Registerutdrag laddades ned (PDF)');
  });

  it('logs producing an extract in the audit trail and the access log, and each download in the access log', async () => {
    const person = await make.person({ name: 'Lars Loggad' });
    const writer = api.app.get(AccessLogWriter);
    await writer.flush();
    const { personalDataExport: made } = await api.ok(PRODUCE, { id: person.id });
    await writer.flush();
    const audit = await api.dataSource.query(
      `SELECT action, changed_fields FROM audit_log WHERE entity = 'actor' AND entity_id = $1 AND action LIKE 'personal_data_export%'`,
      [person.id],
    );
    expect(audit).toEqual([{ action: 'personal_data_export', changed_fields: [] }]);
    const reads = async () =>
      (
        await api.dataSource.query(
          `SELECT operation FROM personal_data_access WHERE actor_ids @> ARRAY[$1::uuid] ORDER BY id`,
          [person.id],
        )
      ).map((r: Json) => r.operation);
    expect(await reads()).toContain('personalDataExport');

    expect((await download(made.pdfUrl)).status).toBe(200);
    expect((await download(made.jsonUrl)).status).toBe(200);
    await writer.flush();
    expect(await reads()).toEqual(
      expect.arrayContaining(['personalDataExport', 'personalDataExport.pdf', 'personalDataExport.json']),
    );
    // Each download is an audit row whose action says the format; it changed no field.
    const trail = await api.dataSource.query(
      `SELECT action, changed_fields FROM audit_log
       WHERE entity = 'actor' AND entity_id = $1 AND action LIKE 'personal_data_export%' ORDER BY id`,
      [person.id],
    );
    expect(trail).toEqual([
      { action: 'personal_data_export', changed_fields: [] },
      { action: 'personal_data_export_download_pdf', changed_fields: [] },
      { action: 'personal_data_export_download_json', changed_fields: [] },
    ]);
    // A later extract tells the person so, in Swedish.
    const { personalDataExport: later } = await api.ok(PRODUCE, { id: person.id });
    const extract = (await (await download(later.jsonUrl)).json()) as Json;
    expect(
      extract.auditTrail
        .filter((a: Json) => a.action.startsWith('personal_data_export_download'))
        .map((a: Json) => [a.action, a.actionSv, a.changedFields, a.changedFieldsSv]),
    ).toEqual([
      ['personal_data_export_download_json', 'Registerutdrag laddades ned (JSON)', [], []],
      ['personal_data_export_download_pdf', 'Registerutdrag laddades ned (PDF)', [], []],
    ]);
  });

  /** The register extract of a person, as the administrator downloads it in JSON. */
  async function extractOf(actorId: string): Promise<Json> {
    const { personalDataExport: made } = await api.ok(PRODUCE, { id: actorId });
    const response = await download(made.jsonUrl);
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  }

  /** An import of a list to the event that rejected these rows; answers its id. */
  async function rejectedImport(eventId: string, rows: { line: number; reason: string }[]): Promise<string> {
    const [{ id }] = await api.dataSource.query(
      `INSERT INTO registration_import (event_id, status, file_kind, file_size, file_sha256, rejected, finished_at)
       VALUES ($1, 'DONE', 'CSV', 100, repeat('d', 64), $2::jsonb, now()) RETURNING id`,
      [eventId, JSON.stringify(rows)],
    );
    return id;
  }

  /** The lines of the rejected rows of this import the extract shows. */
  const linesShown = (extract: Json, importId: string): number[] =>
    extract.importedRows
      .filter((r: Json) => r.importId === importId)
      .map((r: Json) => r.line)
      .sort((a: number, b: number) => a - b);

  it('shows "Li Ek" the rejected rows quoting her own address or whole name, not those of "Lisa Eklund" or "Natali Ekdahl"', async () => {
    const liEk = await make.person({ name: 'Li Ek', email: 'li.ek@norr.example.se' });
    const ann = await make.person({ name: 'Ann', email: null });
    const event = await make.event({ title: 'Importdag i Vilhelmina' });
    const importId = await rejectedImport(event.id, [
      { line: 2, reason: 'Okänd status: "Lisa Eklund"' },
      { line: 3, reason: 'Okänd status: "Natali Ekdahl"' },
      { line: 4, reason: 'Okänd roll: "LI.EK@NORR.EXAMPLE.SE" (använd t.ex. Publik, Talare)' },
      { line: 5, reason: 'Okänd roll: "natali.ek@norr.example.se" (använd t.ex. Publik, Talare)' },
      { line: 6, reason: 'Okänd status: "li ek, Umeå"' },
      { line: 7, reason: 'Okänd status: "Anna Berg"' },
      { line: 8, reason: 'Okänd status: "Ann Berg"' },
      { line: 9, reason: 'Namn saknas' },
    ]);
    const extract = await extractOf(liEk.id);
    expect(linesShown(extract, importId)).toEqual([4, 6]);
    expect(extract.importedRows.filter((r: Json) => r.importId === importId)).toEqual([
      expect.objectContaining({
        eventTitle: 'Importdag i Vilhelmina',
        line: 4,
        reason: expect.stringContaining('LI.EK'),
      }),
      expect.objectContaining({ line: 6, reason: 'Okänd status: "li ek, Umeå"' }),
    ]);
    // A name shorter than four letters is not looked for at all: "Ann" is in "Ann Berg", who may be anyone.
    expect(linesShown(await extractOf(ann.id), importId)).toEqual([]);
  });

  it('shows each person exactly the rejected rows that anonymising them removes', async () => {
    const people = [
      await make.person({ name: 'Li Ek', email: 'li.ek@example.se' }),
      await make.person({ name: 'Lisa Eklund', email: 'lisa.eklund@example.se' }),
      await make.person({ name: 'Natali Ekdahl', email: 'natali.ek@example.se' }),
      await make.person({ name: 'Åsa Ström', email: null }),
      await make.person({ name: 'Bo', email: 'bo@example.se' }),
      await make.person({ name: 'Person Utan Rader', email: 'utan.rader@example.se' }),
    ];
    const event = await make.event({ title: 'Blandad import' });
    const rows = [
      { line: 2, reason: 'Okänd status: "Lisa Eklund"' },
      { line: 3, reason: 'Okänd status: "Natali Ekdahl"' },
      { line: 4, reason: 'Okänd roll: "LI.EK@EXAMPLE.SE" (använd t.ex. Publik, Talare)' },
      { line: 5, reason: 'Okänd roll: "natali.ek@example.se"' },
      { line: 6, reason: 'Okänd status: "li ek"' },
      { line: 7, reason: 'Okänd status: "ASA STROM, Umeå"' },
      { line: 8, reason: 'Okänd status: "Åsa Strömberg"' },
      { line: 9, reason: 'Okänd status: "Bo"' },
      { line: 10, reason: 'Okänd roll: "bo@example.se"' },
      { line: 11, reason: 'Okänd roll: "jakob@example.se"' },
      { line: 12, reason: 'Dubblett av rad 2: "Lisa Eklund" och "li.ek@example.se"' },
      { line: 13, reason: 'Namn saknas' },
    ];
    const importId = await rejectedImport(event.id, rows);
    const lines = async (): Promise<number[]> => {
      const [{ rejected }] = await api.dataSource.query(
        `SELECT rejected FROM registration_import WHERE id = $1`,
        [importId],
      );
      return (rejected as { line: number }[]).map((r) => r.line);
    };

    const shown = new Map<string, number[]>();
    for (const person of people) shown.set(person.name, linesShown(await extractOf(person.id), importId));
    const removed = new Map<string, number[]>();
    for (const person of people) {
      // Anonymised and rolled back, so each person is compared against the same import.
      const runner = api.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        const before = await lines();
        await anonymisePersons(runner.manager, [person.id], {
          userId: null,
          retentionRunId: null,
          reference: 'RS 2026/123',
        });
        const [{ rejected }] = await runner.manager.query(
          `SELECT rejected FROM registration_import WHERE id = $1`,
          [importId],
        );
        const after = new Set((rejected as { line: number }[]).map((r) => r.line));
        removed.set(
          person.name,
          before.filter((line) => !after.has(line)),
        );
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(removed));
    expect(Object.fromEntries(shown)).toEqual({
      'Li Ek': [4, 6, 12],
      'Lisa Eklund': [2, 12],
      'Natali Ekdahl': [3, 5],
      'Åsa Ström': [7],
      Bo: [10],
      'Person Utan Rader': [],
    });
    expect(await lines()).toEqual(rows.map((r) => r.line));

    // Once anonymised, the person's rows are gone and no row is shown them any more, not even one
    // quoting the name every anonymised person has.
    await api.ok(
      `mutation($id: ID!, $reason: String!) { anonymiseActor(actorId: $id, reason: $reason) { id } }`,
      { id: people[0].id, reason: 'Begäran om radering, dnr 2026/77' },
    );
    expect(await lines()).toEqual([2, 3, 5, 7, 8, 9, 10, 11, 13]);
    const other = await rejectedImport(event.id, [
      { line: 2, reason: 'Okänd status: "Anonymiserad person"' },
    ]);
    expect(linesShown(await extractOf(people[0].id), other)).toEqual([]);
  });

  it('lets only administrators produce, list and download extracts', async () => {
    const person = await make.person();
    const { personalDataExport: made } = await api.ok(PRODUCE, { id: person.id });
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE]) {
      const produced = await api.gql(PRODUCE, { id: person.id }, tokens[role]);
      expect(produced.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const listed = await api.gql(LIST, { id: person.id }, tokens[role]);
      expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await download(made.pdfUrl, tokens[role])).status).toBe(403);
      expect((await download(made.jsonUrl, tokens[role])).status).toBe(403);
    }
    expect((await download(made.pdfUrl, null)).status).toBe(401);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM personal_data_export WHERE actor_id = $1`,
      [person.id],
    );
    expect(count).toBe(1);
  });

  it('refuses a malformed or unknown id and an organisation, naming actorId', async () => {
    expectBadInput(await api.gql(PRODUCE, { id: 'not-an-id' }), 'actorId');
    expectBadInput(
      await api.gql(PRODUCE, { id: '00000000-0000-4000-8000-000000000000' }),
      'actorId',
      'NOT_FOUND',
    );
    const organisation = await make.organisation();
    expectBadInput(await api.gql(PRODUCE, { id: organisation.id }), 'actorId', 'NOT_A_PERSON');
    expectBadInput(await api.gql(LIST, { id: 'nope' }), 'actorId');
  });

  it('answers 400 to a malformed file name and 404 to an unknown or expired extract', async () => {
    const person = await make.person();
    const { personalDataExport: made } = await api.ok(PRODUCE, { id: person.id });
    expect((await download('/personal-data-exports/not-an-id.pdf')).status).toBe(400);
    expect((await download(`/personal-data-exports/${made.id}.exe`)).status).toBe(400);
    expect((await download('/personal-data-exports/00000000-0000-4000-8000-000000000000.pdf')).status).toBe(
      404,
    );

    await api.dataSource.query(
      `UPDATE personal_data_export SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
       WHERE id = $1`,
      [made.id],
    );
    expect((await download(made.pdfUrl)).status).toBe(404);
    expect((await download(made.jsonUrl)).status).toBe(404);
    expect((await api.ok(LIST, { id: person.id })).personalDataExports).toEqual([]);
  });

  it('counts producing and downloading extracts against the exports budget (RATE_LIMIT_EXPORTS=2 here)', async () => {
    const limited = await TestApi.start({ env: { RATE_LIMIT_EXPORTS: '2' } });
    try {
      const person = await new Factory(limited).person();
      const made = await limited.ok(PRODUCE, { id: person.id });
      const file = `${limited.baseUrl}${made.personalDataExport.pdfUrl}`;
      const auth = { headers: { authorization: `Bearer ${limited.adminToken}` } };
      expect((await fetch(file, auth)).status).toBe(200);
      const refused = await fetch(file, auth);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const again = await limited.gql(PRODUCE, { id: person.id });
      expect(again.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('keeps the download path away from the web app', () => {
    expect(isApiPath('/personal-data-exports/00000000-0000-4000-8000-000000000000.pdf')).toBe(true);
  });
});
