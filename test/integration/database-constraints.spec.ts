import { TestApi } from '../support/api';

/** The rules hold in the database itself, whatever code path (or psql session) writes the row. */
describe('database constraints', () => {
  let api: TestApi;
  let orgId: string;
  let personId: string;
  let eventId: string;

  const sql = (text: string, params: unknown[] = []) => api.dataSource.query(text, params);
  const violation = async (text: string, params: unknown[], code: string) => {
    await expect(sql(text, params)).rejects.toMatchObject({ driverError: expect.objectContaining({ code }) });
  };

  beforeAll(async () => {
    api = await TestApi.start();
    [{ id: orgId }] = await sql(
      `INSERT INTO actor (kind, name, sector) VALUES ('ORGANISATION', 'Org', 'BUSINESS') RETURNING id`,
    );
    [{ id: personId }] = await sql(
      `INSERT INTO actor (kind, name, sector, email, organisation_id) VALUES ('PERSON', 'P', 'BUSINESS', 'anna@x.se', $1) RETURNING id`,
      [orgId],
    );
    [{ id: eventId }] = await sql(
      `INSERT INTO event (meeting_place, title, starts_at) VALUES ('ALMEDALEN', 'E', now()) RETURNING id`,
    );
  });
  afterAll(() => api.close());

  it('stores emails normalised and unique', async () => {
    await violation(
      `INSERT INTO actor (kind, name, sector, email) VALUES ('PERSON', 'Q', 'BUSINESS', 'Anna@X.se')`,
      [],
      '23514',
    );
    await violation(
      `INSERT INTO actor (kind, name, sector, email) VALUES ('PERSON', 'Q', 'BUSINESS', 'anna@x.se')`,
      [],
      '23505',
    );
  });

  it("refuses a person's organisation that is a person, and person fields on organisations", async () => {
    await violation(
      `INSERT INTO actor (kind, name, sector, organisation_id) VALUES ('PERSON', 'Q', 'BUSINESS', $1)`,
      [personId],
      '23503',
    );
    await violation(
      `INSERT INTO actor (kind, name, sector, email) VALUES ('ORGANISATION', 'Q', 'BUSINESS', 'org@x.se')`,
      [],
      '23514',
    );
    await violation(
      `INSERT INTO actor (kind, name, sector, organisation_number) VALUES ('PERSON', 'Q', 'BUSINESS', '556036-0793')`,
      [],
      '23514',
    );
  });

  it('keeps organisation numbers well-formed and unique', async () => {
    await violation(
      `INSERT INTO actor (kind, name, sector, organisation_number) VALUES ('ORGANISATION', 'Q', 'BUSINESS', '5560360793')`,
      [],
      '23514',
    );
    await sql(
      `INSERT INTO actor (kind, name, sector, organisation_number) VALUES ('ORGANISATION', 'Q1', 'BUSINESS', '556036-0793')`,
    );
    await violation(
      `INSERT INTO actor (kind, name, sector, organisation_number) VALUES ('ORGANISATION', 'Q2', 'BUSINESS', '556036-0793')`,
      [],
      '23505',
    );
  });

  it('allows only known municipalities, and only in Sweden', async () => {
    await violation(
      `INSERT INTO actor (kind, name, sector, municipality_code) VALUES ('ORGANISATION', 'Q', 'BUSINESS', '2499')`,
      [],
      '23503',
    );
    await violation(
      `INSERT INTO actor (kind, name, sector, municipality_code, country) VALUES ('ORGANISATION', 'Q', 'BUSINESS', '2480', 'NO')`,
      [],
      '23514',
    );
    await violation(
      `INSERT INTO actor (kind, name, sector) VALUES ('ORGANISATION', 'Q', 'MEDIA')`,
      [],
      '23514',
    );
  });

  it('keeps one participation per event and actor, and check-in times only on attendance', async () => {
    await sql(
      `INSERT INTO participation (event_id, actor_id, role, status, source) VALUES ($1, $2, 'AUDIENCE', 'REGISTERED', 'MANUAL')`,
      [eventId, personId],
    );
    await violation(
      `INSERT INTO participation (event_id, actor_id, role, status, source) VALUES ($1, $2, 'SPEAKER', 'REGISTERED', 'MANUAL')`,
      [eventId, personId],
      '23505',
    );
    await violation(`UPDATE participation SET checked_in_at = now() WHERE event_id = $1`, [eventId], '23514');
  });

  it('refuses events that end before they start, and unknown meeting places', async () => {
    await violation(
      `INSERT INTO event (meeting_place, title, starts_at, ends_at) VALUES ('ALMEDALEN', 'E', now(), now() - interval '1 hour')`,
      [],
      '23514',
    );
    await violation(
      `INSERT INTO event (meeting_place, title, starts_at) VALUES ('ROSENBAD', 'E', now())`,
      [],
      '23503',
    );
    await violation(
      `INSERT INTO event (meeting_place, title, starts_at, rus_priorities) VALUES ('ALMEDALEN', 'E', now(), '{PARTY}')`,
      [],
      '23514',
    );
  });
});
