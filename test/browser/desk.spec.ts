import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
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
import { createEventToday, createPerson, participants, register } from './support/fixtures';

jest.setTimeout(120_000);

let browser: Browser;
let close: () => Promise<void>;
let staff: TestUser;
let eventId: string;
let personId: string;

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  staff = await createUser('EVENT_STAFF', 'Disk Personal');
  eventId = await createEventToday('Skrivbordstest på Grand');
  personId = await createPerson('Greta Skrivbord', 'greta@desk.test');
  await register(eventId, personId, 'SPEAKER');
  await register(eventId, await createPerson('Olle Publik', 'olle@desk.test'));
});
afterAll(async () => close?.());

async function signedIn(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInContext(context, staff);
  return context;
}

describe("The staff's pages", () => {
  const pages = (): [string, string][] => [
    ['home', '/'],
    ['events', '/events'],
    ['event-new', '/events/new'],
    ['event', `/events/${eventId}`],
    ['event-edit', `/events/${eventId}/edit`],
    ['badges', `/events/${eventId}/badges`],
    ['import', `/events/${eventId}/import`],
    ['duplicates', '/duplicates'],
    ['actors', '/actors'],
    ['actor-new', '/actors/new?kind=PERSON'],
    ['actor', `/actors/${personId}`],
    ['actor-edit', `/actors/${personId}/edit`],
    ['account', '/account'],
  ];

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])(
    'every page has a level-1 heading and no serious accessibility violation (%s)',
    async (_name, viewport) => {
      const context = await signedIn(viewport);
      const page = await context.newPage();
      const failures: string[] = [];
      for (const [name, url] of pages()) {
        await page.goto(url);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousAccessibilityViolations(page);
        if (violations.length) failures.push(`${url}: ${violations.join('; ')}`);
        // Nothing wider than the screen at phone size (WCAG 1.4.10 reflow), tables scroll in their own box.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) failures.push(`${url}: ${overflow} px wider than the viewport`);
        await screenshot(page, name);
      }
      expect(failures).toEqual([]);
      await context.close();
    },
  );

  it('shows "Du har inte behörighet" to the committee on a staff page, never a broken page', async () => {
    const committee = await createUser('COMMITTEE', 'Nämnd Ledamot');
    const context = await newContext(browser, PHONE);
    await signInContext(context, committee);
    const page = await context.newPage();
    await page.goto(`/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Evenemang' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'forbidden');
    await context.close();
  });

  it('imports a registration list dropped on the import page and shows the counts when it is done', async () => {
    const context = await signedIn(DESKTOP);
    const page = await context.newPage();
    await page.goto(`/events/${eventId}/import`);
    await page
      .locator('input[type=file]')
      .setInputFiles(path.resolve(__dirname, '../fixtures/registrations/eventbrite-export.csv'));
    await page.getByText('Importen av eventbrite-export.csv är klar.').waitFor({ timeout: 60_000 });
    await page.getByText('Nya anmälningar').first().waitFor();
    await screenshot(page, 'import-done');
    const after = await participants(eventId);
    // The list says who was checked in already ("Checked In": Yes / No).
    expect(after.get('Anna Lindqvist')?.status).toBe('ATTENDED');
    expect(after.get('Erik Nordin')?.status).toBe('REGISTERED');
    await context.close();
  });

  it('merges two records of one person, keeping the chosen one', async () => {
    const keep = await createPerson('Karin Dubblett', 'karin.dubblett@desk.test');
    const gone = await createPerson('Karin Dubblett', null);
    await register(eventId, gone);
    // The worker's duplicate scan proposes the pair.
    const candidates = async () =>
      (
        await adminGraphql<{ duplicateCandidates: { edges: { node: { id: string } }[] } }>(
          `{ duplicateCandidates(first: 50) { edges { node { id } } } }`,
        )
      ).duplicateCandidates.edges.length;
    await eventually(async () => (await candidates()) > 0, true, { timeout: 30_000, interval: 500 });

    const context = await signedIn(DESKTOP);
    const page = await context.newPage();
    await page.goto('/duplicates');
    await page.getByRole('button', { name: 'Slå ihop Karin Dubblett och Karin Dubblett' }).first().waitFor();
    await screenshot(page, 'duplicates-pair');
    await page.getByRole('button', { name: 'Slå ihop Karin Dubblett och Karin Dubblett' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText(/karin\.dubblett@desk\.test/)
      .first()
      .click();
    await dialog.getByRole('button', { name: 'Nästa' }).click();
    await dialog.getByRole('button', { name: 'Ja, slå ihop' }).click();
    await page.getByText(/är ihopslagen med/).waitFor();
    const survivors = await adminGraphql<{ a: { id: string } | null; b: { id: string } | null }>(
      `query ($a: ID!, $b: ID!) { a: actor(id: $a) { id } b: actor(id: $b) { id } }`,
      { a: keep, b: gone },
    );
    expect(survivors.a?.id).toBe(keep);
    expect(survivors.b).toBeNull();
    // The merged record's registration moved to the kept one.
    expect((await participants(eventId)).get('Karin Dubblett')).toBeDefined();
    await context.close();
  });
});
