import { Role } from '@crm/domain';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Credentials that can be revoked and rotated: disableUser, enableUser and issueToken (ADMIN only);
 * User.disabledAt and User.lastSeenAt.
 */
describe('credentials: revocation, rotation and last use', () => {
  let api: TestApi;
  let make: Factory;
  let adminId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    adminId = (await api.ok(`{ me { id } }`)).me.id;
  });
  afterAll(() => api.close());

  const USER_FIELDS = `id role disabledAt lastSeenAt`;
  const meOf = (token: string) => api.gql(`{ me { id } }`, {}, token);
  const codesOf = (result: { errors?: { extensions?: { code?: string } }[] }) =>
    result.errors?.map((e) => e.extensions?.code);
  const auditsOf = (
    userId: string,
  ): Promise<{ user_id: string; action: string; changed_fields: string[] }[]> =>
    api.dataSource.query(
      `SELECT user_id, action, changed_fields FROM audit_log WHERE entity = 'app_user' AND entity_id = $1 ORDER BY id`,
      [userId],
    );

  async function staff(): Promise<{ id: string; token: string }> {
    const token = await make.user(Role.EVENT_STAFF);
    return { id: (await api.ok(`{ me { id } }`, {}, token)).me.id, token };
  }

  it('a disabled user’s token answers UNAUTHENTICATED at once, and works again once enabled', async () => {
    const user = await staff();
    expect((await meOf(user.token)).data).toEqual({ me: { id: user.id } });

    const { disableUser } = await api.ok(`mutation($id: ID!) { disableUser(id: $id) { ${USER_FIELDS} } }`, {
      id: user.id,
    });
    expect(disableUser).toMatchObject({ id: user.id, disabledAt: expect.any(String) });

    const refused = await meOf(user.token);
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.data).toBeNull();
    // REST routes refuse it too.
    const download = await fetch(`${api.baseUrl}/reports/00000000-0000-4000-8000-000000000000.pdf`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(download.status).toBe(401);

    // Disabling again changes nothing: the first date stays, no second audit row.
    const again = await api.ok(`mutation($id: ID!) { disableUser(id: $id) { disabledAt } }`, { id: user.id });
    expect(again.disableUser.disabledAt).toBe(disableUser.disabledAt);

    const { enableUser } = await api.ok(`mutation($id: ID!) { enableUser(id: $id) { ${USER_FIELDS} } }`, {
      id: user.id,
    });
    expect(enableUser).toMatchObject({ id: user.id, disabledAt: null });
    expect((await meOf(user.token)).data).toEqual({ me: { id: user.id } });

    expect(await auditsOf(user.id)).toEqual([
      { user_id: adminId, action: 'create', changed_fields: ['name', 'email', 'role'] },
      { user_id: adminId, action: 'disable', changed_fields: ['disabledAt'] },
      { user_id: adminId, action: 'enable', changed_fields: ['disabledAt'] },
    ]);
  });

  it('issueToken: the new token works at once and the old one stops at once', async () => {
    const user = await staff();
    const { issueToken } = await api.ok(
      `mutation($id: ID!) { issueToken(userId: $id) { token invitationUrl user { id role disabledAt } } }`,
      { id: user.id },
    );
    expect(issueToken).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      invitationUrl: null,
      user: { id: user.id, role: 'EVENT_STAFF', disabledAt: null },
    });
    expect(issueToken.token).not.toBe(user.token);
    expect(codesOf(await meOf(user.token))).toEqual(['UNAUTHENTICATED']);
    expect((await meOf(issueToken.token)).data).toEqual({ me: { id: user.id } });
    // Only the hash of the new token is stored.
    const [{ token_hash }] = await api.dataSource.query(`SELECT token_hash FROM app_user WHERE id = $1`, [
      user.id,
    ]);
    expect(token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token_hash).not.toContain(issueToken.token);
    expect((await auditsOf(user.id)).at(-1)).toEqual({
      user_id: adminId,
      action: 'issue_token',
      changed_fields: ['token'],
    });
  });

  it('issueToken for a disabled user keeps the user disabled until enableUser', async () => {
    const user = await staff();
    await api.ok(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: user.id });
    const { issueToken } = await api.ok(
      `mutation($id: ID!) { issueToken(userId: $id) { token user { disabledAt } } }`,
      { id: user.id },
    );
    expect(issueToken.user.disabledAt).toEqual(expect.any(String));
    expect(codesOf(await meOf(issueToken.token))).toEqual(['UNAUTHENTICATED']);
    await api.ok(`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: user.id });
    expect((await meOf(issueToken.token)).data).toEqual({ me: { id: user.id } });
    expect(codesOf(await meOf(user.token))).toEqual(['UNAUTHENTICATED']);
  });

  it('an admin can rotate their own token', async () => {
    const token = await make.user(Role.ADMIN);
    const { me } = await api.ok(`{ me { id } }`, {}, token);
    const { issueToken } = await api.ok(
      `mutation($id: ID!) { issueToken(userId: $id) { token } }`,
      { id: me.id },
      token,
    );
    expect(codesOf(await meOf(token))).toEqual(['UNAUTHENTICATED']);
    expect((await meOf(issueToken.token)).data).toEqual({ me: { id: me.id } });
  });

  it('an admin cannot disable themselves: BAD_USER_INPUT on id, nothing written', async () => {
    const result = await api.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: adminId });
    expect(result.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' }),
    ]);
    const [{ disabled_at }] = await api.dataSource.query(`SELECT disabled_at FROM app_user WHERE id = $1`, [
      adminId,
    ]);
    expect(disabled_at).toBeNull();
    expect((await meOf(api.adminToken)).data).toEqual({ me: { id: adminId } });
  });

  it("changeUserRole: the same token has the new role's rights from the next request, audited; not one's own", async () => {
    const user = await staff();
    const writeEvent = `mutation { createEvent(input: { meetingPlace: GRAND_HOTEL, title: "Rollbyte", startsAt: "2026-05-12T08:00:00.000Z" }) { id } }`;
    expect(codesOf(await api.gql(writeEvent, {}, user.token))).toBeUndefined();
    const changed = await api.ok(
      `mutation($id: ID!) { changeUserRole(id: $id, role: STRATEGIST) { ${USER_FIELDS} } }`,
      { id: user.id },
    );
    expect(changed.changeUserRole).toMatchObject({ id: user.id, role: 'STRATEGIST', disabledAt: null });
    expect(codesOf(await api.gql(writeEvent, {}, user.token))).toEqual(['FORBIDDEN']);
    expect((await meOf(user.token)).data).toEqual({ me: { id: user.id } });
    // The same role again changes nothing and writes nothing.
    await api.ok(`mutation($id: ID!) { changeUserRole(id: $id, role: STRATEGIST) { id } }`, { id: user.id });
    expect((await auditsOf(user.id)).filter((a) => a.action === 'change_role')).toEqual([
      { user_id: adminId, action: 'change_role', changed_fields: ['role'] },
    ]);

    const own = await api.gql(`mutation($id: ID!) { changeUserRole(id: $id, role: COMMITTEE) { id } }`, {
      id: adminId,
    });
    expect(own.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' }),
    ]);
    const [{ role }] = await api.dataSource.query(`SELECT role FROM app_user WHERE id = $1`, [adminId]);
    expect(role).toBe('ADMIN');
    const badRole = await api.gql(`mutation($id: ID!) { changeUserRole(id: $id, role: OWNER) { id } }`, {
      id: user.id,
    });
    expect(badRole.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.each([
    ['disableUser', 'id', `mutation($id: ID!) { disableUser(id: $id) { id } }`],
    ['enableUser', 'id', `mutation($id: ID!) { enableUser(id: $id) { id } }`],
    ['issueToken', 'userId', `mutation($id: ID!) { issueToken(userId: $id) { token } }`],
    ['changeUserRole', 'id', `mutation($id: ID!) { changeUserRole(id: $id, role: STRATEGIST) { id } }`],
  ])('%s of an unknown or malformed id answers BAD_USER_INPUT on %s', async (_name, field, query) => {
    const [{ audits }] = await api.dataSource.query(`SELECT count(*)::int AS audits FROM audit_log`);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const result = await api.gql(query, { id });
      expect(result.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
      expect(result.data).toBeNull();
    }
    const [after] = await api.dataSource.query(`SELECT count(*)::int AS audits FROM audit_log`);
    expect(after.audits).toBe(audits);
  });

  it('lastSeenAt is set by an authenticated request, and not written again within the minute', async () => {
    // The database writes last_seen_at with its own clock, so the bounds come from that clock too.
    const dbNow = async (): Promise<number> =>
      ((await api.dataSource.query(`SELECT now() AS now`))[0].now as Date).getTime();
    const lastSeenOf = async (id: string): Promise<number> => {
      const [{ last_seen_at }] = await api.dataSource.query(
        `SELECT last_seen_at FROM app_user WHERE id = $1`,
        [id],
      );
      return (last_seen_at as Date).getTime();
    };
    const setLastSeen = (id: string, ago: string) =>
      api.dataSource.query(`UPDATE app_user SET last_seen_at = now() - $2::interval WHERE id = $1`, [
        id,
        ago,
      ]);

    const token = await make.user(Role.EVENT_STAFF); // made by the admin: this token has not been used yet
    const before = await dbNow();
    const { me } = await api.ok(`{ me { id } }`, {}, token);
    const after = await dbNow();
    const { users } = await api.ok(`{ users { id lastSeenAt } }`);
    const seen = users.find((u: { id: string }) => u.id === me.id).lastSeenAt;
    expect(seen).toEqual(expect.any(String));
    expect(Date.parse(seen)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(seen)).toBeLessThanOrEqual(after);

    // Seen 30 seconds ago: more requests leave it as it is (no write per request).
    await setLastSeen(me.id, '30 seconds');
    const recent = await lastSeenOf(me.id);
    for (let i = 0; i < 5; i += 1) expect((await meOf(token)).data).toEqual({ me: { id: me.id } });
    expect(await lastSeenOf(me.id)).toBe(recent);

    // Seen 2 minutes ago: the next request moves it to now.
    await setLastSeen(me.id, '2 minutes');
    const stale = await lastSeenOf(me.id);
    const beforeMove = await dbNow();
    expect((await meOf(token)).data).toEqual({ me: { id: me.id } });
    const afterMove = await dbNow();
    const moved = await lastSeenOf(me.id);
    expect(moved).toBeGreaterThan(stale);
    expect(moved).toBeGreaterThanOrEqual(beforeMove);
    expect(moved).toBeLessThanOrEqual(afterMove);
  });

  it('a user never seen has lastSeenAt null; a refused token does not set it', async () => {
    const token = await make.user(Role.COMMITTEE);
    const [{ id }] = await api.dataSource.query(
      `SELECT id FROM app_user ORDER BY created_at DESC, id LIMIT 1`,
    );
    await api.ok(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id });
    expect(codesOf(await meOf(token))).toEqual(['UNAUTHENTICATED']);
    const { users } = await api.ok(`{ users { id lastSeenAt } }`);
    expect(users.find((u: { id: string }) => u.id === id)).toEqual({ id, lastSeenAt: null });
  });
});
