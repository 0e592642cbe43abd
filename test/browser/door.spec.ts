import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
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
import { createEventToday, createPerson, participants, query, register } from './support/fixtures';

jest.setTimeout(90_000);

let browser: Browser;
let close: () => Promise<void>;
let staff: TestUser;
let eventId: string;

const PEOPLE = ['Anna Lindqvist', 'Erik Nordin', 'Maja Öberg', 'Johan Lindberg', 'Sofia Åström', 'Nils Berg'];

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  staff = await createUser('EVENT_STAFF', 'Dörr Personal');
  eventId = await createEventToday('Dörrtest i Lycksele');
  for (const [i, name] of PEOPLE.entries()) {
    const id = await createPerson(name, `${name.split(' ')[0].toLowerCase()}.${i}@door.test`);
    await register(eventId, id);
  }
});
afterAll(async () => close?.());

async function openDoor(
  viewport: { width: number; height: number } = PHONE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport);
  await signInContext(context, staff);
  const page = await context.newPage();
  await page.goto(`/events/${eventId}/door`);
  await page.getByRole('searchbox', { name: 'Sök deltagare' }).waitFor();
  return { context, page };
}

const counted = (page: Page, label: string) =>
  page
    .getByText(new RegExp(`^${label}: \\d+$`))
    .innerText()
    .then((text) => Number(text.split(': ')[1]));

describe('The door', () => {
  it('finds a participant as you type, checks in with one tap, and undoes it within ten seconds', async () => {
    const { context, page } = await openDoor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'door');
    await page.getByRole('searchbox', { name: 'Sök deltagare' }).fill('lindq');
    await page.getByRole('button', { name: 'Checka in Anna Lindqvist' }).click();
    await page
      .getByText(/^Incheckad \d\d:\d\d$/)
      .first()
      .waitFor();
    await eventually(async () => (await participants(eventId)).get('Anna Lindqvist')?.status, 'ATTENDED');
    await screenshot(page, 'door-checked-in');

    await page
      .getByRole('button', { name: /^Ångra/ })
      .first()
      .click();
    await eventually(async () => (await participants(eventId)).get('Anna Lindqvist')?.status, 'REGISTERED');
    expect((await participants(eventId)).get('Anna Lindqvist')?.checkedInAt).toBeNull();
    await context.close();
  });

  it('works by keyboard alone with a visible focus, has touch targets of at least 44 px, and fits 360 px', async () => {
    const { context, page } = await openDoor({ width: 360, height: 740 });
    await page.getByRole('searchbox', { name: 'Sök deltagare' }).focus();
    await page.keyboard.type('Nils');
    const button = page.getByRole('button', { name: 'Checka in Nils Berg' });
    await button.waitFor();
    for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await eventually(async () => (await participants(eventId)).get('Nils Berg')?.status, 'ATTENDED');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main button, main input, main a')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
        .map(
          ({ el, box }) =>
            `${el.textContent?.trim() || el.getAttribute('aria-label')}: ${box.width}×${box.height}`,
        ),
    );
    expect(small).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('checks in a typed (or hand-scanned) check-in code followed by Enter, and refuses an unknown code', async () => {
    const { context, page } = await openDoor(DESKTOP);
    const code = (await participants(eventId)).get('Erik Nordin')!.checkInCode;
    const search = page.getByRole('searchbox', { name: 'Sök deltagare' });
    await search.fill(code);
    await search.press('Enter');
    await eventually(async () => (await participants(eventId)).get('Erik Nordin')?.status, 'ATTENDED');
    await page
      .getByText(/Erik Nordin är incheckad/)
      .first()
      .waitFor();

    await search.fill('VB-0000-0000-0000');
    await search.press('Enter');
    await page.getByText(/hittades inte/).waitFor();
    await screenshot(page, 'door-unknown-code');
    await context.close();
  });

  it('registers a walk-in with the form and counts them as new at the door', async () => {
    const { context, page } = await openDoor();
    const before = await counted(page, 'Nya på plats');
    await page.getByRole('button', { name: 'Ny deltagare' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Namn').fill('Walter Walkin');
    await dialog.getByLabel('E-post').fill('walter@door.test');
    await dialog.getByRole('combobox', { name: 'Kommun' }).fill('Lyckse');
    await page
      .getByRole('option', { name: /Lycksele/ })
      .first()
      .click();
    // No organisation chosen: the person's sector is asked for.
    const sector = dialog.getByRole('button', { name: /Sektor/ });
    await sector.click();
    await page.getByRole('listbox').getByRole('option', { name: 'Civilsamhälle' }).click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'door-walk-in');
    await dialog.getByRole('button', { name: 'Checka in' }).click();
    await page.getByText(/Walter Walkin är registrerad och incheckad/).waitFor();
    await eventually(() => counted(page, 'Nya på plats'), before + 1);
    expect((await participants(eventId)).get('Walter Walkin')?.status).toBe('ATTENDED');
    await context.close();
  });

  it("shows a check-in made on one device in the other device's count", async () => {
    const first = await openDoor(PHONE);
    const second = await openDoor(DESKTOP);
    await second.page.getByText(/^Incheckade: \d+$/).waitFor();
    const before = await counted(second.page, 'Incheckade');
    await first.page.getByRole('searchbox', { name: 'Sök deltagare' }).fill('Maja');
    await first.page.getByRole('button', { name: 'Checka in Maja Öberg' }).click();
    // A bound, not a timing target: the 3 s figure is measured by `npm run bench`.
    await eventually(() => counted(second.page, 'Incheckade'), before + 1, { interval: 100 });
    await first.context.close();
    await second.context.close();
  });

  it('keeps working offline and sends the queued check-ins exactly once when the network is back, even when an answer is lost', async () => {
    const { context, page } = await openDoor();
    await page.getByText(/Deltagarlistan finns sparad på enheten/).waitFor({ timeout: 30_000 });
    await context.setOffline(true);
    const search = page.getByRole('searchbox', { name: 'Sök deltagare' });
    await search.fill('Johan');
    await page.getByRole('button', { name: 'Checka in Johan Lindberg' }).click();
    await search.fill('Sofia');
    await page.getByRole('button', { name: 'Checka in Sofia Åström' }).click();
    await page.getByText('Offline – 2 incheckningar väntar').waitFor();
    await screenshot(page, 'door-offline');
    expect((await participants(eventId)).get('Johan Lindberg')?.status).toBe('REGISTERED');

    // The first answer after reconnecting is lost on the way back: the server has applied it, the
    // device does not know and sends it again with the same idempotency key.
    let lost = false;
    await page.route('**/graphql', async (route) => {
      if (!lost && (route.request().postData() ?? '').includes('idempotencyKey')) {
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await context.setOffline(false);
    await page.getByText('Allt synkat').waitFor({ timeout: 30_000 });
    expect(lost).toBe(true);
    const now = await participants(eventId);
    expect(now.get('Johan Lindberg')?.status).toBe('ATTENDED');
    expect(now.get('Sofia Åström')?.status).toBe('ATTENDED');
    const checkIns = await query<{ count: string }>(
      `SELECT count(*) FROM audit_log a JOIN participation p ON p.id = a.entity_id
        JOIN actor ON actor.id = p.actor_id
       WHERE a.action = 'check_in' AND p.event_id = $1 AND actor.name IN ('Johan Lindberg', 'Sofia Åström')`,
      [eventId],
    );
    expect(Number(checkIns[0].count)).toBe(2);
    await context.close();
  });
});
