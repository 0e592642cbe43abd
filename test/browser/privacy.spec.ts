import type { Browser, Page } from 'playwright-core';
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
} from './support/browser';

jest.setTimeout(60_000);

let browser: Browser;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
});
afterAll(() => close());

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the privacy notice /integritet', () => {
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`is readable signed out on a ${label}: the configured texts, accessible, nothing overflowing`, async () => {
      const context = await newContext(browser, viewport);
      try {
        const page = await context.newPage();
        await page.goto('/integritet');
        await page.getByRole('heading', { level: 1, name: 'Så hanterar vi personuppgifter' }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Personuppgiftsansvarig' }).waitFor();
        expect(await page.getByText('Region Västerbotten', { exact: true }).count()).toBeGreaterThan(0);
        expect(
          await page
            .getByRole('link', { name: 'Skriv till dataskyddsombud@regionvasterbotten.se' })
            .getAttribute('href'),
        ).toBe('mailto:dataskyddsombud@regionvasterbotten.se');
        expect(new URL(page.url()).pathname).toBe('/integritet');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(await overflow(page)).toBeLessThanOrEqual(1);
        await screenshot(page, 'privacy-notice');
      } finally {
        await context.close();
      }
    });
  }

  it('is linked from the footer of a signed-in page', async () => {
    const context = await newContext(browser, DESKTOP);
    try {
      await signInContext(context, await createUser('EVENT_STAFF'));
      const page = await context.newPage();
      await page.goto('/events');
      const footer = page.getByRole('navigation', { name: 'Sidfot' });
      await footer.getByRole('link', { name: 'Så hanterar vi personuppgifter' }).click();
      await page.waitForURL(/\/integritet$/);
      await page.getByRole('heading', { level: 2, name: 'Rättslig grund' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("shows a person's consents on the actor page, where withdrawing one is offered", async () => {
    const { createPerson } = await adminGraphql<{ createPerson: { id: string } }>(
      `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { name: 'Sara Samtycke', sector: 'ACADEMIA', legalBasis: 'CONSENT' } },
    );
    await adminGraphql(`mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: { actorId: createPerson.id, givenOn: '2026-03-01', textVersion: '2026-1', source: 'EMAIL' },
    });
    const context = await newContext(browser, PHONE);
    try {
      await signInContext(context, await createUser('STRATEGIST'));
      const page = await context.newPage();
      await page.goto(`/actors/${createPerson.id}`);
      await page.getByRole('table', { name: 'Samtycken, senaste först' }).waitFor();
      await page.getByRole('button', { name: 'Återkalla samtycke' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(1);
      await screenshot(page, 'actor-consent');
    } finally {
      await context.close();
    }
  });
});
