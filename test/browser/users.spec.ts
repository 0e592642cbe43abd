import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  adminGraphql,
  createUser,
  DESKTOP,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  signInContext,
  type TestUser,
} from './support/browser';

jest.setTimeout(120_000);

let browser: Browser;
let close: () => Promise<void>;
let admin: TestUser;

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  admin = await createUser('ADMIN', 'Användar Admin');
});
afterAll(async () => close?.());

async function signedIn(
  user: TestUser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInContext(context, user);
  return context;
}

/** No serious axe violation, nothing wider than the screen. */
async function pageProblems(page: Page): Promise<string[]> {
  const problems = await seriousAccessibilityViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) problems.push(`${overflow} px wider than the viewport`);
  return problems;
}

async function disabledAt(email: string): Promise<string | null> {
  const { users } = await adminGraphql<{ users: { email: string; disabledAt: string | null }[] }>(
    `{ users { email disabledAt } }`,
  );
  const found = users.find((u) => u.email === email);
  if (!found) throw new Error(`no user ${email}`);
  return found.disabledAt;
}

describe('User administration', () => {
  it('creates a user with a one-time invitation link, disables and enables them, and issues a token once', async () => {
    const context = await signedIn(admin, DESKTOP);
    const page = await context.newPage();
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();

    const email = `berit-${Math.random().toString(36).slice(2, 8)}@browser.test`;
    await page.getByRole('textbox', { name: /^Namn/ }).fill('Berit Webbläsare');
    await page.getByRole('textbox', { name: /^E-post/ }).fill(email);
    await page.getByRole('button', { name: /Roll/ }).click();
    await page.getByRole('option', { name: 'Strateg' }).click();
    await page.getByRole('button', { name: 'Skapa användare' }).click();

    const link = page.getByRole('textbox', { name: 'Inbjudningslänk' });
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/^https?:\/\/[^/]+\/invitation\/\S+$/);
    await page.getByRole('button', { name: 'Kopiera länk' }).waitFor();
    await screenshot(page, 'users-invitation');
    await page.getByRole('button', { name: 'Klar' }).click();
    expect(await link.count()).toBe(0);

    const row = page.getByRole('row', { name: /Berit Webbläsare/ });
    await row.getByText('Aktiv', { exact: true }).waitFor();
    await row.getByText('Aldrig').waitFor();

    await row.getByRole('button', { name: 'Stäng av Berit Webbläsare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stäng av Berit Webbläsare?' });
    await dialog.getByRole('button', { name: 'Ja, stäng av' }).click();
    await row.getByText('Avstängd', { exact: true }).waitFor();
    expect(await disabledAt(email)).not.toBeNull();

    await row.getByRole('button', { name: 'Aktivera Berit Webbläsare' }).click();
    await row.getByText('Aktiv', { exact: true }).waitFor();
    expect(await disabledAt(email)).toBeNull();

    // Another role, chosen in a dialog with the keyboard.
    await row.getByRole('button', { name: 'Byt roll för Berit Webbläsare' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Byt roll för Berit Webbläsare' });
    await roleDialog.getByRole('button', { name: /Ny roll/ }).press('Enter');
    await page.getByRole('option', { name: 'Strateg' }).click();
    await roleDialog.getByRole('button', { name: 'Byt roll' }).click();
    await page.getByText('Berit Webbläsare har nu rollen Strateg.').waitFor();
    const { users } = await adminGraphql<{ users: { email: string; role: string }[] }>(
      `{ users { email role } }`,
    );
    expect(users.find((u) => u.email === email)?.role).toBe('STRATEGIST');

    await row.getByRole('button', { name: 'Ny API-nyckel för Berit Webbläsare' }).click();
    await page
      .getByRole('dialog', { name: 'Ny API-nyckel för Berit Webbläsare?' })
      .getByRole('button', { name: 'Ja, skapa ny nyckel' })
      .click();
    const token = page.getByRole('textbox', { name: 'API-nyckel' });
    await token.waitFor();
    const value = await token.inputValue();
    expect(value.length).toBeGreaterThan(20);
    await page.getByText('Nyckeln visas bara nu och kan inte visas igen.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Klar' }).click();
    expect(await token.count()).toBe(0);
    expect(await page.getByText(value).count()).toBe(0);
    await context.close();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('has a heading, no serious accessibility violation and no overflow (%s)', async (_name, viewport) => {
    const context = await signedIn(admin, viewport);
    const page = await context.newPage();
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    await page.getByRole('row', { name: /Användar Admin/ }).waitFor();
    expect(await pageProblems(page)).toEqual([]);
    await screenshot(page, 'users');
    await context.close();
  });

  it('shows "Du har inte behörighet" to a strategist', async () => {
    const strategist = await createUser('STRATEGIST', 'Ej Admin');
    const context = await signedIn(strategist, PHONE);
    const page = await context.newPage();
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Användare' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
