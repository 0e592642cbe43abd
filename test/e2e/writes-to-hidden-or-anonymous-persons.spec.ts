import { Role } from '@crm/domain';
import { RestrictionRepository, UserEntity } from '@crm/persistence';
import { requireWritableActor } from '../../apps/api/src/restriction/writable-actor';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Writes naming an anonymised person (issue 12, item 3): after anonymisation no new evidence or
 * personal data is tied to the anonymous actor — no registration, check-in, membership, engagement,
 * consent, edit or restriction, for any role, each refused as BAD_USER_INPUT naming the field and
 * writing nothing — while what only ends a record (leaving an initiative, cancelling a registration,
 * withdrawing a consent) is still taken. And the check holds the row until the write commits.
 */
describe('writes to hidden or anonymous persons', () => {
  let api: TestApi;
  let make: Factory;
  let staff: string;
  const admin = () => api.adminToken;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    staff = await make.user(Role.EVENT_STAFF);
  });
  afterAll(() => api.close());

  const JOIN = `mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id leftOn } }`;
  const LEAVE = `mutation($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { id leftOn } }`;
  const ENGAGE = `mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`;
  const REGISTER = `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`;
  const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id status } }`;
  const CANCEL = `mutation($input: CancelParticipationInput!) { cancelParticipation(input: $input) { id status } }`;
  const CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`;
  const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id withdrawnOn } }`;
  const UPDATE = `mutation($id: ID!) { updateActor(id: $id, input: { title: "Rektor" }) { id } }`;
  const RESTRICT = `mutation($actorId: ID!) { restrictProcessing(actorId: $actorId, reason: "Bestrider") { id } }`;
  const ANONYMISE = `mutation($id: ID!) { anonymiseActor(actorId: $id, reason: "Dnr 2026/7") { id } }`;

  const newInitiative = async (): Promise<string> =>
    (
      await api.ok(`mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`, {
        input: { name: `Grupp ${Date.now().toString(36)}`, kind: 'WORKING_GROUP', startedOn: '2026-01-01' },
      })
    ).createInitiative.id;

  /** Everything recorded about the actor, and the size of the audit trail: a refused write changes neither. */
  const recorded = async (actorId: string): Promise<Json> => {
    const [row] = await api.dataSource.query(
      `SELECT
         (SELECT to_jsonb(a) FROM actor a WHERE a.id = $1) AS actor,
         (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.id), '[]') FROM participation p WHERE p.actor_id = $1) AS participations,
         (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.id), '[]') FROM initiative_membership m WHERE m.actor_id = $1) AS memberships,
         (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.id), '[]') FROM engagement e WHERE e.actor_id = $1) AS engagements,
         (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.id), '[]') FROM consent c WHERE c.actor_id = $1) AS consents,
         (SELECT count(*)::int FROM audit_log) AS audit`,
      [actorId],
    );
    return row;
  };

  /**
   * An anonymised person who, before anonymisation, joined an initiative, was registered for an
   * event and gave an open consent: the records the "ending" writes act on.
   */
  const anonymisedWithRecords = async () => {
    const person = await make.person({ legalBasis: 'CONSENT' });
    const event = await make.event();
    const initiativeId = await newInitiative();
    await api.ok(JOIN, {
      input: { initiativeId, actorId: person.id, role: 'MEMBER', joinedOn: '2026-02-01' },
    });
    await api.ok(REGISTER, { input: { eventId: event.id, actorId: person.id, role: 'AUDIENCE' } });
    await api.ok(CONSENT, {
      input: { actorId: person.id, givenOn: '2026-01-15', textVersion: 'v1', source: 'EMAIL' },
    });
    await api.ok(ANONYMISE, { id: person.id });
    return { actorId: person.id, eventId: event.id, initiativeId };
  };
  type Records = Awaited<ReturnType<typeof anonymisedWithRecords>>;

  describe('an anonymised person', () => {
    const refused: [string, string, string, string, (r: Records, otherEventId: string) => Json][] = [
      [
        'registerParticipation',
        REGISTER,
        'actorId',
        'anonymised persons cannot be registered for events',
        (r, e) => ({ input: { eventId: e, actorId: r.actorId, role: 'AUDIENCE' } }),
      ],
      [
        'checkIn of their registration',
        CHECK_IN,
        'actorId',
        'anonymised persons cannot be checked in',
        (r) => ({ input: { eventId: r.eventId, actorId: r.actorId } }),
      ],
      [
        'checkIn as a walk-in',
        CHECK_IN,
        'actorId',
        'anonymised persons cannot be checked in',
        (r, e) => ({ input: { eventId: e, actorId: r.actorId } }),
      ],
      [
        'joinInitiative',
        JOIN,
        'actorId',
        'anonymised persons cannot join initiatives',
        (r) => ({
          input: { initiativeId: r.initiativeId, actorId: r.actorId, role: 'LEAD', joinedOn: '2026-03-01' },
        }),
      ],
      [
        'recordEngagement',
        ENGAGE,
        'actorId',
        'anonymised persons cannot be given new engagements',
        (r) => ({ input: { actorId: r.actorId, kind: 'INPUT', occurredOn: '2026-03-03' } }),
      ],
      [
        'recordConsent',
        CONSENT,
        'actorId',
        'anonymised persons cannot be given a new consent',
        (r) => ({ input: { actorId: r.actorId, givenOn: '2026-03-01', textVersion: 'v2', source: 'EMAIL' } }),
      ],
      ['updateActor', UPDATE, 'id', 'anonymised persons cannot be changed', (r) => ({ id: r.actorId })],
      [
        'registerParticipations by actor id',
        `mutation($e: ID!, $items: [ParticipationItem!]!) { registerParticipations(eventId: $e, items: $items) { id } }`,
        'items[1].actorId',
        'anonymised persons cannot be registered for events',
        (r, e) => ({
          e,
          items: [
            { person: { name: 'Ny Deltagare', sector: 'ACADEMIA' }, role: 'AUDIENCE' },
            { actorId: r.actorId, role: 'AUDIENCE' },
          ],
        }),
      ],
    ];

    it.each(refused)(
      '%s: refused for EVENT_STAFF and ADMIN alike, naming the field and writing nothing',
      async (_name, mutation, field, message, variables) => {
        const records = await anonymisedWithRecords();
        const otherEvent = await make.event();
        const before = await recorded(records.actorId);
        for (const token of [staff, admin()]) {
          const result = await api.gql(mutation, variables(records, otherEvent.id), token);
          expect(result.errors).toHaveLength(1);
          expect(result.errors?.[0].extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field,
            reason: 'ANONYMISED',
          });
          expect(result.errors?.[0].message).toBe(`${field}: ${message}`);
          expect(result.data ?? null).toBeNull();
        }
        expect(await recorded(records.actorId)).toEqual(before);
      },
    );

    it('cannot be checked in by the code of a registration made before (BAD_USER_INPUT code)', async () => {
      const person = await make.person();
      const event = await make.event();
      const { registerParticipation } = await api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { checkInCode } }`,
        { input: { eventId: event.id, actorId: person.id, role: 'AUDIENCE' } },
      );
      await api.ok(ANONYMISE, { id: person.id });
      const before = await recorded(person.id);
      const result = await api.gql(
        `mutation($e: ID!, $c: String!) { checkInByCode(eventId: $e, code: $c) { status } }`,
        { e: event.id, c: registerParticipation.checkInCode },
        staff,
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'code',
        reason: 'ANONYMISED',
      });
      expect(result.errors?.[0].message).toBe(
        'code: belongs to an anonymised person, who cannot be checked in',
      );
      expect(await recorded(person.id)).toEqual(before);
    });

    it('cannot be restricted (BAD_USER_INPUT actorId), and nothing changes', async () => {
      const { actorId } = await anonymisedWithRecords();
      const before = await recorded(actorId);
      const result = await api.gql(RESTRICT, { actorId });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'actorId',
        reason: 'ANONYMISED',
      });
      expect(result.errors?.[0].message).toBe('actorId: anonymised persons cannot be restricted');
      expect(await recorded(actorId)).toEqual(before);
    });

    it('may still leave an initiative, have a registration cancelled and a consent withdrawn', async () => {
      const records = await anonymisedWithRecords();
      const left = await api.gql(
        LEAVE,
        { input: { initiativeId: records.initiativeId, actorId: records.actorId, leftOn: '2026-04-01' } },
        staff,
      );
      expect(left.errors).toBeUndefined();
      expect(left.data?.leaveInitiative.leftOn).toBe('2026-04-01');
      const cancelled = await api.gql(
        CANCEL,
        { input: { eventId: records.eventId, actorId: records.actorId } },
        staff,
      );
      expect(cancelled.data?.cancelParticipation.status).toBe('CANCELLED');
      const withdrawn = await api.gql(
        WITHDRAW,
        { input: { actorId: records.actorId, withdrawnOn: '2026-04-02' } },
        staff,
      );
      expect(withdrawn.data?.withdrawConsent.withdrawnOn).toBe('2026-04-02');
    });
  });

  describe('the check holds until commit', () => {
    it('makes a restriction of the person wait until the write that checked them has committed', async () => {
      const person = await make.person();
      const runner = api.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        const staffUser = Object.assign(new UserEntity(), { role: Role.EVENT_STAFF });
        await requireWritableActor(runner.manager, person.id, 'actorId', staffUser, { anonymised: 'x' });

        let settled = false;
        const restricting = api.gql(RESTRICT, { actorId: person.id }).finally(() => {
          settled = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(settled).toBe(false);

        await runner.commitTransaction();
        expect((await restricting).errors).toBeUndefined();
      } finally {
        await runner.release();
      }
    });

    it('makes a write wait for a restriction being made, then refuses it as an unknown id', async () => {
      const person = await make.person();
      const event = await make.event();
      const { me } = await api.ok(`{ me { id } }`);
      const runner = api.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await new RestrictionRepository(runner.manager).restrict(person.id, 'Bestrider', me.id);

        let settled = false;
        const registering = api
          .gql(REGISTER, { input: { eventId: event.id, actorId: person.id, role: 'AUDIENCE' } }, staff)
          .finally(() => {
            settled = true;
          });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(settled).toBe(false);

        await runner.commitTransaction();
        const result = await registering;
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'actorId',
          reason: 'NOT_FOUND',
        });
        expect(result.errors?.[0].message).toBe('actorId: no actor has this ID');
        expect(
          await api.dataSource.query(`SELECT 1 FROM participation WHERE actor_id = $1`, [person.id]),
        ).toEqual([]);
      } finally {
        await runner.release();
      }
    });
  });
});
