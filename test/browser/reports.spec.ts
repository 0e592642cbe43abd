import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
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
let strategist: TestUser;
let committee: TestUser;

/** The newest quarter that has ended on Stockholm's calendar: the one a report can be ordered for. */
function lastEndedQuarter(): { year: number; quarter: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' })
    .format(new Date())
    .split('-')
    .map(Number);
  const current = Math.ceil(month / 3);
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  strategist = await createUser('STRATEGIST', 'Rapport Strateg');
  committee = await createUser('COMMITTEE', 'Rapport Nämnd');
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

/** Level-1 heading, no serious axe violation, nothing wider than the screen. */
async function pageProblems(page: Page): Promise<string[]> {
  const problems = await seriousAccessibilityViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) problems.push(`${overflow} px wider than the viewport`);
  return problems;
}

describe('The reports page', () => {
  it('lets a strategist order a new version and follows it from "Väntar" to its PDF and Excel', async () => {
    const { year, quarter } = lastEndedQuarter();
    const context = await signedIn(strategist, DESKTOP);
    const page = await context.newPage();
    await page.goto(`/reports?year=${year}`);
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
    const section = page.getByRole('region', { name: `${year} kvartal ${quarter}` });
    await section.getByRole('button', { name: 'Beställ ny version' }).click();
    await section
      .getByText(/Väntar/)
      .first()
      .waitFor();

    const pdf = section.getByRole('link', { name: 'Ladda ner PDF' }).first();
    await pdf.waitFor({ timeout: 60_000 });
    const xlsx = section.getByRole('link', { name: 'Ladda ner Excel' }).first();
    await xlsx.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /Version \d+ är klar/ })
      .waitFor();

    const href = await pdf.getAttribute('href');
    expect(href).toMatch(/^\/reports\/[0-9a-f-]+\.pdf$/);
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const sheet = await page.request.get((await xlsx.getAttribute('href')) ?? '');
    expect(sheet.status()).toBe(200);
    expect(sheet.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );

    await page.getByRole('heading', { level: 2, name: /^Siffror för/ }).waitFor();
    await page.getByRole('table', { name: 'Aktörer på varje steg vid kvartalets slut' }).waitFor();
    expect(await pageProblems(page)).toEqual([]);
    await screenshot(page, 'reports-strategist');
    await context.close();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('shows the committee its reports without "Beställ ny version" (%s)', async (_name, viewport) => {
    const context = await signedIn(committee, viewport);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(/\/reports/);
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
    await page.getByRole('link', { name: 'Ladda ner PDF' }).first().waitFor();
    await page.getByRole('table', { name: 'Aktörer på varje steg vid kvartalets slut' }).waitFor();
    expect(await page.getByRole('button', { name: 'Beställ ny version' }).count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
    await screenshot(page, 'reports-committee');
    await context.close();
  });
});
