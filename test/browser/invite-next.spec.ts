import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  adminGraphql,
  createUser,
  DESKTOP,
  eventually,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  signInContext,
  type TestUser,
} from './support/browser';
import { createEventToday, register } from './support/fixtures';

jest.setTimeout(90_000);

// A word in every name of this file's actors, so other files' actors in the same database stay out.
const MARK = 'Härnäst';
const ENGAGED = `Hanna ${MARK}`;
const QUIET = `Henrik ${MARK}`;
const BUSINESS = `Hugo ${MARK}`;

let browser: Browser;
let close: () => Promise<void>;
let strategist: TestUser;
let engagedId: string;
let engagedStep: string;
let desktop: BrowserContext;

async function createPersonIn(name: string, sector: string, municipalityCode: string): Promise<string> {
  const data = await adminGraphql<{ createPerson: { id: string } }>(
    `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { name, municipalityCode, sector } },
  );
  return data.createPerson.id;
}

async function checkIn(eventId: string, actorId: string): Promise<void> {
  await adminGraphql(`mutation ($input: CheckInInput!) { checkIn(input: $input) { id status } }`, {
    input: { eventId, actorId },
  });
}

/** The step's Swedish name once the worker has placed the actor on the ladder (null until then). */
async function stepOf(actorId: string): Promise<string | null> {
  const data = await adminGraphql<{ actor: { ladder: { label: string } | null } | null }>(
    `query ($id: ID!) { actor(id: $id) { ladder { label } } }`,
    { id: actorId },
  );
  return data.actor?.ladder?.label ?? null;
}

/** Today in Stockholm as the page writes a date ("4 december 2026"). */
const today = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }).format(new Date());

async function signedIn(user: TestUser, viewport: { width: number; height: number }) {
  const context = await newContext(browser, viewport);
  await signInContext(context, user);
  return context;
}

/** The table's rows as their cells' text, name first. */
async function rows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Aktörer som matchar filtret' });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim())),
    );
}

async function choose(page: Page, select: RegExp, option: string): Promise<void> {
  await page.getByRole('button', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  strategist = await createUser('STRATEGIST', 'Stina Strateg');
  const eventId = await createEventToday('Härnästtest i Lycksele');
  engagedId = await createPersonIn(ENGAGED, 'PUBLIC_SECTOR', '2480');
  await createPersonIn(QUIET, 'PUBLIC_SECTOR', '2482');
  await createPersonIn(BUSINESS, 'BUSINESS', '2480');
  await register(eventId, engagedId);
  await checkIn(eventId, engagedId);
  // The worker places her on the ladder after the check-in.
  await eventually(async () => (await stepOf(engagedId)) !== null, true, { timeout: 30_000, interval: 300 });
  engagedStep = (await stepOf(engagedId)) ?? '';
  desktop = await signedIn(strategist, DESKTOP);
});
afterAll(async () => {
  await desktop?.close();
  await close?.();
});

describe('Whom to invite next', () => {
  it('filters by sector, saves the filter, applies it after a reload and exports what it shows', async () => {
    const page = await desktop.newPage();
    await page.goto('/ladder/next');
    await page.getByRole('heading', { level: 1, name: 'Vem bjuder vi in härnäst?' }).waitFor();

    await page.getByRole('searchbox', { name: 'Namn eller e-post' }).fill(MARK);
    await page.getByRole('searchbox', { name: 'Namn eller e-post' }).press('Enter');
    await choose(page, /Sektor/, 'Offentlig sektor');
    await page.waitForURL(/sector=PUBLIC_SECTOR/);
    await eventually(async () => (await rows(page)).map((r) => r[0]).join(' | '), `${ENGAGED} | ${QUIET}`);
    const shown = new Map((await rows(page)).map((r) => [r[0], r]));
    expect(shown.get(ENGAGED)).toEqual([ENGAGED, '–', 'Offentlig sektor', 'Umeå', engagedStep, today()]);
    expect(shown.get(QUIET)).toEqual([
      QUIET,
      '–',
      'Offentlig sektor',
      'Skellefteå',
      'Inte på trappan',
      'Ingen registrerad',
    ]);
    await page.getByText('Visar 2 av 2 aktörer.').waitFor();

    await page.getByRole('button', { name: 'Spara urval' }).click();
    const dialog = page.getByRole('dialog', { name: 'Spara urval' });
    await dialog.getByRole('textbox', { name: /Namn på urvalet/ }).fill('Offentliga att bjuda in');
    await screenshot(page, 'invite-next-save-dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Urvalet ”Offentliga att bjuda in” är sparat.').waitFor();
    await screenshot(page, 'invite-next-saved');

    // A fresh page without a filter: the saved one brings it back.
    await page.goto('/ladder/next');
    await choose(page, /Sparade urval/, 'Offentliga att bjuda in');
    await page.waitForURL(/sector=PUBLIC_SECTOR/);
    expect(new URL(page.url()).searchParams.get('search')).toBe(MARK);
    await eventually(async () => (await rows(page)).map((r) => r[0]).join(' | '), `${ENGAGED} | ${QUIET}`);

    const href = await page.getByRole('link', { name: 'Exportera CSV' }).getAttribute('href');
    expect(href).toBe(
      `/exports/actors.csv?sector=PUBLIC_SECTOR&search=${encodeURIComponent(MARK)}&invitable=true`,
    );
    const file = await page.request.get(href ?? '');
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await file.text();
    expect(text).toContain(ENGAGED);
    expect(text).not.toContain(BUSINESS);
    await page.close();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])(
    'has a level-1 heading, no serious accessibility violation and no overflow (%s)',
    async (name, viewport) => {
      const context = viewport === DESKTOP ? desktop : await signedIn(strategist, viewport);
      const page = await context.newPage();
      await page.goto(`/ladder/next?search=${encodeURIComponent(MARK)}`);
      await page.getByRole('heading', { level: 1, name: 'Vem bjuder vi in härnäst?' }).waitFor();
      await page.getByRole('table', { name: 'Aktörer som matchar filtret' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(1);
      await screenshot(page, `invite-next-${name}`);
      if (viewport === PHONE) {
        // The narrowest phone the app supports: the table scrolls in its own box, the page does not.
        await page.setViewportSize({ width: 360, height: 740 });
        expect(await overflow()).toBeLessThanOrEqual(1);
        await context.close();
      } else {
        await page.close();
      }
    },
  );

  it('shows "Du har inte behörighet" to the committee', async () => {
    const committee = await createUser('COMMITTEE', 'Nämnd Härnäst');
    const context = await signedIn(committee, PHONE);
    const page = await context.newPage();
    await page.goto('/ladder/next');
    await page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
    expect(await page.getByText(ENGAGED).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
