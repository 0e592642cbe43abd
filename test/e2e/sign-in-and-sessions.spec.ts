import { Role } from '@crm/domain';
import { randomUUID } from 'node:crypto';
import { Json, TestApi } from '../support/api';
// After the API (which loads the app module in its own order): the authenticator for the re-check test.
import { Authenticator } from '../../apps/api/src/auth/authenticator.service';

/**
 * Sign-in for people (issue 10): invitations set a password, password sign-in starts a server-side
 * session in the httpOnly cookie `crm_session`, which works wherever a bearer token does, with the
 * same roles; sessions end on sign-out, after 8 idle hours, on a password reset or change, and when
 * the user is disabled. Five failed sign-ins lock an account for 15 minutes, whether or not it exists.
 */
describe('sign-in and sessions', () => {
  let api: TestApi;
  let sequence = 0;
  const PREFLIGHT = { 'apollo-require-preflight': 'true' };
  const GOOD_PASSWORD = 'korrekt häst batteri häftklammer';

  beforeAll(async () => {
    // Many refused sign-ins come from this one address: the per-address budget must not answer first.
    api = await TestApi.start({
      env: { RATE_LIMIT_AUTH_FAILURES: '100000', RATE_LIMIT_ANONYMOUS: '100000' },
    });
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = PREFLIGHT) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      redirect: 'manual',
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, { headers, redirect: 'manual' });

  /** The `crm_session=<secret>` pair of an answer's Set-Cookie, for the Cookie header. */
  const sessionCookieOf = (response: Response): string => {
    const header = response.headers.getSetCookie().find((c) => c.startsWith('crm_session='));
    if (!header) throw new Error('no session cookie in the answer');
    return header.split(';')[0];
  };

  const gqlWithCookie = async (cookie: string, query: string, variables: Json = {}): Promise<Json> => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Json) };
  };
  const meWithCookie = async (cookie: string) => (await gqlWithCookie(cookie, `{ me { id role } }`)).data?.me;

  /** A new user with the invitation link createUser made. */
  async function invited(role: Role = Role.EVENT_STAFF) {
    sequence += 1;
    const email = `person.${Date.now().toString(36)}${sequence}@region.example`;
    const { createUser } = await api.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { token invitationUrl user { id } } }`,
      { input: { name: `Person ${sequence}`, email, role } },
    );
    return {
      id: createUser.user.id as string,
      email,
      token: createUser.token as string,
      invitationUrl: createUser.invitationUrl as string,
    };
  }

  /** A user who has set a password through their invitation; answers the session cookie it gave. */
  async function withPassword(role: Role = Role.EVENT_STAFF) {
    const user = await invited(role);
    const secret = user.invitationUrl.split('/').pop()!;
    const response = await post(`/auth/invitation/${secret}`, { password: GOOD_PASSWORD });
    expect(response.status).toBe(200);
    return { ...user, cookie: sessionCookieOf(response) };
  }

  const signIn = (email: string, password: string) => post('/auth/sign-in', { email, password });

  it('GET /auth/options: password always, single sign-on only when configured', async () => {
    const response = await get('/auth/options');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ password: true, sso: false });
    const start = await get('/auth/oidc/start');
    expect(start.status).toBe(404);
    expect(await start.json()).toMatchObject({ code: 'SSO_NOT_CONFIGURED' });
  });

  it('an invitation from createUser: shows the email, refuses a weak password naming the field, signs in with a good one, and is used up', async () => {
    const user = await invited(Role.STRATEGIST);
    expect(user.invitationUrl).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
    const secret = user.invitationUrl.split('/').pop()!;
    // Only the secret's SHA-256 is stored.
    const [row] = await api.dataSource.query(
      `SELECT secret_hash, expires_at - created_at AS validity FROM user_invitation WHERE user_id = $1`,
      [user.id],
    );
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.validity).toMatchObject({ days: 7 });

    const shown = await get(`/auth/invitation/${secret}`);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toEqual({ email: user.email, name: expect.stringMatching(/^Person /) });

    const weak = await post(`/auth/invitation/${secret}`, { password: 'kort' });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toEqual({
      code: 'WEAK_PASSWORD',
      field: 'password',
      message: 'Lösenordet måste ha minst 12 tecken.',
    });
    const common = await post(`/auth/invitation/${secret}`, { password: 'Password1234' });
    expect((await common.json()).message).toMatch(/för vanligt/);
    const ownEmail = await post(`/auth/invitation/${secret}`, { password: user.email.toUpperCase() });
    expect((await ownEmail.json()).message).toBe('Lösenordet får inte vara din e-postadress.');

    const accepted = await post(`/auth/invitation/${secret}`, { password: GOOD_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({
      user: { id: user.id, name: expect.any(String), email: user.email, role: 'STRATEGIST' },
    });
    const cookie = sessionCookieOf(accepted);
    expect(await meWithCookie(cookie)).toEqual({ id: user.id, role: 'STRATEGIST' });
    const [{ password_hash, last_signed_in_at }] = await api.dataSource.query(
      `SELECT password_hash, last_signed_in_at FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(last_signed_in_at).toBeInstanceOf(Date);

    // Used: the same answer as unknown, on both routes.
    for (const response of [
      await get(`/auth/invitation/${secret}`),
      await post(`/auth/invitation/${secret}`, { password: 'ett annat långt lösenord' }),
      await get(`/auth/invitation/${'A'.repeat(43)}`),
      await get(`/auth/invitation/not-a-secret`),
    ]) {
      expect(response.status).toBe(410);
      expect(await response.json()).toEqual({
        code: 'INVITATION_INVALID',
        message: 'This invitation is unknown, used or expired',
      });
    }
  });

  it('an expired invitation answers 410 like an unknown one', async () => {
    const user = await invited();
    await api.dataSource.query(
      `UPDATE user_invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE user_id = $1`,
      [user.id],
    );
    const secret = user.invitationUrl.split('/').pop()!;
    expect((await get(`/auth/invitation/${secret}`)).status).toBe(410);
    expect((await post(`/auth/invitation/${secret}`, { password: GOOD_PASSWORD })).status).toBe(410);
  });

  it('issueToken makes no invitation (invitationUrl null)', async () => {
    const user = await invited();
    const { issueToken } = await api.ok(`mutation($id: ID!) { issueToken(userId: $id) { invitationUrl } }`, {
      id: user.id,
    });
    expect(issueToken.invitationUrl).toBeNull();
  });

  it('password sign-in: the cookie is HttpOnly, SameSite=Lax, Path=/, not Secure without TRUST_PROXY', async () => {
    const user = await withPassword();
    const response = await signIn(user.email.toUpperCase(), GOOD_PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: user.id, name: expect.any(String), email: user.email, role: 'EVENT_STAFF' },
    });
    const [header] = response.headers.getSetCookie();
    expect(header).toMatch(/^crm_session=[A-Za-z0-9_-]{43}; /);
    const attributes = header.split('; ').slice(1);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']));
    expect(attributes).not.toContain('Secure');
    // Only the secret's SHA-256 is the session's id.
    const secret = header.split(';')[0].split('=')[1];
    const sessions = await api.dataSource.query(
      `SELECT id, expires_at - created_at AS lifetime FROM user_session WHERE user_id = $1`,
      [user.id],
    );
    expect(sessions.map((s: { id: string }) => s.id)).not.toContain(secret);
    expect(sessions[0].lifetime).toMatchObject({ days: 7 });
  });

  it('behind a TLS proxy (TRUST_PROXY) the cookie is Secure', async () => {
    const behindProxy = await TestApi.start({ env: { TRUST_PROXY: '1' } });
    try {
      const { createUser } = await behindProxy.ok(
        `mutation { createUser(input: { name: "P", email: "proxy@region.example", role: COMMITTEE }) { invitationUrl } }`,
      );
      const response = await fetch(`${behindProxy.baseUrl}/auth${createUser.invitationUrl}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...PREFLIGHT },
        body: JSON.stringify({ password: GOOD_PASSWORD }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie()[0].split('; ')).toEqual(
        expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Secure']),
      );
    } finally {
      await behindProxy.close();
    }
  });

  it('the cookie works on /graphql and on the HTTP routes with the same roles as a bearer token', async () => {
    const staff = await withPassword(Role.EVENT_STAFF);
    const committee = await withPassword(Role.COMMITTEE);
    for (const user of [staff, committee]) {
      const byCookie = await gqlWithCookie(user.cookie, `{ users { id } }`);
      const byToken = await api.gql(`{ users { id } }`, {}, user.token);
      expect(byCookie.errors?.map((e: Json) => e.extensions.code)).toEqual(['FORBIDDEN']);
      expect(byToken.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    // A report download: every signed-in role may ask (404: no such report), nobody else (401).
    const report = `/reports/${randomUUID()}.pdf`;
    for (const user of [staff, committee]) {
      expect((await get(report, { cookie: user.cookie })).status).toBe(404);
      expect((await get(report, { authorization: `Bearer ${user.token}` })).status).toBe(404);
    }
    expect((await get(report)).status).toBe(401);
    expect((await get(report, { cookie: `crm_session=${'x'.repeat(43)}` })).status).toBe(401);

    // The upload needs WRITE_PARTICIPATIONS: the committee is refused either way, staff passes the guard.
    const upload = (headers: Record<string, string>) => {
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode('namn;e-post\nA;a@b.se\n')]), 'lista.csv');
      return fetch(`${api.baseUrl}/events/${randomUUID()}/registrations/import`, {
        method: 'POST',
        headers,
        body: form,
      });
    };
    expect((await upload({ cookie: committee.cookie, ...PREFLIGHT })).status).toBe(403);
    expect((await upload({ authorization: `Bearer ${committee.token}` })).status).toBe(403);
    expect((await upload({ cookie: staff.cookie, ...PREFLIGHT })).status).toBe(404); // no such event
    expect((await upload({ authorization: `Bearer ${staff.token}` })).status).toBe(404);

    // Both credentials: the bearer token decides.
    const both = await api.gql(`{ me { id } }`, {}, committee.token);
    expect(both.data).toEqual({ me: { id: committee.id } });
    const bearerWins = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: staff.cookie,
        authorization: `Bearer ${committee.token}`,
      },
      body: JSON.stringify({ query: `{ me { id } }` }),
    });
    expect((await bearerWins.json()).data).toEqual({ me: { id: committee.id } });
  });

  it('sign-out ends the session: the old cookie is refused afterwards; it works without a session too', async () => {
    const user = await withPassword();
    expect(await meWithCookie(user.cookie)).toEqual({ id: user.id, role: 'EVENT_STAFF' });
    const out = await post('/auth/sign-out', {}, { ...PREFLIGHT, cookie: user.cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^crm_session=; Path=\/; Max-Age=0; /);
    const refused = await gqlWithCookie(user.cookie, `{ me { id } }`);
    expect(refused.errors.map((e: Json) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    // The refused cookie is cleared in the answer.
    expect((await post('/auth/sign-out', {})).status).toBe(204);
  });

  it('a session idle for 8 hours is refused; one used within them slides', async () => {
    const user = await withPassword();
    await api.dataSource.query(
      `UPDATE user_session SET created_at = now() - interval '9 hours', last_seen_at = now() - interval '7 hours 59 minutes' WHERE user_id = $1`,
      [user.id],
    );
    expect(await meWithCookie(user.cookie)).toEqual({ id: user.id, role: 'EVENT_STAFF' });
    const [{ idle }] = await api.dataSource.query(
      `SELECT now() - last_seen_at < interval '1 minute' AS idle FROM user_session WHERE user_id = $1`,
      [user.id],
    );
    expect(idle).toBe(true); // touched: the idle timeout slid
    await api.dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '8 hours 1 minute' WHERE user_id = $1`,
      [user.id],
    );
    expect(await meWithCookie(user.cookie)).toBeUndefined();
  });

  it("a live socket's periodic re-check is not a use: it finds the user but the idle clock keeps running", async () => {
    const user = await withPassword();
    await api.dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '7 hours' WHERE user_id = $1`,
      [user.id],
    );
    const authenticator = api.app.get(Authenticator);
    const found = await authenticator.fromHeaders({ cookie: user.cookie }, { touch: false });
    expect(found?.id).toBe(user.id);
    const [{ untouched }] = await api.dataSource.query(
      `SELECT now() - last_seen_at > interval '6 hours' AS untouched FROM user_session WHERE user_id = $1`,
      [user.id],
    );
    expect(untouched).toBe(true);
  });

  it('a session past its 7 days is refused however active', async () => {
    const user = await withPassword();
    await api.dataSource.query(
      `UPDATE user_session SET created_at = now() - interval '7 days 1 minute', expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [user.id],
    );
    expect(await meWithCookie(user.cookie)).toBeUndefined();
  });

  it('five failed sign-ins lock the account for 15 minutes, even for the right password', async () => {
    const user = await withPassword();
    for (let i = 0; i < 5; i += 1) {
      const response = await signIn(user.email, `fel lösenord nummer ${i}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'The email or the password is wrong',
      });
    }
    const locked = await signIn(user.email, GOOD_PASSWORD);
    expect(locked.status).toBe(429);
    const body = await locked.json();
    expect(body).toEqual({
      code: 'ACCOUNT_LOCKED',
      message: expect.any(String),
      retryAfterSeconds: expect.any(Number),
    });
    expect(body.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers.get('retry-after')).toBe(String(body.retryAfterSeconds));

    await api.dataSource.query(`UPDATE sign_in_failure SET failed_at = failed_at - interval '15 minutes'`);
    const unlocked = await signIn(user.email, GOOD_PASSWORD);
    expect(unlocked.status).toBe(200);
  });

  it('an unknown email answers byte-identical bodies and locks after five failures too', async () => {
    const user = await withPassword();
    const unknown = `nobody.${Date.now()}@region.example`;
    const real = await signIn(user.email, 'fel lösenord för en känd');
    const madeUp = await signIn(unknown, 'fel lösenord för en okänd');
    expect(madeUp.status).toBe(real.status);
    expect(await madeUp.text()).toBe(await real.text());
    // A user without a password and a disabled user answer the same too.
    const noPassword = await invited();
    const none = await signIn(noPassword.email, 'vilket lösenord som helst');
    expect(none.status).toBe(401);
    expect(await none.text()).toBe(await (await signIn(unknown.toUpperCase(), 'x')).text());
    for (let i = 0; i < 3; i += 1) expect((await signIn(unknown, `fel ${i}`)).status).toBe(401);
    // Five failures for the made-up address (one of them written in capitals): locked.
    const locked = await signIn(unknown, 'fel igen');
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    // The email itself is never stored.
    const keys = await api.dataSource.query(`SELECT DISTINCT email_key FROM sign_in_failure`);
    expect(JSON.stringify(keys)).not.toContain('nobody');
  });

  it('a malformed sign-in body answers 400 BAD_REQUEST naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ password: GOOD_PASSWORD }, 'email'],
      [{ email: 'a@b.se' }, 'password'],
      [{ email: 42, password: GOOD_PASSWORD }, 'email'],
      [{ email: 'a@b.se', password: ['x'] }, 'password'],
      [{ email: `${'a'.repeat(1020)}@b.se`, password: GOOD_PASSWORD }, 'email'],
      [{ email: 'a@b.se', password: 'å'.repeat(513) }, 'password'],
    ];
    for (const [body, field] of cases) {
      const response = await post('/auth/sign-in', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 'BAD_REQUEST', field, message: expect.any(String) });
    }
  });

  it('inviteUser resets a password: the old one keeps working until the link is used, which ends every session', async () => {
    const user = await withPassword();
    const second = sessionCookieOf(await signIn(user.email, GOOD_PASSWORD));
    const first = await api.ok(`mutation($id: ID!) { inviteUser(userId: $id) }`, { id: user.id });
    const { inviteUser } = await api.ok(`mutation($id: ID!) { inviteUser(userId: $id) }`, { id: user.id });
    expect(inviteUser).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
    // A newer invitation invalidates the earlier unused one.
    expect((await get(`/auth${first.inviteUser}`)).status).toBe(410);
    expect(await meWithCookie(user.cookie)).toBeDefined();

    const NEW_PASSWORD = 'ett helt nytt lösenord 2';
    const reset = await post(`/auth${inviteUser}`, { password: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect(await meWithCookie(user.cookie)).toBeUndefined();
    expect(await meWithCookie(second)).toBeUndefined();
    expect(await meWithCookie(sessionCookieOf(reset))).toEqual({ id: user.id, role: 'EVENT_STAFF' });
    expect((await signIn(user.email, GOOD_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);

    const unknown = await api.gql(`mutation { inviteUser(userId: "00000000-0000-4000-8000-000000000000") }`);
    expect(unknown.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'userId' }),
    ]);
  });

  it('changePassword: checks the current password, the policy, and ends the other sessions', async () => {
    const user = await withPassword();
    const other = sessionCookieOf(await signIn(user.email, GOOD_PASSWORD));
    const change = (currentPassword: string, newPassword: string) =>
      gqlWithCookie(user.cookie, `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, {
        input: { currentPassword, newPassword },
      });
    const wrong = await change('inte det lösenordet', 'ett helt nytt lösenord 3');
    expect(wrong.errors.map((e: Json) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'currentPassword' }),
    ]);
    const weak = await change(GOOD_PASSWORD, 'kort');
    expect(weak.errors.map((e: Json) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'newPassword' }),
    ]);
    expect(weak.errors[0].message).toMatch(/minst 12 tecken/);

    const NEW_PASSWORD = 'ett helt nytt lösenord 3';
    expect((await change(GOOD_PASSWORD, NEW_PASSWORD)).data).toEqual({ changePassword: true });
    expect(await meWithCookie(user.cookie)).toEqual({ id: user.id, role: 'EVENT_STAFF' }); // this session stays
    expect(await meWithCookie(other)).toBeUndefined(); // the other one ended
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    const [audit] = await api.dataSource.query(
      `SELECT user_id, action, changed_fields FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [user.id],
    );
    expect(audit).toEqual({ user_id: user.id, action: 'change_password', changed_fields: ['password'] });
  });

  it('disableUser ends the user’s sessions; enableUser does not revive them', async () => {
    const user = await withPassword();
    await api.ok(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: user.id });
    expect(await meWithCookie(user.cookie)).toBeUndefined();
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM user_session WHERE user_id = $1`,
      [user.id],
    );
    expect(count).toBe(0);
    // A disabled user cannot sign in either, with the same answer as a wrong password.
    const refused = await signIn(user.email, GOOD_PASSWORD);
    expect(refused.status).toBe(401);
    await api.ok(`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: user.id });
    expect(await meWithCookie(user.cookie)).toBeUndefined();
    expect((await signIn(user.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it('CSRF: the /auth POSTs need apollo-require-preflight; cookie requests need it (or JSON) on /graphql and on the upload', async () => {
    const user = await withPassword(Role.ADMIN);
    const noHeader = await post('/auth/sign-in', { email: user.email, password: GOOD_PASSWORD }, {});
    expect(noHeader.status).toBe(403);
    expect(await noHeader.json()).toEqual({ code: 'CSRF', message: expect.any(String) });
    expect((await post('/auth/sign-out', {}, { cookie: user.cookie })).status).toBe(403);
    expect(await meWithCookie(user.cookie)).toBeDefined(); // not signed out

    // /graphql: a simple (form-like) POST with the cookie is refused by Apollo's CSRF prevention.
    const simple = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: user.cookie },
      body: JSON.stringify({ query: `mutation { inviteUser(userId: "${user.id}") }` }),
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM user_invitation WHERE user_id = $1 AND used_at IS NULL`,
      [user.id],
    );
    expect(count).toBe(0);

    // The upload: with the cookie and without the header, 403 before the body is read; a bearer token needs none.
    const upload = (headers: Record<string, string>) => {
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode('namn\nA\n')]), 'lista.csv');
      return fetch(`${api.baseUrl}/events/${randomUUID()}/registrations/import`, {
        method: 'POST',
        headers,
        body: form,
      });
    };
    const refused = await upload({ cookie: user.cookie });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'CSRF' });
    expect((await upload({ authorization: `Bearer ${api.adminToken}` })).status).toBe(404); // passed: no such event
    expect((await upload({ cookie: user.cookie, ...PREFLIGHT })).status).toBe(404);
  });

  it('logs and stores no email for sign-in failures, and no secret at all', async () => {
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM user_session WHERE id !~ '^[0-9a-f]{64}$'`,
    );
    expect(count).toBe(0);
  });
});
