import { Role } from '@crm/domain';
import { TestApi } from '../support/api';

/** User.lastSignedInAt: when a user last signed in, for MANAGE_USERS (ADMIN) only. */
describe('User.lastSignedInAt', () => {
  let api: TestApi;
  const PREFLIGHT = { 'apollo-require-preflight': 'true', 'content-type': 'application/json' };
  const PASSWORD = 'korrekt häst batteri häftklammer';

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown) =>
    fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: PREFLIGHT, body: JSON.stringify(body) });

  async function createUser(role: Role, tag: string) {
    const email = `last.${tag}.${Date.now().toString(36)}@region.example`;
    const { createUser } = await api.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { token invitationUrl user { id } } }`,
      { input: { name: `Person ${tag}`, email, role } },
    );
    return {
      id: createUser.user.id as string,
      email,
      token: createUser.token as string,
      secret: (createUser.invitationUrl as string).split('/').pop()!,
    };
  }

  const lastSignedInOf = async (id: string) => {
    const { users } = await api.ok(`{ users { id lastSignedInAt } }`);
    return (users as { id: string; lastSignedInAt: string | null }[]).find((u) => u.id === id)!
      .lastSignedInAt;
  };

  it('shows ADMIN when a user last signed in with a password', async () => {
    const user = await createUser(Role.EVENT_STAFF, 'a');
    expect(await lastSignedInOf(user.id)).toBeNull();
    expect((await post(`/auth/invitation/${user.secret}`, { password: PASSWORD })).status).toBe(200);
    const afterInvitation = await lastSignedInOf(user.id);
    expect(afterInvitation).not.toBeNull();

    const before = Date.now();
    expect((await post('/auth/sign-in', { email: user.email, password: PASSWORD })).status).toBe(200);
    const afterSignIn = await lastSignedInOf(user.id);
    expect(new Date(afterSignIn!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(afterSignIn!).getTime()).toBeGreaterThanOrEqual(new Date(afterInvitation!).getTime());
  });

  it('is not readable by EVENT_STAFF, also not on their own user', async () => {
    const staff = await createUser(Role.EVENT_STAFF, 'b');
    const own = await api.gql(`{ me { id lastSignedInAt } }`, {}, staff.token);
    // The field is nullable: it alone is null, with FORBIDDEN on its path; the rest of `me` answers.
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((own.errors?.[0] as { path?: unknown }).path).toEqual(['me', 'lastSignedInAt']);
    expect(own.data?.me).toEqual({ id: staff.id, lastSignedInAt: null });
    expect((await api.ok(`{ me { id } }`, {}, staff.token)).me.id).toBe(staff.id);
    const all = await api.gql(`{ users { id lastSignedInAt } }`, {}, staff.token);
    expect(all.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
