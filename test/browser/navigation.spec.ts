import type { Browser, BrowserContext } from 'playwright-core';
import {
  createUser,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  signInContext,
} from './support/browser';
import { createPerson } from './support/fixtures';

jest.setTimeout(120_000);

type Role = 'ADMIN' | 'EVENT_STAFF' | 'STRATEGIST' | 'COMMITTEE';

let browser: Browser;
let close: () => Promise<void>;
const contexts = new Map<Role, BrowserContext>();

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
  COMMITTEE: ['Start', 'Trappan', 'Karta', 'Rapporter'],
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
});
