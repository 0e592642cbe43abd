import { Role } from '@crm/domain';
import {
  APP_CONFIG,
  AppConfig,
  erasureLedgerLine,
  ErasureLedgerRepository,
  JobName,
  redisOptions,
  RETENTION_QUEUE,
  RETENTION_SCHEDULER_ID,
  RETENTION_RUN_LOCK,
  RetentionBusyError,
  RetentionClock,
  RetentionRunner,
} from '@crm/persistence';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetentionService } from '../../apps/api/src/retention/retention.service';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Retention (gallring, issue 12 item 4) with the clock set to 1 March 2031, 03:00 in Stockholm: for
 * each rule a record just past its window goes and one just inside stays; a disabled rule touches
 * nothing; the preview counts what the run then does; a second run changes nothing; the run row
 * holds per rule its count, decision and window (no names) and the ledger ids and dates; quarterly
 * reports are never touched. Runs started with runRetention are executed by the worker, in this
 * process, on the real Redis, which writes the ledger to ERASURE_LEDGER_EXPORT_DIR after each run.
 */
describe('retention', () => {
  let api: TestApi;
  let make: Factory;
  const tokens = {} as Record<Role, string>;
  let adminId: string;
  let ledgerDir: string;

  const NOW = new Date('2031-03-01T02:00:00Z'); // 03:00 CET
  // The windows' starts, 03:00 Stockholm time (02:00 UTC) on these days.
  const PERSONS_START = Date.parse('2028-03-01T02:00:00Z'); // 36 months
  const IMPORTS_START = Date.parse('2030-12-01T02:00:00Z'); // 90 days
  const ACCESS_START = Date.parse('2029-03-01T02:00:00Z'); // 24 months
  const WORKING_START = Date.parse('2031-01-30T02:00:00Z'); // 30 days
  const EXPORTS_START = Date.parse('2031-02-22T02:00:00Z'); // 7 days
  const MINUTE = 60_000;
  const past = (start: number) => new Date(start - MINUTE).toISOString();
  const inside = (start: number) => new Date(start + MINUTE).toISOString();
  const LONG_AGO = '2020-01-01T00:00:00Z';

  const RULES = `{ retentionRules { code description keepAmount keepUnit requiresDecision decisionReference enabled updatedAt } }`;
  const UPDATE = `mutation($input: UpdateRetentionRuleInput!) { updateRetentionRule(input: $input) {
    code keepAmount keepUnit requiresDecision decisionReference enabled } }`;
  const PREVIEW = `{ retentionPreview { rule { code enabled } count } }`;
  const RUNS = `query($first: Int) { retentionRuns(first: $first) {
    id trigger asOf status startedAt finishedAt error counts { code count decisionReference windowStart } } }`;
  const RUN = `mutation { runRetention { id trigger asOf status finishedAt counts { code count } } }`;

  const sql = (query: string, params: unknown[] = []): Promise<Json[]> => api.dataSource.query(query, params);
  const one = async (query: string, params: unknown[] = []): Promise<Json> => (await sql(query, params))[0];

  const person = async (name: string, updatedAt = LONG_AGO): Promise<string> =>
    (
      await one(
        `INSERT INTO actor (kind, name, sector, created_at, updated_at)
         VALUES ('PERSON', $1, 'ACADEMIA', $2, $3) RETURNING id`,
        [name, LONG_AGO, updatedAt],
      )
    ).id;
  const attended = async (actorId: string, startsAt: string) => {
    const event = await one(
      `INSERT INTO event (meeting_place, title, starts_at, created_at, updated_at)
       VALUES ('MOTESPLATS_LYCKSELE', 'Seminarium', $1, $2, $2) RETURNING id`,
      [startsAt, LONG_AGO],
    );
    await sql(
      `INSERT INTO participation (event_id, actor_id, role, status, source, created_at, updated_at)
       VALUES ($1, $2, 'AUDIENCE', 'ATTENDED', 'MANUAL', $3, $3)`,
      [event.id, actorId, LONG_AGO],
    );
    return event.id as string;
  };
  const member = async (actorId: string, leftOn: string | null) => {
    const initiative = await one(
      `INSERT INTO initiative (name, kind, started_on, created_at, updated_at)
       VALUES ('Arbetsgrupp', 'WORKING_GROUP', '2019-01-01', $1, $1) RETURNING id`,
      [LONG_AGO],
    );
    await sql(
      `INSERT INTO initiative_membership (initiative_id, actor_id, role, joined_on, left_on, created_at, updated_at)
       VALUES ($1, $2, 'MEMBER', '2019-06-01', $3, $4, $4)`,
      [initiative.id, actorId, leftOn, LONG_AGO],
    );
  };
  const engaged = (actorId: string, occurredOn: string) =>
    sql(`INSERT INTO engagement (actor_id, kind, occurred_on, created_at) VALUES ($1, 'INPUT', $2, $3)`, [
      actorId,
      occurredOn,
      LONG_AGO,
    ]);
  const rejectedImport = async (eventId: string, finishedAt: string, rejected: Json[]) =>
    (
      await one(
        `INSERT INTO registration_import (event_id, status, file_kind, file_size, file_sha256, rows, rejected,
                                          created_at, started_at, finished_at)
         VALUES ($1, 'DONE', 'CSV', 100, $2, 3, $3::jsonb, $4, $4, $4) RETURNING id`,
        [eventId, randomBytes(32).toString('hex'), JSON.stringify(rejected), finishedAt],
      )
    ).id as string;

  /** Every fixture, keyed by what it is; `goes` says whether the run must touch it. */
  const people: Record<string, { id: string; goes: boolean }> = {};
  const imports = {} as Record<'past' | 'inside' | 'alreadyClean', string>;
  let reportsBefore: Json[];

  const ROLE_REASON =
    'Okänd roll: "Kung av Lycksele" (använd t.ex. Publik, Talare, Moderator, Panel, Arrangör)';

  beforeAll(async () => {
    ledgerDir = await mkdtemp(join(tmpdir(), 'erasure-ledger-'));
    api = await TestApi.start({ worker: true, workerEnv: { ERASURE_LEDGER_EXPORT_DIR: ledgerDir } });
    make = new Factory(api);
    tokens[Role.ADMIN] = api.adminToken;
    for (const role of [Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])
      tokens[role] = await make.user(role);
    adminId = (await api.ok(`{ me { id } }`)).me.id;
    jest.spyOn(api.app.get(RetentionClock), 'now').mockReturnValue(NOW);
    jest.spyOn(api.worker!.get(RetentionClock), 'now').mockReturnValue(NOW);

    // What the set-up wrote on the real clock (in 2026, so long before every window) goes away, so
    // that the counts below are exactly the fixtures'.
    for (const table of ['personal_data_access', 'user_invitation', 'user_session', 'idempotency_key'])
      await sql(`DELETE FROM ${table}`);

    const add = async (key: string, goes: boolean, make: () => Promise<string>) => {
      people[key] = { id: await make(), goes };
    };
    await add('event37MonthsAgo', true, async () => {
      const id = await person('Alva Trettiosju');
      await attended(id, '2028-02-01T09:00:00Z');
      return id;
    });
    await add('eventTheDayBeforeTheWindow', true, async () => {
      const id = await person('Bertil Dagenföre');
      await attended(id, '2028-02-29T12:00:00Z');
      return id;
    });
    await add('eventOnTheWindowsFirstDay', false, async () => {
      const id = await person('Cecilia Förstadagen');
      await attended(id, '2028-03-01T10:00:00Z');
      return id;
    });
    await add('openMembershipSince2019', false, async () => {
      const id = await person('David Öppen');
      await member(id, null);
      return id;
    });
    await add('leftBeforeTheWindow', true, async () => {
      const id = await person('Elin Lämnade');
      await member(id, '2028-02-29');
      return id;
    });
    await add('leftInsideTheWindow', false, async () => {
      const id = await person('Fredrik Stannade');
      await member(id, '2028-03-01');
      return id;
    });
    await add('engagementInsideTheWindow', false, async () => {
      const id = await person('Greta Inspel');
      await engaged(id, '2028-03-02');
      return id;
    });
    await add('noEvidenceAtAll', true, () => person('Hugo Ingenting'));
    await add('recordChangedJustBeforeTheWindow', true, () => person('Ida Ändrad', past(PERSONS_START)));
    await add('recordChangedJustInsideTheWindow', false, () => person('Jonas Ändrad', inside(PERSONS_START)));
    await add('restrictedProcessing', false, async () => {
      const id = await person('Karin Begränsad');
      await sql(
        `UPDATE actor SET restricted_at = $2, restriction_reason = 'Bestrider uppgifterna' WHERE id = $1`,
        [id, LONG_AGO],
      );
      return id;
    });
    await add('organisation', false, async () => {
      const org = await one(
        `INSERT INTO actor (kind, name, sector, created_at, updated_at)
         VALUES ('ORGANISATION', 'Gammal förening', 'CIVIL_SOCIETY', $1, $1) RETURNING id`,
        [LONG_AGO],
      );
      return org.id;
    });

    const event = await one(
      `INSERT INTO event (meeting_place, title, starts_at) VALUES ('ALMEDALEN', 'Importerat', '2030-09-01T10:00:00Z') RETURNING id`,
    );
    const rejected = [
      { line: 2, reason: ROLE_REASON },
      { line: 3, reason: 'Namn saknas' },
    ];
    imports.past = await rejectedImport(event.id, past(IMPORTS_START), rejected);
    imports.inside = await rejectedImport(event.id, inside(IMPORTS_START), rejected);
    imports.alreadyClean = await rejectedImport(event.id, LONG_AGO, [{ line: 4, reason: 'Namn saknas' }]);

    const read = (at: string) =>
      sql(
        `INSERT INTO personal_data_access (at, user_id, operation, actor_ids) VALUES ($1, $2, 'actors', $3)`,
        [at, adminId, [people.noEvidenceAtAll.id]],
      );
    await read(past(ACCESS_START));
    await read(inside(ACCESS_START));
    await sql(
      `INSERT INTO access_log_summary (week_start, reads, users, flagged_users) VALUES ('2029-01-01', 1, 1, 0)`,
    );

    const session = (expiresAt: string, lastSeenAt: string) =>
      sql(
        `INSERT INTO user_session (id, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
        [randomBytes(32).toString('hex'), adminId, '2031-01-01T00:00:00Z', lastSeenAt, expiresAt],
      );
    await session(past(WORKING_START), '2031-01-29T20:00:00Z'); // expired just before the window
    await session('2031-02-28T00:00:00Z', new Date(WORKING_START - 8 * 3_600_000 - MINUTE).toISOString()); // idle
    await session(inside(WORKING_START), '2031-01-29T20:00:00Z');

    const invitation = (createdAt: string, expiresAt: string, usedAt: string | null) =>
      sql(
        `INSERT INTO user_invitation (user_id, secret_hash, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5)`,
        [adminId, randomBytes(32).toString('hex'), createdAt, expiresAt, usedAt],
      );
    await invitation('2031-01-01T00:00:00Z', '2031-02-10T00:00:00Z', past(WORKING_START)); // used before
    await invitation('2031-01-29T00:00:00Z', inside(WORKING_START), null); // expires inside

    await sql(
      `INSERT INTO idempotency_key (user_id, key, operation, created_at) VALUES ($1, 'door-1', 'checkIn', $2)`,
      [adminId, past(WORKING_START)],
    );

    const extract = (actorId: string, createdAt: string) =>
      sql(
        `INSERT INTO personal_data_export (actor_id, content, requested_by, created_at, expires_at)
         VALUES ($1, '{}', $2, $3, $4)`,
        [actorId, adminId, createdAt, '2031-03-08T00:00:00Z'],
      );
    await extract(people.openMembershipSince2019.id, past(EXPORTS_START));
    await extract(people.openMembershipSince2019.id, inside(EXPORTS_START));
    // An old extract of a person the run anonymises: counted by the extracts rule, as the preview says.
    await extract(people.noEvidenceAtAll.id, past(EXPORTS_START));

    await sql(
      `INSERT INTO quarterly_report (year, quarter, version, status, error) VALUES (2027, 4, 1, 'FAILED', 'Testrapport')`,
    );
    reportsBefore = await sql(`SELECT * FROM quarterly_report ORDER BY id`);
  });
  afterAll(async () => {
    await api.close();
    await rm(ledgerDir, { recursive: true, force: true });
  });

  const expectBadInput = (result: Awaited<ReturnType<TestApi['gql']>>, field: string, reason: string) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(result.data ?? null).toBeNull();
  };
  const update = (input: Json, token?: string) =>
    api.gql(
      UPDATE,
      { input: { keepAmount: 36, keepUnit: 'MONTHS', decisionReference: null, enabled: false, ...input } },
      token,
    );
  const countsOf = (run: Json) => Object.fromEntries(run.counts.map((c: Json) => [c.code, c.count]));
  const previewCounts = async () =>
    Object.fromEntries((await api.ok(PREVIEW)).retentionPreview.map((p: Json) => [p.rule.code, p.count]));

  /** Starts a run through the API and waits for the worker to finish it. */
  const runToTheEnd = async (): Promise<Json> => {
    const { runRetention } = await api.ok(RUN);
    expect(runRetention).toMatchObject({ trigger: 'MANUAL', asOf: NOW.toISOString() });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const runs = (await api.ok(RUNS, { first: 5 })).retentionRuns as Json[];
      const run = runs.find((r) => r.id === runRetention.id)!;
      if (run.status !== 'RUNNING') return run;
      if (Date.now() > deadline) throw new Error('the worker did not finish the retention run');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it.each([Role.EVENT_STAFF, Role.STRATEGIST, Role.COMMITTEE])(
    'refuses %s every retention operation',
    async (role) => {
      for (const [query, variables] of [
        [RULES, {}],
        [PREVIEW, {}],
        [RUNS, {}],
        [RUN, {}],
        [
          UPDATE,
          {
            input: {
              code: 'SESSIONS',
              keepAmount: 30,
              keepUnit: 'DAYS',
              decisionReference: null,
              enabled: false,
            },
          },
        ],
      ] as const) {
        const result = await api.gql(query, variables, tokens[role]);
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(result.data ?? null).toBeNull();
      }
      expect(await sql(`SELECT 1 FROM retention_run`)).toEqual([]);
    },
  );

  it('lists the seeded rules: those that cull public records disabled until a decision is given', async () => {
    const { retentionRules } = await api.ok(RULES);
    expect(
      retentionRules.map((r: Json) => [r.code, r.keepAmount, r.keepUnit, r.requiresDecision, r.enabled]),
    ).toEqual([
      ['INACTIVE_PERSONS', 36, 'MONTHS', true, false],
      ['REJECTED_IMPORT_ROWS', 90, 'DAYS', true, false],
      ['ACCESS_LOG', 24, 'MONTHS', true, false],
      ['SESSIONS', 30, 'DAYS', false, true],
      ['INVITATIONS', 30, 'DAYS', false, true],
      ['IDEMPOTENCY_KEYS', 30, 'DAYS', false, true],
      ['PERSONAL_DATA_EXPORTS', 7, 'DAYS', false, true],
    ]);
    expect(retentionRules[0].description).toMatch(/^Personer utan aktivitet anonymiseras/);
    for (const rule of retentionRules) expect(rule.decisionReference).toBeNull();
  });

  it('refuses bad rule changes naming the field, and changes nothing', async () => {
    const before = await api.ok(RULES);
    expectBadInput(
      await update({ code: 'INACTIVE_PERSONS', enabled: true }),
      'input.decisionReference',
      'DECISION_REQUIRED',
    );
    expectBadInput(
      await update({ code: 'ACCESS_LOG', keepAmount: 24, decisionReference: '   ', enabled: true }),
      'input.decisionReference',
      'DECISION_REQUIRED',
    );
    expectBadInput(
      await update({ code: 'ACCESS_LOG', keepAmount: 24, decisionReference: 'R'.repeat(101), enabled: true }),
      'input.decisionReference',
      'TOO_LONG',
    );
    expectBadInput(
      await update({ code: 'SESSIONS', keepAmount: 0, keepUnit: 'DAYS' }),
      'input.keepAmount',
      'OUT_OF_RANGE',
    );
    expectBadInput(
      await update({ code: 'SESSIONS', keepAmount: 1201, keepUnit: 'DAYS' }),
      'input.keepAmount',
      'OUT_OF_RANGE',
    );
    expectBadInput(
      await update({ code: 'INACTIVE_PERSONS', keepAmount: 11 }),
      'input.keepAmount',
      'BELOW_FLOOR',
    );
    expectBadInput(
      await update({ code: 'ACCESS_LOG', keepAmount: 365, keepUnit: 'DAYS' }),
      'input.keepAmount',
      'BELOW_FLOOR',
    );
    const wrongEnum = await update({ code: 'QUARTERLY_REPORTS' });
    expect(wrongEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expectBadInput(await api.gql(RUNS, { first: 0 }), 'first', 'OUT_OF_RANGE');
    expectBadInput(await api.gql(RUNS, { first: 101 }), 'first', 'OUT_OF_RANGE');
    expect(await api.ok(RULES)).toEqual(before);
  });

  it('the preview counts, per rule and whether enabled or not, what a run would touch', async () => {
    expect(await previewCounts()).toEqual({
      INACTIVE_PERSONS: 5,
      REJECTED_IMPORT_ROWS: 1,
      ACCESS_LOG: 1,
      SESSIONS: 2,
      INVITATIONS: 1,
      IDEMPOTENCY_KEYS: 1,
      PERSONAL_DATA_EXPORTS: 2,
    });
  });

  it('a preview that takes too long is cancelled and answered PREVIEW_TIMEOUT, with a Swedish message', async () => {
    const service = api.app.get(RetentionService);
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      // The inactive-persons count reads consent: it waits for this lock until its time is up.
      await holder.query(`LOCK TABLE consent IN ACCESS EXCLUSIVE MODE`);
      service.previewTimeoutMs = 500;
      const started = Date.now();
      const result = await api.gql(PREVIEW);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]).toMatchObject({
        message:
          'Förhandsvisningen tog för lång tid och avbröts. Försök igen senare; gallringen kan köras ändå.',
        extensions: { code: 'PREVIEW_TIMEOUT' },
      });
      expect(result.data ?? null).toBeNull();
    } finally {
      service.previewTimeoutMs = 10_000;
      await holder.rollbackTransaction();
      await holder.release();
    }
    // The timeout was local to the preview's transaction: the next preview counts as before.
    expect((await previewCounts()).INACTIVE_PERSONS).toBe(5);
  });

  it('changes a rule with an audit row of field names', async () => {
    const { updateRetentionRule } = await api.ok(UPDATE, {
      input: {
        code: 'INACTIVE_PERSONS',
        keepAmount: 36,
        keepUnit: 'MONTHS',
        decisionReference: ' RS 2026/123 ',
        enabled: true,
      },
    });
    expect(updateRetentionRule).toEqual({
      code: 'INACTIVE_PERSONS',
      keepAmount: 36,
      keepUnit: 'MONTHS',
      requiresDecision: true,
      decisionReference: 'RS 2026/123',
      enabled: true,
    });
    const audit = await sql(
      `SELECT user_id, action, changed_fields FROM audit_log WHERE entity = 'retention_rule' ORDER BY id`,
    );
    expect(audit).toEqual([
      { user_id: adminId, action: 'update', changed_fields: ['decisionReference', 'enabled'] },
    ]);
    for (const code of ['REJECTED_IMPORT_ROWS', 'ACCESS_LOG']) {
      const { retentionRules } = await api.ok(RULES);
      const rule = retentionRules.find((r: Json) => r.code === code);
      await api.ok(UPDATE, {
        input: {
          code,
          keepAmount: rule.keepAmount,
          keepUnit: rule.keepUnit,
          decisionReference: 'RS 2026/123',
          enabled: true,
        },
      });
    }
    await api.ok(UPDATE, {
      input: {
        code: 'IDEMPOTENCY_KEYS',
        keepAmount: 30,
        keepUnit: 'DAYS',
        decisionReference: null,
        enabled: false,
      },
    });
  });

  let firstRun: Json;

  it('a run touches what is due and what the preview counted, and nothing else', async () => {
    const preview = await previewCounts();
    firstRun = await runToTheEnd();
    expect(firstRun.status).toBe('DONE');
    expect(firstRun.finishedAt).not.toBeNull();
    // Every enabled rule, in order; the disabled one is not in the run.
    const { IDEMPOTENCY_KEYS: disabled, ...enabled } = preview;
    expect(disabled).toBe(1);
    expect(firstRun.counts.map((c: Json) => c.code)).toEqual(Object.keys(enabled));
    expect(countsOf(firstRun)).toEqual(enabled);
    // Under which decision and window each rule ran.
    const under = Object.fromEntries(
      firstRun.counts.map((c: Json) => [c.code, [c.decisionReference, c.windowStart]]),
    );
    expect(under).toEqual({
      INACTIVE_PERSONS: ['RS 2026/123', new Date(PERSONS_START).toISOString()],
      REJECTED_IMPORT_ROWS: ['RS 2026/123', new Date(IMPORTS_START).toISOString()],
      ACCESS_LOG: ['RS 2026/123', new Date(ACCESS_START).toISOString()],
      SESSIONS: [null, new Date(WORKING_START).toISOString()],
      INVITATIONS: [null, new Date(WORKING_START).toISOString()],
      PERSONAL_DATA_EXPORTS: [null, new Date(EXPORTS_START).toISOString()],
    });

    // Persons: anonymised when due, untouched otherwise.
    for (const [key, { id, goes }] of Object.entries(people)) {
      const actor = await one(`SELECT name, anonymised_at FROM actor WHERE id = $1`, [id]);
      expect({ key, anonymised: actor.anonymised_at !== null }).toEqual({ key, anonymised: goes });
      if (goes) expect(actor.name).toBe('Anonymiserad person');
    }
    // Rejected rows of an import finished before the window: line and reason kept, the quoted value gone.
    const rejectedOf = async (id: string) =>
      (await one(`SELECT rejected FROM registration_import WHERE id = $1`, [id])).rejected;
    expect(await rejectedOf(imports.past)).toEqual([
      { line: 2, reason: 'Okänd roll: "…" (använd t.ex. Publik, Talare, Moderator, Panel, Arrangör)' },
      { line: 3, reason: 'Namn saknas' },
    ]);
    expect(await rejectedOf(imports.inside)).toEqual([
      { line: 2, reason: ROLE_REASON },
      { line: 3, reason: 'Namn saknas' },
    ]);
    expect(await rejectedOf(imports.alreadyClean)).toEqual([{ line: 4, reason: 'Namn saknas' }]);
    // The rest: just inside each window stays.
    const times = async (query: string) => (await sql(query)).map((r) => new Date(r.t).toISOString());
    expect(await times(`SELECT at AS t FROM personal_data_access`)).toEqual([inside(ACCESS_START)]);
    expect(await sql(`SELECT week_start::text AS week FROM access_log_summary`)).toEqual([
      { week: '2029-01-01' },
    ]);
    expect(await times(`SELECT expires_at AS t FROM user_session`)).toEqual([inside(WORKING_START)]);
    expect(await times(`SELECT expires_at AS t FROM user_invitation`)).toEqual([inside(WORKING_START)]);
    expect(await times(`SELECT created_at AS t FROM idempotency_key`)).toEqual([past(WORKING_START)]);
    expect(await times(`SELECT created_at AS t FROM personal_data_export`)).toEqual([inside(EXPORTS_START)]);
    expect(await sql(`SELECT * FROM quarterly_report ORDER BY id`)).toEqual(reportsBefore);
  });

  it('the run row holds per rule its count, decision and window only, and the ledger ids, dates and the decision', async () => {
    const row = await one(`SELECT * FROM retention_run WHERE id = $1`, [firstRun.id]);
    expect(row).toMatchObject({ trigger: 'MANUAL', status: 'DONE', error: null, requested_by: adminId });
    expect(firstRun).toMatchObject({ status: 'DONE', error: null });
    expect(new Date(row.as_of).toISOString()).toBe(NOW.toISOString());
    expect(row.rules).toHaveLength(6);
    for (const rule of row.rules) {
      expect(Object.keys(rule).sort()).toEqual(['code', 'count', 'decisionReference', 'windowStart']);
      expect(typeof rule.count).toBe('number');
    }
    expect(row.rules.find((r: Json) => r.code === 'INACTIVE_PERSONS')).toEqual({
      code: 'INACTIVE_PERSONS',
      count: 5,
      decisionReference: 'RS 2026/123',
      windowStart: new Date(PERSONS_START).toISOString(),
    });
    expect(JSON.stringify(row)).not.toMatch(/Alva|Bertil|Hugo|Ida|Elin|Kung/);

    const ledger = await sql(
      `SELECT action, subject_id, retention_run_id, decision_reference, user_id FROM erasure_ledger ORDER BY id`,
    );
    const anonymised = Object.values(people)
      .filter((p) => p.goes)
      .map((p) => p.id)
      .sort();
    expect(
      ledger
        .filter((l) => l.action === 'ANONYMISED')
        .map((l) => l.subject_id)
        .sort(),
    ).toEqual(anonymised);
    expect(ledger.filter((l) => l.action === 'IMPORT_ROWS_CULLED').map((l) => l.subject_id)).toEqual([
      imports.past,
    ]);
    for (const entry of ledger) {
      expect(entry).toMatchObject({
        retention_run_id: firstRun.id,
        decision_reference: 'RS 2026/123',
        user_id: null,
      });
    }
    expect(Object.keys(ledger[0]).sort()).toEqual([
      'action',
      'decision_reference',
      'retention_run_id',
      'subject_id',
      'user_id',
    ]);
  });

  it('after the run the worker wrote the whole ledger outside the database, as the CLI exports it', async () => {
    // Written once the run is finished: wait for it.
    const deadline = Date.now() + 10_000;
    while (!(await readdir(ledgerDir)).length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    // The worker's clock says 1 March 2031, 03:00 in Stockholm; the file was renamed into place whole.
    expect(await readdir(ledgerDir)).toEqual(['erasure-ledger-2031-03-01.jsonl']);
    const text = await readFile(join(ledgerDir, 'erasure-ledger-2031-03-01.jsonl'), 'utf8');
    const entries = await new ErasureLedgerRepository(api.dataSource.manager).all();
    expect(entries).toHaveLength(6); // 5 persons anonymised, 1 import culled
    expect(text).toBe(entries.map(erasureLedgerLine).join(''));
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Json);
    expect(lines.filter((l) => l.action === 'ANONYMISED')).toHaveLength(5);
    expect(Object.keys(lines[0]).sort()).toEqual([
      'action',
      'at',
      'decision_reference',
      'retention_run_id',
      'subject_id',
    ]);
    expect(text).not.toMatch(/Alva|Bertil|Hugo|Ida|Elin|Kung/);
  });

  it('a second run with the same clock changes nothing', async () => {
    const before = {
      actors: await sql(`SELECT * FROM actor ORDER BY id`),
      imports: await sql(`SELECT id, rejected FROM registration_import ORDER BY id`),
      ledger: await sql(`SELECT count(*)::int AS n FROM erasure_ledger`),
    };
    const preview = await previewCounts();
    expect(preview).toEqual({
      INACTIVE_PERSONS: 0,
      REJECTED_IMPORT_ROWS: 0,
      ACCESS_LOG: 0,
      SESSIONS: 0,
      INVITATIONS: 0,
      IDEMPOTENCY_KEYS: 1,
      PERSONAL_DATA_EXPORTS: 0,
    });
    const second = await runToTheEnd();
    expect(second.id).not.toBe(firstRun.id);
    expect(second.status).toBe('DONE');
    expect(second.counts.every((c: Json) => c.count === 0)).toBe(true);
    expect(second.counts).toHaveLength(6);
    expect({
      actors: await sql(`SELECT * FROM actor ORDER BY id`),
      imports: await sql(`SELECT id, rejected FROM registration_import ORDER BY id`),
      ledger: await sql(`SELECT count(*)::int AS n FROM erasure_ledger`),
    }).toEqual(before);
    expect(await sql(`SELECT * FROM quarterly_report ORDER BY id`)).toEqual(reportsBefore);
  });

  it('the nightly job scheduler is registered with Redis, and its fire runs the rules as of now', async () => {
    const config = api.worker!.get<AppConfig>(APP_CONFIG);
    const queue = new Queue(RETENTION_QUEUE, {
      connection: redisOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      const scheduler = await queue.getJobScheduler(RETENTION_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ pattern: '0 30 2 * * *', tz: 'Europe/Stockholm' });
      await queue.add(JobName.RetentionNightly, {});
      const deadline = Date.now() + 30_000;
      let runs: Json[];
      for (;;) {
        runs = (await api.ok(RUNS, { first: 1 })).retentionRuns;
        if ((runs[0]?.trigger === 'SCHEDULE' && runs[0].status !== 'RUNNING') || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(runs[0]).toMatchObject({ trigger: 'SCHEDULE', status: 'DONE', asOf: NOW.toISOString() });
      expect(runs[0].counts.every((c: Json) => c.count === 0)).toBe(true);
    } finally {
      await queue.close();
    }
  });

  it('pressing runRetention while a run waits answers that run, and the worker executes it', async () => {
    // A run whose job was lost (Redis was down when it was started): RUNNING, with nothing queued.
    const waiting = await one(
      `INSERT INTO retention_run (trigger, as_of, requested_by) VALUES ('MANUAL', $1, $2) RETURNING id`,
      [NOW, adminId],
    );
    const run = await runToTheEnd();
    expect(run).toMatchObject({ id: waiting.id, status: 'DONE' });
    expect(run.counts.every((c: Json) => c.count === 0)).toBe(true);
  });

  it('the nightly run first executes a run left RUNNING, then its own', async () => {
    const left = await one(`INSERT INTO retention_run (trigger, as_of) VALUES ('MANUAL', $1) RETURNING id`, [
      NOW,
    ]);
    const runs = await new RetentionRunner(api.dataSource).runScheduled(NOW);
    expect(runs.map((r) => [r.id === left.id, r.trigger, r.status])).toEqual([
      [true, 'MANUAL', 'DONE'],
      [false, 'SCHEDULE', 'DONE'],
    ]);
  });

  it('one run at a time: while another holds the lock, a run is refused and stays RUNNING for later', async () => {
    const run = await one(`INSERT INTO retention_run (trigger, as_of) VALUES ('MANUAL', $1) RETURNING id`, [
      NOW,
    ]);
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock($1)`, [RETENTION_RUN_LOCK]);
      await expect(new RetentionRunner(api.dataSource).execute(run.id)).rejects.toBeInstanceOf(
        RetentionBusyError,
      );
      expect((await one(`SELECT status FROM retention_run WHERE id = $1`, [run.id])).status).toBe('RUNNING');
    } finally {
      await holder.query(`SELECT pg_advisory_unlock($1)`, [RETENTION_RUN_LOCK]);
      await holder.release();
    }
    expect((await new RetentionRunner(api.dataSource).execute(run.id))?.status).toBe('DONE');
    // Executing a finished run again does nothing.
    const again = await new RetentionRunner(api.dataSource).execute(run.id);
    expect(again?.finishedAt).toEqual(
      (await one(`SELECT finished_at FROM retention_run WHERE id = $1`, [run.id])).finished_at,
    );
  });

  it('a run that fails is FAILED with the rule and the error class, never a value, keeping the counts so far', async () => {
    const run = await one(`INSERT INTO retention_run (trigger, as_of) VALUES ('MANUAL', $1) RETURNING id`, [
      NOW,
    ]);
    await sql(`ALTER TABLE user_session RENAME TO user_session_away`);
    try {
      await expect(new RetentionRunner(api.dataSource).execute(run.id)).rejects.toThrow(
        /failed at rule SESSIONS/,
      );
    } finally {
      await sql(`ALTER TABLE user_session_away RENAME TO user_session`);
    }
    const row = await one(`SELECT status, error, rules, finished_at FROM retention_run WHERE id = $1`, [
      run.id,
    ]);
    expect(row).toMatchObject({
      status: 'FAILED',
      error: 'Gallringen avbröts vid regeln SESSIONS (42P01)',
    });
    // The data protection officer sees why: the stored text, naming the rule and the error class.
    const runs = (await api.ok(RUNS, { first: 100 })).retentionRuns as Json[];
    expect(runs.find((r) => r.id === run.id)).toMatchObject({
      status: 'FAILED',
      error: 'Gallringen avbröts vid regeln SESSIONS (42P01)',
    });
    // The rules before SESSIONS in a run's order (inactive persons come last), and SESSIONS itself
    // with what it had done before it failed.
    expect(row.rules.map((r: Json) => [r.code, r.count])).toEqual([
      ['REJECTED_IMPORT_ROWS', 0],
      ['ACCESS_LOG', 0],
      ['SESSIONS', 0],
    ]);
    expect(row.finished_at).not.toBeNull();
  });

  it("a nightly fire's retries re-use its run row: a FAILED run is executed again, a DONE one is not", async () => {
    const fire = 'repeat:retention-nightly:1930100000000@1930100000000';
    const runner = new RetentionRunner(api.dataSource);
    const scheduleRows = async () =>
      (await one(`SELECT count(*)::int AS n FROM retention_run WHERE trigger = 'SCHEDULE'`)).n as number;
    const before = await scheduleRows();
    await sql(`ALTER TABLE user_session RENAME TO user_session_away`);
    try {
      await expect(runner.runScheduled(NOW, fire)).rejects.toThrow(/failed at rule SESSIONS/);
      // The job's next attempt, while the cause is still there.
      await expect(runner.runScheduled(NOW, fire)).rejects.toThrow(/failed at rule SESSIONS/);
    } finally {
      await sql(`ALTER TABLE user_session_away RENAME TO user_session`);
    }
    const failed = await one(`SELECT id, status FROM retention_run WHERE scheduled_fire = $1`, [fire]);
    expect(failed.status).toBe('FAILED');
    expect(await scheduleRows()).toBe(before + 1);

    const [retried] = await runner.runScheduled(new Date(NOW.getTime() + 3_600_000), fire);
    expect(retried).toMatchObject({ id: failed.id, trigger: 'SCHEDULE', status: 'DONE', error: null });
    // The fire's moment, not the retry's: the same windows as the first attempt.
    expect(retried.asOf).toEqual(NOW);
    expect(retried.rules.map((r) => r.code)).toEqual([
      'REJECTED_IMPORT_ROWS',
      'ACCESS_LOG',
      'SESSIONS',
      'INVITATIONS',
      'PERSONAL_DATA_EXPORTS',
      'INACTIVE_PERSONS',
    ]);
    const finishedAt = retried.finishedAt;

    // A retry after the run is DONE (the ledger file could not be written, say) runs nothing again.
    const [again] = await runner.runScheduled(NOW, fire);
    expect(again).toMatchObject({ id: failed.id, status: 'DONE', finishedAt });
    expect(await scheduleRows()).toBe(before + 1);
  });

  it('a run still shows the decision and window it ran under after the rule is edited', async () => {
    await api.ok(UPDATE, {
      input: {
        code: 'INACTIVE_PERSONS',
        keepAmount: 48,
        keepUnit: 'MONTHS',
        decisionReference: 'RS 2031/7',
        enabled: true,
      },
    });
    const runs = (await api.ok(RUNS, { first: 100 })).retentionRuns as Json[];
    const first = runs.find((r) => r.id === firstRun.id)!;
    expect(first.counts.find((c: Json) => c.code === 'INACTIVE_PERSONS')).toEqual({
      code: 'INACTIVE_PERSONS',
      count: 5,
      decisionReference: 'RS 2026/123',
      windowStart: new Date(PERSONS_START).toISOString(),
    });
  });
});

describe('retention of many persons', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('works through more than one batch of inactive persons, each in its own transaction', async () => {
    await api.ok(
      `mutation { updateRetentionRule(input: { code: INACTIVE_PERSONS, keepAmount: 36, keepUnit: MONTHS,
        decisionReference: "RS 2026/123", enabled: true }) { enabled } }`,
    );
    await api.dataSource.query(
      `INSERT INTO actor (kind, name, sector, created_at, updated_at)
       SELECT 'PERSON', 'Person ' || n, 'ACADEMIA', '2020-01-01', '2020-01-01' FROM generate_series(1, 1001) n`,
    );
    const [run] = await new RetentionRunner(api.dataSource).runScheduled(new Date('2031-03-01T02:00:00Z'));
    expect(run.counts.INACTIVE_PERSONS).toBe(1001);
    const [{ left }] = await api.dataSource.query(
      `SELECT count(*)::int AS left FROM actor WHERE kind = 'PERSON' AND anonymised_at IS NULL`,
    );
    expect(left).toBe(0);
    const [{ ledger }] = await api.dataSource.query(
      `SELECT count(DISTINCT subject_id)::int AS ledger FROM erasure_ledger WHERE action = 'ANONYMISED' AND retention_run_id = $1`,
      [run.id],
    );
    expect(ledger).toBe(1001);
  });

  it('a batch of persons none of whom is due does not end the rule: the next batch continues after it', async () => {
    // 600 persons with recent evidence first in id order (more than a batch of 500), then 3 due.
    await api.dataSource.query(
      `INSERT INTO actor (id, kind, name, sector, created_at, updated_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'PERSON', 'Aktiv ' || n, 'ACADEMIA',
              '2020-01-01', '2020-01-01'
       FROM generate_series(1, 600) n`,
    );
    await api.dataSource.query(
      `INSERT INTO engagement (actor_id, kind, occurred_on)
       SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'INPUT', '2031-01-15'
       FROM generate_series(1, 600) n`,
    );
    await api.dataSource.query(
      `INSERT INTO actor (id, kind, name, sector, created_at, updated_at)
       SELECT ('ffffffff-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'PERSON', 'Tyst ' || n, 'ACADEMIA',
              '2020-01-01', '2020-01-01'
       FROM generate_series(1, 3) n`,
    );
    const [run] = await new RetentionRunner(api.dataSource).runScheduled(new Date('2031-03-01T02:00:00Z'));
    expect(run.counts.INACTIVE_PERSONS).toBe(3);
    const [{ active, quiet }] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE name LIKE 'Aktiv %')::int AS active,
              count(*) FILTER (WHERE anonymised_at IS NOT NULL AND id::text LIKE 'ffffffff-%')::int AS quiet
       FROM actor`,
    );
    expect({ active, quiet }).toEqual({ active: 600, quiet: 3 });
  });

  it('a person who gets evidence while the run is locking them is not anonymised', async () => {
    const NOW = new Date('2031-03-01T02:00:00Z');
    const person = async (name: string): Promise<string> =>
      (
        await api.dataSource.query(
          `INSERT INTO actor (kind, name, sector, created_at, updated_at)
           VALUES ('PERSON', $1, 'ACADEMIA', '2020-01-01', '2020-01-01') RETURNING id`,
          [name],
        )
      )[0].id;
    const quiet = await person('Tyra Tyst');
    const atTheDoor = await person('Dörte Dörr');

    // A check-in at the door for a person the run finds due, not yet committed: the participation
    // holds a share lock on the actor, which the run's candidate query waits for.
    const door = api.dataSource.createQueryRunner();
    await door.connect();
    await door.startTransaction();
    let released = false;
    let running: Promise<unknown> = Promise.resolve();
    try {
      const [event] = await door.query(
        `INSERT INTO event (meeting_place, title, starts_at) VALUES ('ALMEDALEN', 'Nu', '2031-02-28T10:00:00Z') RETURNING id`,
      );
      await door.query(
        `INSERT INTO participation (event_id, actor_id, role, status, source) VALUES ($1, $2, 'AUDIENCE', 'ATTENDED', 'MANUAL')`,
        [event.id, atTheDoor],
      );
      const run = new RetentionRunner(api.dataSource).runScheduled(NOW);
      running = run.catch(() => undefined);
      // The run's candidate query has taken its snapshot (without the participation) and waits.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const [{ waiting }] = await api.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query LIKE '%SELECT a.id FROM actor a%'`,
        );
        if (waiting === 1) break;
        if (Date.now() > deadline) throw new Error('the run never waited for the door');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await door.commitTransaction();
      released = true;
      const [done] = await run;
      expect(done.status).toBe('DONE');
      expect(done.counts.INACTIVE_PERSONS).toBe(1);
    } finally {
      if (!released) await door.rollbackTransaction();
      await running;
      await door.release();
    }
    const anonymised = async (id: string) =>
      (await api.dataSource.query(`SELECT anonymised_at FROM actor WHERE id = $1`, [id]))[0].anonymised_at !==
      null;
    expect(await anonymised(quiet)).toBe(true);
    expect(await anonymised(atTheDoor)).toBe(false);
    expect(
      await api.dataSource.query(`SELECT 1 FROM erasure_ledger WHERE subject_id = $1`, [atTheDoor]),
    ).toEqual([]);
  });
});
