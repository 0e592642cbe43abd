import { ActorKind, LegalBasis, Sector } from '@crm/domain';
import { ActorMatcher, ActorValues } from '@crm/persistence';
import { DataSource } from 'typeorm';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

const person = (overrides: Partial<ActorValues>): ActorValues => ({
  kind: ActorKind.PERSON,
  name: 'Namn Saknas',
  email: null,
  title: null,
  organisationId: null,
  gender: null,
  sector: Sector.CIVIL_SOCIETY,
  municipalityCode: null,
  country: 'SE',
  organisationNumber: null,
  legalBasis: LegalBasis.PUBLIC_INTEREST,
  ...overrides,
});

/** Who a registration means: the rules the import, registerParticipations and walk-ins share. */
describe('ActorMatcher', () => {
  let api: TestApi;
  let make: Factory;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    db = api.dataSource;
  });
  afterAll(() => api.close());

  const matchPerson = (values: ActorValues, eventId?: string) =>
    db.transaction((em) => new ActorMatcher(em, null).person(values, { eventId }));
  const matchOrganisation = (
    name: string,
    organisationNumber: string | null = null,
    municipalityCode?: string,
  ) =>
    db.transaction((em) =>
      new ActorMatcher(em, null).organisation({ name, organisationNumber, municipalityCode }),
    );
  const candidatesOf = (id: string) =>
    db.query(`SELECT reasons FROM duplicate_candidate WHERE $1 IN (actor_a, actor_b)`, [id]);

  it('matches a person by email whatever its case and spaces', async () => {
    const known = await make.person({ email: 'Karin.Holm@Example.se' });
    const match = await matchPerson(person({ name: 'K. Holm', email: 'karin.holm@example.se' }));
    expect(match).toMatchObject({ created: false, matchedBy: 'EMAIL', actor: { id: known.id } });
  });

  it('matches a person without email on name and organisation only when that is unique', async () => {
    const organisation = await make.organisation({ name: 'Lycksele Trä AB' });
    const other = await make.organisation({ name: 'Storuman Energi AB' });
    const lone = await make.person({ name: 'Greta Gran', email: null, organisationId: organisation.id });
    const match = await matchPerson(person({ name: ' greta  GRAN ', organisationId: organisation.id }));
    expect(match).toMatchObject({ created: false, matchedBy: 'NAME', actor: { id: lone.id } });

    // The same name at another organisation: not confident, so a new person and a candidate pair.
    const elsewhere = await matchPerson(person({ name: 'Greta Gran', organisationId: other.id }));
    expect(elsewhere.created).toBe(true);
    expect(await candidatesOf(elsewhere.actor.id)).toEqual([
      { reasons: ['Samma namn', 'Registrerad utan e-postadress'] },
    ]);

    // Two namesakes at one organisation: ambiguous, so again a new person.
    await make.person({ name: 'Greta Gran', email: null, organisationId: organisation.id });
    const ambiguous = await matchPerson(person({ name: 'Greta Gran', organisationId: organisation.id }));
    expect(ambiguous.created).toBe(true);
    expect((await candidatesOf(ambiguous.actor.id)).length).toBe(3);
  });

  it("prefers the event's own participant of that name, so a list imported again finds its people", async () => {
    const event = await make.event();
    const first = await matchPerson(person({ name: 'Bo Ek' }), event.id);
    await api.ok(
      `mutation($e: ID!, $a: ID!) { registerParticipation(input: { eventId: $e, actorId: $a, role: AUDIENCE }) { id } }`,
      { e: event.id, a: first.actor.id },
    );
    await matchPerson(person({ name: 'Bo Ek' })); // a namesake elsewhere
    const again = await matchPerson(person({ name: 'Bo Ek' }), event.id);
    expect(again).toMatchObject({ created: false, actor: { id: first.actor.id } });
  });

  it('matches organisations by number, then by name without legal form or "kommun"', async () => {
    const numbered = await make.organisation({
      name: 'Västerbottens Mejeri AB',
      organisationNumber: '556677-8899',
    });
    expect(await matchOrganisation('Helt annat namn', '556677-8899')).toMatchObject({
      created: false,
      matchedBy: 'ORGANISATION_NUMBER',
      actor: { id: numbered.id },
    });
    const municipality = await make.organisation({ name: 'Dorotea kommun', sector: Sector.PUBLIC_SECTOR });
    expect(await matchOrganisation('DOROTEA')).toMatchObject({
      created: false,
      actor: { id: municipality.id },
    });
    expect(await matchOrganisation('västerbottens mejeri')).toMatchObject({ actor: { id: numbered.id } });
    // Same name, another organisation number: another legal entity.
    const other = await matchOrganisation('Västerbottens Mejeri AB', '556677-0000');
    expect(other.created).toBe(true);

    const created = await matchOrganisation('Åsele Bygg & Montage AB');
    expect(created).toMatchObject({ created: true, actor: { sector: Sector.BUSINESS, country: 'SE' } });
    const university = await matchOrganisation('Sveriges lantbruksuniversitet', null, '2480');
    expect(university.actor).toMatchObject({ sector: Sector.ACADEMIA, municipalityCode: '2480' });
  });

  it('never creates the same new person or organisation twice when requests race', async () => {
    for (let round = 0; round < 3; round += 1) {
      const email = `race.${round}.${Date.now()}@example.se`;
      const byEmail = await Promise.all(
        Array.from({ length: 4 }, () => matchPerson(person({ name: 'Racer', email }))),
      );
      expect(new Set(byEmail.map((m) => m.actor.id)).size).toBe(1);
      expect(byEmail.filter((m) => m.created)).toHaveLength(1);

      const name = `Tävlande Förening ${round} ${Date.now()}`;
      const byName = await Promise.all(Array.from({ length: 4 }, () => matchOrganisation(name)));
      expect(new Set(byName.map((m) => m.actor.id)).size).toBe(1);
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM actor WHERE match_key = organisation_name_key($1)`,
        [name],
      );
      expect(count).toBe(1);
    }
  });
});
