import { Role } from '@crm/domain';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TestApi } from '../support/api';

/**
 * Single sign-on with OpenID Connect against a real provider (oidc-provider, in a child process):
 * the authorization code flow with PKCE, state and nonce, walked with plain HTTP the way a browser
 * would (redirects followed by hand, cookies carried per origin). People are matched by email to
 * existing users and keep their role; unknown emails are refused, never created.
 */
describe('single sign-on (OpenID Connect)', () => {
  const CLIENT_ID = 'crm';
  const CLIENT_SECRET = 'a-client-secret-for-the-tests-only';
  // Where the provider sends the browser back; the test replaces the origin with the API's own.
  const PUBLIC_URL = 'http://localhost:3999';
  let provider: ChildProcess;
  let issuer: string;
  let api: TestApi;

  beforeAll(async () => {
    provider = spawn(process.execPath, [join(__dirname, '../support/oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URI: `${PUBLIC_URL}/auth/oidc/callback`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: provider.stdout! }), 'line')) as [string];
    issuer = (JSON.parse(line) as { issuer: string }).issuer;
    api = await TestApi.start({
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        PUBLIC_URL,
        RATE_LIMIT_ANONYMOUS: '100000',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    provider?.kill('SIGTERM');
  });

  /** A browser in miniature: cookies per origin, redirects followed by hand. */
  class Browser {
    private readonly jars = new Map<string, Map<string, string>>();

    /** The API's address for a URL the provider or the API sent (PUBLIC_URL is not where the API listens). */
    private real(url: string): URL {
      const target = new URL(url, api.baseUrl);
      if (target.origin === PUBLIC_URL) return new URL(`${target.pathname}${target.search}`, api.baseUrl);
      return target;
    }

    async get(url: string): Promise<Response> {
      const target = this.real(url);
      const jar = this.jars.get(target.origin) ?? new Map<string, string>();
      this.jars.set(target.origin, jar);
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(target, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      for (const header of response.headers.getSetCookie()) {
        const [pair, ...attributes] = header.split(';');
        const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
        if (attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '') jar.delete(name.trim());
        else jar.set(name.trim(), value);
      }
      return response;
    }

    /** Follows redirects until one leads back to the API's callback; answers that URL (not yet fetched). */
    async toCallback(start: string, account: string): Promise<string> {
      let response = await this.get(start);
      for (let hops = 0; hops < 10; hops += 1) {
        expect(response.status).toBeGreaterThanOrEqual(300);
        expect(response.status).toBeLessThan(400);
        let location = new URL(response.headers.get('location')!, response.url).href;
        if (location.startsWith(`${PUBLIC_URL}/auth/oidc/callback`)) return location;
        if (/\/interaction\/[^/?]+$/.test(new URL(location).pathname)) {
          location += `?account=${encodeURIComponent(account)}`;
        }
        response = await this.get(location);
      }
      throw new Error('no way back to the callback');
    }

    sessionCookie(): string | undefined {
      const value = this.jars.get(new URL(api.baseUrl).origin)?.get('crm_session');
      return value ? `crm_session=${value}` : undefined;
    }
  }

  async function userWith(role: Role, email: string): Promise<string> {
    const { createUser } = await api.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`,
      { input: { name: 'SSO Person', email, role } },
    );
    return createUser.user.id;
  }

  const meWith = async (cookie: string | undefined) => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query: `{ me { id role } }` }),
    });
    return ((await response.json()) as { data: { me: unknown } | null }).data?.me;
  };

  it('GET /auth/options says single sign-on is configured', async () => {
    expect(await (await fetch(`${api.baseUrl}/auth/options`)).json()).toEqual({ password: true, sso: true });
  });

  it('signs a known user in, case-insensitively, keeps their role and returns to a same-origin path', async () => {
    const id = await userWith(Role.STRATEGIST, 'sso.strateg@region.example');
    const browser = new Browser();
    const start = await browser.get('/auth/oidc/start?returnTo=%2Freports%3Fyear%3D2025');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/oidc/callback`);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const stateCookie = start.headers.getSetCookie().find((c) => c.startsWith('crm_oidc='))!;
    expect(stateCookie.split('; ')).toEqual(
      expect.arrayContaining(['Path=/auth/oidc', 'HttpOnly', 'SameSite=Lax']),
    );

    const callback = await browser.toCallback(start.headers.get('location')!, 'SSO.Strateg@Region.example');
    const done = await browser.get(callback);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/reports?year=2025');
    expect(await meWith(browser.sessionCookie())).toEqual({ id, role: 'STRATEGIST' });
    const [{ last_signed_in_at }] = await api.dataSource.query(
      `SELECT last_signed_in_at FROM app_user WHERE id = $1`,
      [id],
    );
    expect(last_signed_in_at).toBeInstanceOf(Date);

    // The state cookie is one use: the same callback again fails.
    const replay = await browser.get(callback);
    expect(replay.headers.get('location')).toBe('/sign-in?error=sso');
  });

  it('an email unknown to the CRM ends at /sign-in?error=sso-unknown and creates nobody', async () => {
    const [{ before }] = await api.dataSource.query(`SELECT count(*)::int AS before FROM app_user`);
    const browser = new Browser();
    const callback = await browser.toCallback('/auth/oidc/start', 'stranger@elsewhere.example');
    const done = await browser.get(callback);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/sign-in?error=sso-unknown');
    expect(browser.sessionCookie()).toBeUndefined();
    const [{ after }] = await api.dataSource.query(`SELECT count(*)::int AS after FROM app_user`);
    expect(after).toBe(before);
  });

  it('a disabled user and an unverified email are refused', async () => {
    const id = await userWith(Role.EVENT_STAFF, 'sso.disabled@region.example');
    await api.ok(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id });
    const disabled = new Browser();
    const first = await disabled.get(
      await disabled.toCallback('/auth/oidc/start', 'sso.disabled@region.example'),
    );
    expect(first.headers.get('location')).toBe('/sign-in?error=sso-unknown');

    await userWith(Role.EVENT_STAFF, 'sso.unverified@region.example');
    const unverified = new Browser();
    const callback = await unverified.toCallback(
      '/auth/oidc/start',
      'unverified:sso.unverified@region.example',
    );
    expect((await unverified.get(callback)).headers.get('location')).toBe('/sign-in?error=sso');
    expect(unverified.sessionCookie()).toBeUndefined();
  });

  it('a tampered state, a missing state cookie or a foreign returnTo are refused or ignored', async () => {
    await userWith(Role.COMMITTEE, 'sso.committee@region.example');
    const tampered = new Browser();
    const callback = new URL(await tampered.toCallback('/auth/oidc/start', 'sso.committee@region.example'));
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const refused = await tampered.get(callback.href);
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/sign-in?error=sso');
    expect(tampered.sessionCookie()).toBeUndefined();

    // The right callback in another browser (no state cookie) fails too.
    const victim = new Browser();
    const stolen = await victim.toCallback('/auth/oidc/start', 'sso.committee@region.example');
    const other = new Browser();
    expect((await other.get(stolen)).headers.get('location')).toBe('/sign-in?error=sso');

    // returnTo on another origin goes to / instead.
    const browser = new Browser();
    const done = await browser.get(
      await browser.toCallback(
        '/auth/oidc/start?returnTo=https%3A%2F%2Fevil.example%2F',
        'sso.committee@region.example',
      ),
    );
    expect(done.headers.get('location')).toBe('/');
    expect(await meWith(browser.sessionCookie())).toMatchObject({ role: 'COMMITTEE' });
    const protocolRelative = new Browser();
    const again = await protocolRelative.get(
      await protocolRelative.toCallback(
        '/auth/oidc/start?returnTo=%2F%2Fevil.example',
        'sso.committee@region.example',
      ),
    );
    expect(again.headers.get('location')).toBe('/');
  });

  it('password sign-in stays available', async () => {
    const options = (await (await fetch(`${api.baseUrl}/auth/options`)).json()) as { password: boolean };
    expect(options.password).toBe(true);
  });
});
