import type { Browser } from 'playwright-core';
import {
  adminGraphql,
  baseUrl,
  createUser,
  DESKTOP,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  identityProviderUrl,
  signInContext,
} from './support/browser';

jest.setTimeout(60_000);

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await launchChromium()));
afterAll(async () => close?.());

describe('A new member of staff', () => {
  it('follows the invitation link, chooses a password, lands signed in and can sign out', async () => {
    const email = `ny-${Date.now()}@browser.test`;
    const created = await adminGraphql<{ createUser: { invitationUrl: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { invitationUrl } }`,
      { input: { name: 'Nyanställd Person', email, role: 'EVENT_STAFF' } },
    );
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(created.createUser.invitationUrl);
    await page.getByText(email).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invitation');

    await page.getByLabel('Nytt lösenord').fill('kort');
    await page.getByLabel('Upprepa lösenord').fill('kort');
    await page.getByRole('button', { name: 'Spara lösenord' }).click();
    await page.getByText('minst 12 tecken').first().waitFor();

    await page.getByLabel('Nytt lösenord').fill('Fjällbjörk vid Umeälven 77');
    await page.getByLabel('Upprepa lösenord').fill('Fjällbjörk vid Umeälven 77');
    await page.getByRole('button', { name: 'Spara lösenord' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    // The invitation was used: the same link no longer works.
    await page.goto(created.createUser.invitationUrl);
    await page.getByText('Länken gäller inte längre').waitFor();
    await context.close();
  });
});

describe('Signing in', () => {
  it('takes the email and password and shows the home page; the sign-in page passes axe', async () => {
    const user = await createUser('EVENT_STAFF', 'Sara Inloggningsson');
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto('/events');
      await page.getByRole('button', { name: 'Logga in' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'sign-in');
      await page.getByLabel('E-post').fill(user.email);
      await page.getByLabel('Lösenord').fill(user.password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      // Back where the user was going.
      await page.waitForURL(`${baseUrl()}/events`);
      await page.getByText('Inloggad som Sara Inloggningsson').waitFor();
      await context.close();
    }
  });

  it('locks the account after five wrong passwords, even for the right one, without saying whether the email exists', async () => {
    const user = await createUser('EVENT_STAFF', 'Låst Person');
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/sign-in');
    const attempt = async (email: string, password: string) => {
      await page.getByLabel('E-post').fill(email);
      await page.getByLabel('Lösenord').fill(password);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/auth/sign-in')),
        page.getByRole('button', { name: 'Logga in' }).click(),
      ]);
      await page.getByRole('button', { name: 'Logga in' }).waitFor(); // the answer is shown
      return (await page.getByRole('alert').innerText()).trim();
    };
    const wrong = await attempt(user.email, 'fel lösenord nummer ett');
    expect(wrong).toBe('Fel e-post eller lösenord.');
    const unknown = await attempt('finns-inte@browser.test', 'fel lösenord nummer ett');
    expect(unknown).toBe(wrong);
    for (let i = 2; i <= 5; i += 1) await attempt(user.email, `fel lösenord nummer ${i}`);
    const locked = await attempt(user.email, user.password);
    expect(locked).toMatch(/låst i 1[45] minuter/);
    await screenshot(page, 'sign-in-locked');
    await context.close();
  });
});

describe('Single sign-on', () => {
  it("signs a known user in through the Region's identity provider, keeping their role", async () => {
    const email = `sso-${Date.now()}@browser.test`;
    await adminGraphql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { name: 'Sigrid Inloggning', email, role: 'STRATEGIST' },
    });
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    // The local provider logs in whoever its test_account cookie names (no login page of its own).
    await context.addCookies([{ name: 'test_account', value: email, url: identityProviderUrl() }]);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Logga in med regionens inloggning' }).click();
    await page.getByText('Inloggad som Sigrid Inloggning').waitFor();
    await page.goto('/account');
    await page.getByText('Strateg').waitFor();
    await context.close();
  });

  it('refuses an email the CRM does not know, and says so in Swedish', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await context.addCookies([
      { name: 'test_account', value: `okand-${Date.now()}@browser.test`, url: identityProviderUrl() },
    ]);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Logga in med regionens inloggning' }).click();
    await page.getByText('Ditt konto finns inte i tjänsten').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });
});

describe('My account', () => {
  it('changes the password: the old one stops working, the new one signs in', async () => {
    const user = await createUser('EVENT_STAFF', 'Byt Lösen');
    const context = await newContext(browser, PHONE);
    await signInContext(context, user);
    const page = await context.newPage();
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'account');
    await page.getByLabel('Nuvarande lösenord').fill('inte rätt lösenord alls');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('Ny fjällvind över Vindelälven');
    await page.getByLabel('Upprepa nytt lösenord').fill('Ny fjällvind över Vindelälven');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Det nuvarande lösenordet stämmer inte.').waitFor();
    await page.getByLabel('Nuvarande lösenord').fill(user.password);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Lösenordet är bytt.').waitFor();
    const again = (password: string) =>
      fetch(`${baseUrl()}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ email: user.email, password }),
      }).then((r) => r.status);
    expect(await again(user.password)).toBe(401);
    expect(await again('Ny fjällvind över Vindelälven')).toBe(200);
    await context.close();
  });
});

describe('Public pages', () => {
  it('serves the accessibility statement, with a way to report problems, to anyone', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto('/tillganglighet');
      await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
      await page.getByRole('link', { name: /Skicka e-post/ }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'accessibility-statement');
      await context.close();
    }
  });

  it('answers an unknown address with "Sidan finns inte" inside the app, and the API still answers its own paths', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const response = await page.goto('/tillganglighet/finns-inte');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    const health = await context.request.get('/health');
    expect(health.headers()['content-type']).toContain('application/json');
    await context.close();
  });
});
