import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the suite's API listens, and its admin token (set by global-setup.ts). */
export const baseUrl = (): string => required('BROWSER_BASE_URL');
export const adminToken = (): string => required('BROWSER_ADMIN_TOKEN');
/** The suite's local OpenID Connect provider (test/support/oidc-provider.mjs). */
export const identityProviderUrl = (): string => required('BROWSER_OIDC_ISSUER');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser suite through scripts/browser-tests.mjs`);
  return value;
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/**
 * Debian's Chromium, headless, with the flags this network needs. Playwright gives every launch a
 * fresh temporary profile of its own (and refuses --user-data-dir with launch()).
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A context (its own cookies and storage) at phone or desktop size, Swedish and in Stockholm. */
export function newContext(browser: Browser, viewport: { width: number; height: number } = DESKTOP) {
  return browser.newContext({
    baseURL: baseUrl(),
    viewport,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    hasTouch: viewport.width < 500,
    isMobile: viewport.width < 500,
    serviceWorkers: 'allow',
  });
}

/** The GraphQL API with the admin token (for setting up what a test needs). */
export async function adminGraphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)} for ${query.slice(0, 80)}`);
  }
  return body.data;
}

export const PASSWORD = 'Tallbarr och snö i Lycksele 2026';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** A user of `role` with a password, made through the invitation route as a new user would. */
export async function createUser(
  role: 'ADMIN' | 'EVENT_STAFF' | 'STRATEGIST' | 'COMMITTEE',
  name = `Test ${role.toLowerCase()}`,
): Promise<TestUser> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@browser.test`;
  const data = await adminGraphql<{ createUser: { user: { id: string }; invitationUrl: string } }>(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } invitationUrl } }`,
    { input: { name, email, role } },
  );
  const secret = data.createUser.invitationUrl.split('/invitation/')[1];
  const response = await fetch(`${baseUrl()}/auth/invitation/${secret}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`invitation refused: ${response.status} ${await response.text()}`);
  return { id: data.createUser.user.id, email, name, password: PASSWORD };
}

/** Signs the context in through the sign-in route (the cookie lands in the context), without the UI. */
export async function signInContext(context: BrowserContext, user: TestUser): Promise<void> {
  const response = await context.request.post('/auth/sign-in', {
    data: { email: user.email, password: user.password },
    headers: { 'apollo-require-preflight': 'true' },
  });
  if (!response.ok()) throw new Error(`sign-in refused: ${response.status()} ${await response.text()}`);
}

/**
 * axe-core on the page as it is now (WCAG 2.0/2.1 A and AA): the serious and critical violations,
 * described for a readable failure (expect it to equal []).
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ` +
        // The element's markup, shortened: a generated id alone does not tell which element it is.
        v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 300)}`).join(', '),
    );
}

/** Saves a screenshot under test-results/screenshots (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  const file = `${name}-${size ? `${size.width}x${size.height}` : 'page'}.png`;
  await page.screenshot({ path: path.join(required('BROWSER_SCREENSHOTS'), file), fullPage: true });
}

/** Asks `read` again (every `interval` ms) until it answers `expected`, or fails after `timeout` ms with the last answer. */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  { timeout = 10_000, interval = 200 }: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (Object.is(last, expected)) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${JSON.stringify(expected)} within ${timeout} ms, last ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
