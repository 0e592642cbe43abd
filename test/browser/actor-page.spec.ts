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

jest.setTimeout(120_000);

const EVENT = 'Trappdag i Lycksele';
const NAME = 'Tora Trappsteg';

let browser: Browser;
let close: () => Promise<void>;
let strategist: TestUser;
let staff: TestUser;
let eventId: string;
let personId: string;
let organisationId: string;
const ORGANISATION = 'Trappstegs Energi AB';

async function step(id: string): Promise<string | null> {
  const data = await adminGraphql<{ actor: { ladder: { step: string } | null } | null }>(
    `query ($id: ID!) { actor(id: $id) { ladder { step } } }`,
    { id },
  );
  return data.actor?.ladder?.step ?? null;
}

async function signedIn(
  user: TestUser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInContext(context, user);
  return context;
}

/** Nothing wider than the screen (WCAG 1.4.10 reflow): tables scroll in their own box. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  [strategist, staff] = await Promise.all([
    createUser('STRATEGIST', 'Stina Strateg'),
    createUser('EVENT_STAFF', 'Erik Evenemang'),
  ]);
  eventId = await createEventToday(EVENT);
  organisationId = (
    await adminGraphql<{ createOrganisation: { id: string } }>(
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
      { input: { name: ORGANISATION, sector: 'BUSINESS', municipalityCode: '2481' } },
    )
  ).createOrganisation.id;
  personId = (
    await adminGraphql<{ createPerson: { id: string } }>(
      `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { name: NAME, email: 'tora@trappsteg.test', title: 'Energistrateg', organisationId } },
    )
  ).createPerson.id;
  await register(eventId, personId);
  await adminGraphql(`mutation ($input: CheckInInput!) { checkIn(input: $input) { id } }`, {
    input: { eventId, actorId: personId },
  });
  // The worker places the actor on the first step (attended an event).
  await eventually(() => step(personId), 'AWARENESS', { timeout: 30_000, interval: 300 });
});
afterAll(async () => close?.());

describe('The actor page', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])(
    'shows a strategist the step in Swedish and the reason, linked to its evidence (%s)',
    async (_name, viewport) => {
      const context = await signedIn(strategist, viewport);
      const page = await context.newPage();
      await page.goto(`/actors/${personId}`);
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await page.getByText(/^Steg 1 av 5: Medvetenhet, sedan \d+ \w+ \d{4}$/).waitFor();
      // A strategist may not open the event's page: the reason leads to the participation listed here.
      const reason = page
        .getByRole('region', { name: 'Engagemangstrappan' })
        .getByRole('link', { name: new RegExp(`^Medvetenhet: deltog i ”${EVENT}”`) });
      expect(await reason.getAttribute('href')).toBe(`#participation-${eventId}`);
      expect(await page.locator(`#participation-${eventId}`).textContent()).toContain(EVENT);
      // Strategists record engagements and memberships too (WRITE_INITIATIVES).
      expect(await page.getByRole('button', { name: 'Registrera engagemang' }).count()).toBe(1);
      await page.waitForLoadState('networkidle');

      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      await screenshot(page, 'actor-page');
      if (viewport === PHONE) {
        await page.setViewportSize({ width: 360, height: PHONE.height });
        expect(await overflow(page)).toBeLessThanOrEqual(1);
      }
      await context.close();
    },
  );

  it('lets staff record an engagement through the dialog; it is listed and the step follows', async () => {
    const context = await signedIn(staff, DESKTOP);
    const page = await context.newPage();
    await page.goto(`/actors/${personId}`);
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    // Staff open the event itself.
    const reason = page
      .getByRole('region', { name: 'Engagemangstrappan' })
      .getByRole('link', { name: new RegExp(`^Medvetenhet: deltog i ”${EVENT}”`) });
    expect(await reason.getAttribute('href')).toBe(`/events/${eventId}`);

    await page.getByRole('button', { name: 'Registrera engagemang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera engagemang' });
    await dialog.getByRole('button', { name: /Typ av engagemang/ }).click();
    await page.getByRole('option', { name: 'Inspel' }).click();
    await dialog.getByRole('button', { name: /Evenemang \(valfritt\)/ }).click();
    await page.getByRole('option', { name: new RegExp(`^${EVENT}`) }).click();
    await dialog
      .getByRole('textbox', { name: 'Anteckning (valfritt)' })
      .fill('Skriftligt inspel om laddinfrastruktur.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Registrera' }).click();

    await page.getByText('Engagemanget är registrerat.').waitFor();
    const engagements = page.getByRole('region', { name: 'Engagemang' });
    await engagements.getByText('Skriftligt inspel om laddinfrastruktur.').waitFor();
    expect(await engagements.getByText('Inspel', { exact: true }).count()).toBe(1);
    // Formulated input puts the actor on step 3; the page asks until the worker has placed it again.
    await page.getByText(/^Steg 3 av 5: Deltagande, sedan /).waitFor({ timeout: 20_000 });
    const input = page
      .getByRole('region', { name: 'Engagemangstrappan' })
      .getByRole('link', { name: /^Deltagande: lämnade ett inspel/ });
    const href = await input.getAttribute('href');
    expect(href).toMatch(/^#engagement-/);
    expect(await page.locator(href ?? '#none').textContent()).toContain('laddinfrastruktur');
    expect(await step(personId)).toBe('PARTICIPATION');
    await screenshot(page, 'actor-page-engaged');

    // The organisation stands where its people's records put it, and lists them with their steps.
    await eventually(() => step(organisationId), 'PARTICIPATION', { timeout: 20_000, interval: 300 });
    expect(await page.getByRole('link', { name: ORGANISATION }).getAttribute('href')).toBe(
      `/actors/${organisationId}`,
    );
    // A fresh load: React Aria's live announcer keeps a role="img" element that points at the closed
    // dialog's option for a few seconds, which axe reports.
    await page.goto(`/actors/${organisationId}`);
    await page.getByRole('heading', { level: 1, name: ORGANISATION }).waitFor();
    const via = page
      .getByRole('region', { name: 'Engagemangstrappan' })
      .getByRole('link', { name: new RegExp(`^Deltagande: ${NAME} lämnade ett inspel`) });
    expect(await via.getAttribute('href')).toBe(`/actors/${personId}`);
    const people = page.getByRole('table', { name: `Personer i ${ORGANISATION} och deras steg` });
    const row = people.getByRole('row', { name: new RegExp(NAME) });
    expect(await row.getByRole('cell').last().textContent()).toBe('3. Deltagande');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actor-page-organisation');
    await context.close();
  });
});
