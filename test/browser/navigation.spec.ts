import type { Browser, BrowserContext } from 'playwright-core';
import type { Page } from 'playwright-core';
import {
  adminGraphql,
  createUser,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  signInContext,
} from './support/browser';
import { createEventToday, createPerson, register } from './support/fixtures';

jest.setTimeout(120_000);

type Role = 'ADMIN' | 'EVENT_STAFF' | 'STRATEGIST' | 'COMMITTEE';

let browser: Browser;
let close: () => Promise<void>;
const contexts = new Map<Role, BrowserContext>();
const NARROW = { width: 360, height: 740 };

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  for (const role of ['ADMIN', 'EVENT_STAFF', 'STRATEGIST', 'COMMITTEE'] as const) {
    const context = await newContext(browser, PHONE);
    await signInContext(context, await createUser(role, `Navigering ${role.toLowerCase()}`));
    contexts.set(role, context);
  }
});
afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await close?.();
});

const LINKS = [
  'Start',
  'Evenemang',
  'Trappan',
  'Karta',
  'Bjud in härnäst',
  'Aktörer',
  'Initiativ',
  'Rapporter',
  'Dubbletter',
  'Användare',
  'Dataskydd',
];

/** The navigation by role: each role sees the links to what it may use, and only those. */
const EXPECTED: Record<Role, string[]> = {
  ADMIN: LINKS,
  EVENT_STAFF: [
    'Start',
    'Evenemang',
    'Trappan',
    'Karta',
    'Bjud in härnäst',
    'Aktörer',
    'Initiativ',
    'Rapporter',
    'Dubbletter',
  ],
  STRATEGIST: ['Start', 'Trappan', 'Karta', 'Bjud in härnäst', 'Aktörer', 'Initiativ', 'Rapporter'],
  COMMITTEE: ['Trappan', 'Karta', 'Rapporter'],
};

describe('Navigation by role', () => {
  it.each(Object.entries(EXPECTED))('shows %s the links to what the role may use', async (role, expected) => {
    const page = await contexts.get(role as Role)!.newPage();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link').first().waitFor();
    const names = (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
    expect(names).toEqual(expected);
    await page.close();
  });

  it("takes the committee from the start page to its reports, and refuses it every page with people's names", async () => {
    const personId = await createPerson('Hemlig Person', 'hemlig@navigation.test');
    const page = await contexts.get('COMMITTEE')!.newPage();
    await page.goto('/');
    await page.waitForURL('**/reports');
    const failures: string[] = [];
    for (const url of [
      '/ladder/next',
      '/initiatives',
      '/actors',
      `/actors/${personId}`,
      '/admin/users',
      '/events',
      '/duplicates',
    ]) {
      await page.goto(url);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      const text = (await heading.textContent())?.trim();
      if (text !== 'Du har inte behörighet') failures.push(`${url}: "${text}"`);
      if ((await page.getByText('Hemlig Person').count()) > 0) failures.push(`${url}: shows a person's name`);
    }
    expect(failures).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'committee-forbidden');
    await page.close();
  });

  /**
   * Every page the issue adds, as each role that may use it, at the narrowest phone width: no
   * serious axe violation, nothing wider than the screen, and no CSP refusal or script error.
   */
  describe('every page at 360 px', () => {
    let ids: { person: string; event: string; initiative: string };
    beforeAll(async () => {
      const event = await createEventToday('Svep över sidorna');
      const person = await createPerson('Svea Svep', 'svea@navigation.test');
      await register(event, person, 'SPEAKER');
      const created = await adminGraphql<{ createInitiative: { id: string } }>(
        `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
        { input: { name: 'Svepets arbetsgrupp', kind: 'WORKING_GROUP', startedOn: '2026-01-15' } },
      );
      ids = { person, event, initiative: created.createInitiative.id };
    });

    const PAGES: Record<Role, (ids: { person: string; event: string; initiative: string }) => string[]> = {
      ADMIN: () => ['/admin/users', '/admin/dataskydd', '/reports', '/ladder/map'],
      EVENT_STAFF: ({ initiative }) => ['/ladder', `/initiatives/${initiative}`, '/'],
      STRATEGIST: ({ person }) => [
        '/',
        '/ladder/next',
        '/initiatives',
        '/initiatives/new',
        `/actors/${person}`,
      ],
      COMMITTEE: () => ['/ladder', '/ladder/map', '/reports'],
    };

    /** Console errors about the CSP and uncaught errors, as they come. */
    function watch(page: Page): string[] {
      const found: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
          found.push(message.text());
        }
      });
      page.on('pageerror', (error) => found.push(`page error: ${error.message}`));
      return found;
    }

    it.each(Object.keys(PAGES))('%s: accessible, no overflow, nothing refused', async (role) => {
      const context = await newContext(browser, NARROW);
      await signInContext(context, await createUser(role as Role, `Smal ${role.toLowerCase()}`));
      const page = await context.newPage();
      const problems = watch(page);
      const failures: string[] = [];
      for (const url of PAGES[role as Role](ids)) {
        await page.goto(url);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const heading = (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim();
        if (heading === 'Du har inte behörighet') failures.push(`${url}: refused to ${role}`);
        for (const violation of await seriousAccessibilityViolations(page))
          failures.push(`${url}: ${violation}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) failures.push(`${url}: ${overflow} px wider than the screen`);
        failures.push(...problems.splice(0).map((problem) => `${url}: ${problem}`));
      }
      expect(failures).toEqual([]);
      await context.close();
    });
  });
});
