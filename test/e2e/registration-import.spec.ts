import { Role } from '@crm/domain';
import { encode } from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

const FIXTURES = join(__dirname, '..', 'fixtures', 'registrations');

const IMPORT_FIELDS = `id status rows createdActors matchedActors createdParticipations updatedParticipations
  rejected { line reason } ignoredColumns error`;

describe('registration import (POST /events/{id}/registrations/import)', () => {
  let api: TestApi;
  let factory: Factory;
  let staffToken: string;

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    factory = new Factory(api);
    staffToken = await factory.user(Role.EVENT_STAFF);
  });
  afterAll(() => api.close());

  async function upload(
    eventId: string,
    bytes: Buffer | null,
    fileName = 'anmalningar.csv',
    token: string | null = staffToken,
  ): Promise<{ status: number; body: Json }> {
    const form = new FormData();
    if (bytes) form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${api.baseUrl}/events/${eventId}/registrations/import`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  /** Uploads and waits for the worker to finish; answers registrationImport. */
  async function importList(eventId: string, bytes: Buffer, fileName?: string): Promise<Json> {
    const { status, body } = await upload(eventId, bytes, fileName);
    expect(status).toBe(202);
    expect(body).toEqual({ id: expect.any(String) });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { registrationImport } = await api.ok(
        `query($id: ID!) { registrationImport(id: $id) { ${IMPORT_FIELDS} } }`,
        { id: body.id },
        staffToken,
      );
      if (registrationImport.status === 'DONE' || registrationImport.status === 'FAILED')
        return registrationImport;
      if (Date.now() > deadline) throw new Error(`import still ${registrationImport.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function participants(eventId: string): Promise<Json[]> {
    const { event } = await api.ok(
      `query($id: ID!) { event(id: $id) { participants(first: 500) { edges { node {
         role status source checkedInAt
         actor { id name email title sector municipality { code } organisation { id name sector } } } } } } }`,
      { id: eventId },
    );
    return event.participants.edges.map((e: Json) => e.node);
  }

  it('reads a Swedish Excel list (semicolons, Windows-1252) and matches a known person by email', async () => {
    const event = await factory.event();
    const known = await factory.person({ name: 'Åsa Öberg', email: 'asa.oberg@example.se' });
    const csv = [
      'Förnamn;Efternamn;E-post;Organisation;Titel;Kommun;Roll;Närvaro;Matallergi',
      'Åsa;Öberg; ASA.Oberg@Example.se ;Umeå universitet;Professor;Umeå;Talare;Ja;Nötter',
      'Jörgen;Ärlig;jorgen.arlig@example.se;Skellefteå kommun;Näringslivschef;Skellefteå;Publik;;',
      'Märta;Ödman;;Skellefteå kommun;Utvecklare;;Moderator;;',
      ';;;;;;;;',
      'Nils;Nilsson;nils@@example;;;;;;',
      'Pia;Persson;pia.persson@example.se;;;Vilhelmina;VIP-gäst;;',
      'Jörgen;Ärlig;JORGEN.ARLIG@example.se;Skellefteå kommun;;;;;',
    ].join('\r\n');
    const result = await importList(event.id, encode(csv, 'win1252'));

    expect(result).toMatchObject({
      status: 'DONE',
      rows: 6,
      // Jörgen, Märta and the organisations Umeå universitet and Skellefteå kommun; Åsa was known.
      createdActors: 4,
      matchedActors: 1,
      createdParticipations: 3,
      updatedParticipations: 0,
      ignoredColumns: ['Matallergi'],
      error: null,
    });
    expect(result.rejected).toEqual([
      { line: 6, reason: expect.stringContaining('e-post') },
      { line: 7, reason: expect.stringContaining('VIP-gäst') },
      { line: 8, reason: 'Samma person som på rad 3' },
    ]);

    const people = await participants(event.id);
    const asa = people.find((p) => p.actor.id === known.id);
    expect(asa).toMatchObject({ role: 'SPEAKER', status: 'ATTENDED', source: 'IMPORT' });
    const jorgen = people.find((p) => p.actor.name === 'Jörgen Ärlig');
    expect(jorgen).toMatchObject({ role: 'AUDIENCE', status: 'REGISTERED' });
    expect(jorgen!.actor).toMatchObject({
      email: 'jorgen.arlig@example.se',
      title: 'Näringslivschef',
      sector: 'PUBLIC_SECTOR',
      municipality: { code: '2482' },
      organisation: { name: 'Skellefteå kommun', sector: 'PUBLIC_SECTOR' },
    });
    const marta = people.find((p) => p.actor.name === 'Märta Ödman');
    // Same organisation as Jörgen, written once; she takes its location.
    expect(marta!.actor.organisation.id).toBe(jorgen!.actor.organisation.id);
    expect(marta!.actor.municipality).toEqual({ code: '2482' });
  });

  it('changes nothing when the same file is imported a second time', async () => {
    const event = await factory.event();
    const csv = Buffer.from(
      '\uFEFFName,Email,Company,Role,Checked In\n' +
        'Linnea Lund,linnea@example.se,Norrmejerier AB,Speaker,Yes\n' +
        'Olle Berg,,NORRMEJERIER,Attendee,\n' +
        'Kim Ek,,,Attendee,No\n',
      'utf8',
    );
    const first = await importList(event.id, csv, 'export.csv');
    expect(first).toMatchObject({
      rows: 3,
      createdActors: 4, // three persons and Norrmejerier (written two ways, one organisation)
      matchedActors: 0,
      createdParticipations: 3,
      updatedParticipations: 0,
      rejected: [],
    });
    const before = await participants(event.id);

    const second = await importList(event.id, csv, 'export.csv');
    expect(second).toMatchObject({
      rows: 3,
      createdActors: 0,
      matchedActors: 3,
      createdParticipations: 0,
      updatedParticipations: 0,
      rejected: [],
    });
    expect(await participants(event.id)).toEqual(before);
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM actor`);
    const { actors } = await api.ok(`{ actors(first: 1) { totalCount } }`);
    expect(actors.totalCount).toBe(count);
    const [{ organisations }] = await api.dataSource.query(
      `SELECT count(*)::int AS organisations FROM actor WHERE match_key = 'norrmejerier'`,
    );
    expect(organisations).toBe(1);
  });

  it('updates a registration the list changed, and never undoes a check-in', async () => {
    const event = await factory.event();
    const header = 'E-postadress;Namn;Roll;Status\n';
    await importList(
      event.id,
      Buffer.from(header + 'a@example.se;Anna A;Publik;Anmäld\nb@example.se;Bo B;Publik;Anmäld\n'),
    );
    const [anna] = (await participants(event.id)).filter((p) => p.actor.email === 'a@example.se');
    await api.ok(`mutation($input: CheckInInput!) { checkIn(input: $input) { status } }`, {
      input: { eventId: event.id, actorId: anna.actor.id },
    });

    const result = await importList(
      event.id,
      Buffer.from(header + 'a@example.se;Anna A;Publik;Anmäld\nb@example.se;Bo B;Moderator;Anmäld\n'),
    );
    expect(result).toMatchObject({ matchedActors: 2, createdParticipations: 0, updatedParticipations: 1 });
    const after = await participants(event.id);
    expect(after.find((p) => p.actor.email === 'a@example.se')).toMatchObject({ status: 'ATTENDED' });
    expect(after.find((p) => p.actor.email === 'b@example.se')).toMatchObject({ role: 'MODERATOR' });
  });

  it('reads quoted fields with line breaks and reports the right line numbers after them', async () => {
    const event = await factory.event();
    const csv = [
      'Förnamn,Efternamn,E-post,Övriga kommentarer',
      'Ada,Andersson,ada@example.se,"Kommer med tåget,',
      'kanske sent"',
      'Bert,,bert@@example.se,',
      'Cecilia,Carlsson,cecilia@example.se,"""Citat"" och ; semikolon"',
    ].join('\n');
    const result = await importList(event.id, Buffer.from(csv));
    expect(result).toMatchObject({
      rows: 3,
      createdParticipations: 2,
      ignoredColumns: ['Övriga kommentarer'],
    });
    expect(result.rejected).toEqual([{ line: 4, reason: expect.any(String) }]);
  });

  it('reports a row the database refuses and still writes the good rows of its batch', async () => {
    const event = await factory.event();
    // A rule only the database knows, standing in for any refusal validation cannot foresee.
    await api.dataSource.query(
      `ALTER TABLE actor ADD CONSTRAINT test_refused_name_check CHECK (name <> 'Vägrad Person')`,
    );
    try {
      const result = await importList(
        event.id,
        Buffer.from(
          'Namn;E-post\nFörsta Bra;forsta.bra@example.se\nVägrad Person;vagrad@example.se\nAndra Bra;andra.bra@example.se\n',
        ),
      );
      expect(result).toMatchObject({ status: 'DONE', rows: 3, createdActors: 2, createdParticipations: 2 });
      expect(result.rejected).toEqual([{ line: 3, reason: expect.stringContaining('kunde inte sparas') }]);
      expect((await participants(event.id)).map((p) => p.actor.name).sort()).toEqual([
        'Andra Bra',
        'Första Bra',
      ]);
    } finally {
      await api.dataSource.query(`ALTER TABLE actor DROP CONSTRAINT test_refused_name_check`);
    }
  });

  it('fails a file without a name column with a reason, and keeps nothing of it', async () => {
    const event = await factory.event();
    const result = await importList(event.id, Buffer.from('Produkt;Antal\nKaffe;3\n'));
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatch(/namn/i);
    const [{ content }] = await api.dataSource.query(
      `SELECT content FROM registration_import WHERE id = $1`,
      [result.id],
    );
    expect(content).toBeNull();
  });

  it('answers 400 for a file that is not CSV or .xlsx, 413 above 20 MB, and 404 for an unknown event', async () => {
    const event = await factory.event();
    const countImports = async () =>
      (await api.dataSource.query(`SELECT count(*)::int AS count FROM registration_import`))[0].count;
    const importsBefore = await countImports();
    const pdf = await upload(
      event.id,
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n\0\0'),
      'lista.pdf',
    );
    expect(pdf.status).toBe(400);
    expect(pdf.body.message).toMatch(/CSV/);

    const missing = await upload(event.id, null);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/file/);

    const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    const tooLarge = await upload(event.id, huge);
    expect(tooLarge.status).toBe(413);
    expect(typeof tooLarge.body.message).toBe('string');

    const unknown = await upload('00000000-0000-4000-8000-000000000000', Buffer.from('Namn\nA\n'));
    expect(unknown.status).toBe(404);
    const badId = await upload('not-an-id', Buffer.from('Namn\nA\n'));
    expect(badId.status).toBe(400);

    expect(await countImports()).toBe(importsBefore);
  });

  it('lets only event staff and administrators upload', async () => {
    const event = await factory.event();
    const csv = Buffer.from('Namn\nA B\n');
    expect((await upload(event.id, csv, 'a.csv', null)).status).toBe(401);
    expect((await upload(event.id, csv, 'a.csv', 'not-a-token')).status).toBe(401);
    for (const role of [Role.STRATEGIST, Role.COMMITTEE]) {
      const token = await factory.user(role);
      const refused = await upload(event.id, csv, 'a.csv', token);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toEqual(expect.any(String));
    }
    expect((await upload(event.id, csv, 'a.csv', api.adminToken)).status).toBe(202);
  });

  it("lists an event's imports newest first with their status and counts, never another event's", async () => {
    const event = await factory.event();
    const other = await factory.event();
    const first = await importList(
      event.id,
      Buffer.from('Namn;E-post\nAda Ek;ada@example.se\nBo Ek;nej\n'),
      'a.csv',
    );
    await importList(other.id, Buffer.from('Namn\nCarl Ek\n'), 'annat.csv');
    const second = await importList(event.id, Buffer.from('Namn\nDan Ek\nEva Ek\n'), 'b.csv');
    const list = `query($eventId: ID!, $first: Int) { registrationImports(eventId: $eventId, first: $first) {
      id eventId fileName status rows createdParticipations rejectedCount rejected { line } createdAt } }`;

    const { registrationImports } = await api.ok(list, { eventId: event.id }, staffToken);
    expect(registrationImports).toEqual([
      expect.objectContaining({
        id: second.id,
        fileName: 'b.csv',
        status: 'DONE',
        rows: 2,
        rejectedCount: 0,
      }),
      expect.objectContaining({
        id: first.id,
        eventId: event.id,
        fileName: 'a.csv',
        status: 'DONE',
        createdParticipations: 1,
        rejectedCount: 1,
        rejected: [{ line: 3 }],
      }),
    ]);
    expect(Date.parse(registrationImports[0].createdAt)).toBeGreaterThanOrEqual(
      Date.parse(registrationImports[1].createdAt),
    );
    const newest = await api.ok(list, { eventId: event.id, first: 1 }, staffToken);
    expect(newest.registrationImports.map((r: Json) => r.id)).toEqual([second.id]);
    const none = await api.ok(list, { eventId: '00000000-0000-4000-8000-000000000000' }, staffToken);
    expect(none.registrationImports).toEqual([]);

    const tooMany = await api.gql(list, { eventId: event.id, first: 101 }, staffToken);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badId = await api.gql(list, { eventId: 'not-an-id' }, staffToken);
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
    const committee = await api.gql(list, { eventId: event.id }, await factory.user(Role.COMMITTEE));
    expect(committee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

/**
 * The four real-shaped exports in test/fixtures/registrations (see its README for every line),
 * imported one after another into a fresh database, each into an event of its own: later lists
 * meet the people and organisations of earlier ones.
 */
describe('registration import of real-shaped exports', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  async function importFixture(name: string): Promise<{ eventId: string; result: Json }> {
    const event = await factory.event();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(readFileSync(join(FIXTURES, name)))]), name);
    const response = await fetch(`${api.baseUrl}/events/${event.id}/registrations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as Json;
    for (;;) {
      const { registrationImport } = await api.ok(
        `query($id: ID!) { registrationImport(id: $id) { ${IMPORT_FIELDS} } }`,
        { id },
      );
      if (registrationImport.status === 'DONE' || registrationImport.status === 'FAILED') {
        return { eventId: event.id, result: registrationImport };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const statuses = async (eventId: string) =>
    Object.fromEntries(
      (
        await api.dataSource.query(
          `SELECT a.name, p.role, p.status FROM participation p JOIN actor a ON a.id = p.actor_id
           WHERE p.event_id = $1`,
          [eventId],
        )
      ).map((r: Json) => [r.name, `${r.role} ${r.status}`]),
    );

  it('imports an Eventbrite attendee report', async () => {
    const { eventId, result } = await importFixture('eventbrite-export.csv');
    expect(result).toMatchObject({
      status: 'DONE',
      rows: 9,
      // Six persons; Umeå kommun, Norrmejerier (also written NORRMEJERIER), Skellefteå kommun,
      // Sundström Konsult and Region Västerbotten.
      createdActors: 11,
      matchedActors: 0,
      createdParticipations: 6,
      updatedParticipations: 0,
    });
    expect(result.rejected).toEqual([
      {
        line: 6,
        reason: 'Ogiltig e-postadress (adressen upprepas inte här: rätta den i filen på den raden)',
      },
      { line: 7, reason: 'Samma person som på rad 2' },
      { line: 8, reason: 'Namn saknas' },
    ]);
    expect(result.ignoredColumns).toEqual(
      expect.arrayContaining(['Order #', 'Order Date', 'Ticket Type', 'Buyer Email']),
    );
    expect(await statuses(eventId)).toEqual({
      'Anna Lindqvist': 'AUDIENCE ATTENDED',
      'Erik Nordin': 'AUDIENCE REGISTERED',
      'Maria Holm': 'AUDIENCE ATTENDED',
      'Lena Ek': 'AUDIENCE CANCELLED',
      'Peter Sundström': 'AUDIENCE CANCELLED',
      'Fatima Haddad': 'AUDIENCE ATTENDED',
    });
    const [lena] = await api.dataSource.query(
      `SELECT o.name FROM actor p JOIN actor o ON o.id = p.organisation_id WHERE p.name = 'Lena Ek'`,
    );
    expect(lena.name).toBe('Norrmejerier AB');
  });

  it('imports a Swedish Excel list saved as semicolon CSV in Windows-1252', async () => {
    const { eventId, result } = await importFixture('excel-semikolon-win1252.csv');
    expect(result).toMatchObject({
      rows: 9,
      // Five persons; Vilhelmina kommun and Företagarna Västerbotten (the other three organisations
      // came with the Eventbrite list).
      createdActors: 7,
      matchedActors: 0,
      createdParticipations: 5,
      updatedParticipations: 0,
      ignoredColumns: [],
    });
    expect(result.rejected.map((r: Json) => r.line)).toEqual([7, 8, 11, 12]);
    expect(await statuses(eventId)).toEqual({
      'Åsa Öberg': 'SPEAKER ATTENDED',
      'Jörgen Ärlig': 'AUDIENCE REGISTERED',
      'Märta Nyström': 'MODERATOR ATTENDED',
      'Göran Ödmark': 'SPEAKER ATTENDED',
      'Éric Sävström': 'ORGANISER ATTENDED',
    });
    const [goran] = await api.dataSource.query(
      `SELECT municipality_code, country FROM actor WHERE email = 'goran.odmark@foretagarna.se'`,
    );
    expect(goran).toEqual({ municipality_code: '0180', country: 'SE' });
  });

  it('imports a Google Forms export with line breaks inside quoted answers', async () => {
    const { result } = await importFixture('forms-with-linebreaks.csv');
    expect(result).toMatchObject({
      rows: 9,
      createdActors: 7, // five persons, Umeå universitet and Länsstyrelsen Västerbotten
      matchedActors: 0,
      createdParticipations: 5,
      ignoredColumns: ['Tidstämpel', 'Övriga kommentarer'],
    });
    expect(result.rejected.map((r: Json) => r.line)).toEqual([9, 10, 11, 15]);
    const [university] = await api.dataSource.query(
      `SELECT sector FROM actor WHERE kind = 'ORGANISATION' AND name = 'Umeå universitet'`,
    );
    expect(university.sector).toBe('ACADEMIA');
  });

  it('imports a Lyyti workbook and finds the people the earlier lists brought', async () => {
    const { eventId, result } = await importFixture('lyyti-export.xlsx');
    expect(result).toMatchObject({
      rows: 8,
      // Åsa and Jörgen by email, Märta (no email) by name at Vilhelmina kommun; Hanna is new.
      createdActors: 1,
      matchedActors: 3,
      createdParticipations: 4,
    });
    expect(result.rejected.map((r: Json) => r.line)).toEqual([6, 7, 8, 9]);
    expect(await statuses(eventId)).toMatchObject({
      'Åsa Öberg': 'SPEAKER ATTENDED',
      'Märta Nyström': 'MODERATOR NO_SHOW',
    });
    const [{ persons }] = await api.dataSource.query(
      `SELECT count(*)::int AS persons FROM actor WHERE kind = 'PERSON' AND created_by IS NOT NULL`,
    );
    // The README counts 18 people over the four lists by email or name; Märta Nyström, without an
    // email in both, is one person here because her name is unique at Vilhelmina kommun.
    expect(persons).toBe(17);
  });
});

describe('registerParticipations', () => {
  let api: TestApi;
  let factory: Factory;

  beforeAll(async () => {
    api = await TestApi.start();
    factory = new Factory(api);
  });
  afterAll(() => api.close());

  const REGISTER = `mutation($eventId: ID!, $items: [ParticipationItem!]!) {
    registerParticipations(eventId: $eventId, items: $items) { role status source actor { id name email } } }`;

  it('registers known actors by id and matches or creates persons, in item order', async () => {
    const event = await factory.event();
    const known = await factory.person({ email: 'known@example.se' });
    const organisation = await factory.organisation();
    const { registerParticipations } = await api.ok(REGISTER, {
      eventId: event.id,
      items: [
        { actorId: known.id, role: 'SPEAKER' },
        {
          person: { name: 'Ny Person', email: ' NY@example.se ', organisationId: organisation.id },
          role: 'AUDIENCE',
        },
        {
          person: { name: 'Känd Igen', email: 'KNOWN@example.se', sector: 'ACADEMIA' },
          role: 'MODERATOR',
          status: 'ATTENDED',
        },
      ],
    });
    expect(registerParticipations).toHaveLength(3);
    // Each item answers its participation as it stands after the call: the third item matched the
    // known person by email, so the first and third are one registration, the last item's values.
    expect(registerParticipations[0]).toMatchObject({
      role: 'MODERATOR',
      status: 'ATTENDED',
      source: 'IMPORT',
    });
    expect(registerParticipations[0].actor.id).toBe(known.id);
    expect(registerParticipations[2]).toEqual(registerParticipations[0]);
    expect(registerParticipations[1]).toMatchObject({
      role: 'AUDIENCE',
      status: 'REGISTERED',
      actor: { name: 'Ny Person', email: 'ny@example.se' },
    });

    const again = await api.ok(REGISTER, {
      eventId: event.id,
      items: [
        {
          person: { name: 'Ny Person', email: 'ny@example.se', organisationId: organisation.id },
          role: 'AUDIENCE',
        },
      ],
    });
    expect(again.registerParticipations[0].actor.id).toBe(registerParticipations[1].actor.id);
  });

  it('names the bad item and writes nothing of the call', async () => {
    const event = await factory.event();
    const [{ before }] = await api.dataSource.query(`SELECT count(*)::int AS before FROM actor`);
    const result = await api.gql(REGISTER, {
      eventId: event.id,
      items: [
        { person: { name: 'Först Rätt', email: 'forst@example.se', sector: 'BUSINESS' }, role: 'AUDIENCE' },
        { person: { name: 'Sen Fel', email: 'sen@@example.se', sector: 'BUSINESS' }, role: 'AUDIENCE' },
      ],
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'items[1].person.email',
    });
    const [{ after }] = await api.dataSource.query(`SELECT count(*)::int AS after FROM actor`);
    expect(after).toBe(before);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM participation WHERE event_id = $1`,
      [event.id],
    );
    expect(count).toBe(0);

    const both = await api.gql(REGISTER, {
      eventId: event.id,
      items: [
        { actorId: (await factory.person()).id, person: { name: 'X', sector: 'BUSINESS' }, role: 'AUDIENCE' },
      ],
    });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0]' });
    const unknown = await api.gql(REGISTER, {
      eventId: event.id,
      items: [{ actorId: '00000000-0000-4000-8000-000000000000', role: 'AUDIENCE' }],
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'items[0].actorId',
    });
    const noEvent = await api.gql(REGISTER, { eventId: '00000000-0000-4000-8000-000000000000', items: [] });
    expect(noEvent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
  });

  it('is refused to strategists and the committee', async () => {
    const event = await factory.event();
    for (const role of [Role.STRATEGIST, Role.COMMITTEE]) {
      const token = await factory.user(role);
      const result = await api.gql(REGISTER, { eventId: event.id, items: [] }, token);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('registration import while Redis is down', () => {
  let api: TestApi;

  beforeAll(async () => {
    // The API alone, with a Redis nobody listens on: the upload must not depend on the queue.
    api = await TestApi.start({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => api.close());

  it('still accepts the list and keeps it PENDING for the worker to find', async () => {
    const event = await new Factory(api).event();
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(Buffer.from('Namn;E-post\nAnna A;anna@example.se\n'))]),
      'a.csv',
    );
    const response = await fetch(`${api.baseUrl}/events/${event.id}/registrations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as Json;
    const [row] = await api.dataSource.query(
      `SELECT status, content IS NOT NULL AS kept FROM registration_import WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'PENDING', kept: true });
  });
});
