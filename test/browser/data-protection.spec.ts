import { readFileSync } from 'node:fs';
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
import { createEventToday, createPerson, register } from './support/fixtures';

jest.setTimeout(60_000);

let browser: Browser;
let close: () => Promise<void>;
let admin: TestUser;
let phone: BrowserContext;
let desktop: BrowserContext;
const NARROW = { width: 360, height: 740 };

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  admin = await createUser('ADMIN', 'Dataskydd Admin');
  phone = await newContext(browser, PHONE);
  desktop = await newContext(browser, DESKTOP);
  await signInContext(phone, admin);
  await signInContext(desktop, admin);
});
afterAll(async () => {
  await phone?.close();
  await desktop?.close();
  await close?.();
});

/** No serious axe violation, nothing wider than the screen (also at the narrowest phone, 360 px). */
async function pageProblems(page: Page): Promise<string[]> {
  const problems = await seriousAccessibilityViolations(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if ((await overflow()) > 1) problems.push(`${await overflow()} px wider than the viewport`);
  const size = page.viewportSize();
  if (size && size.width < 500) {
    await page.setViewportSize(NARROW);
    if ((await overflow()) > 1) problems.push(`${await overflow()} px wider than 360 px`);
    await page.setViewportSize(size);
  }
  return problems;
}

describe('Data protection for the administrator', () => {
  it("makes a register extract and restricts processing on a person's page", async () => {
    const personId = await createPerson('Rut Registerutdrag', 'rut@dataskydd.test');
    const page = await desktop.newPage();
    await page.goto(`/actors/${personId}`);
    const section = page.getByRole('region', { name: 'Dataskydd' });
    await section.getByText('Behandlingen är inte begränsad.').waitFor();

    await section.getByRole('button', { name: 'Gör registerutdrag' }).click();
    const pdf = section.getByRole('link', { name: 'Ladda ner registerutdrag (PDF)' });
    await pdf.waitFor();
    await section.getByText(/gäller till/).waitFor();
    // Downloaded by a click, also once the service worker controls the page (it must not answer the
    // link with the app's index.html).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
    expect(download.suggestedFilename()).toMatch(/^registerutdrag-.+\.pdf$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const json = section.getByRole('link', { name: 'Ladda ner registerutdrag (JSON)' });
    expect(await json.getAttribute('href')).toMatch(/^\/personal-data-exports\/[^/]+\.json$/);

    await section.getByRole('button', { name: 'Begränsa behandling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Begränsa behandlingen av Rut Registerutdrag' });
    await dialog.getByRole('textbox', { name: /Skäl/ }).fill('Begäran om rättelse prövas');
    await dialog.getByRole('button', { name: 'Begränsa behandling' }).click();
    await section
      .getByText(/^Behandlingen är begränsad sedan .+\. Skäl: Begäran om rättelse prövas$/)
      .waitFor();
    await section.getByRole('button', { name: 'Häv begränsning' }).waitFor();
    // Loaded afresh (React Aria's announcements of the closed dialogs point at labels that are gone):
    // the restriction stays, and the reads of this page are in the access log shown in the section.
    await page.reload();
    await section.getByText(/^Behandlingen är begränsad sedan /).waitFor();
    await section.getByRole('table', { name: 'Vem har läst uppgifterna, senaste först' }).waitFor();
    await section.getByRole('link', { name: 'Ladda ner registerutdrag (PDF)' }).waitFor();
    expect(await pageProblems(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'data-protection-actor');

    await page.close();
  });

  it('anonymises a person after the warning, and the page shows the anonymous person', async () => {
    // Without a municipality, so the map's counts in other tests stay as they are.
    const { createPerson: anton } = await adminGraphql<{ createPerson: { id: string } }>(
      `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { name: 'Anton Anonym', email: 'anton@dataskydd.test', sector: 'ACADEMIA' } },
    );
    const personId = anton.id;
    await register(await createEventToday('Dataskyddsdagen'), personId);
    const page = await phone.newPage();
    await page.goto(`/actors/${personId}`);
    const section = page.getByRole('region', { name: 'Dataskydd' });
    // A participation is evidence the figures rest on: anonymising is offered, deleting is not.
    await section.getByRole('button', { name: 'Anonymisera' }).waitFor();
    expect(await section.getByRole('button', { name: 'Radera' }).count()).toBe(0);
    await section.getByRole('button', { name: 'Anonymisera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anonymisera Anton Anonym' });
    await dialog.getByText('Det går inte att ångra en anonymisering.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'data-protection-anonymise');
    await dialog.getByRole('textbox', { name: /Ärendereferens/ }).fill('RVB 2026/123');
    await dialog.getByRole('button', { name: 'Anonymisera' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anonymiserad person' }).waitFor();
    await section.getByText(/^Anonymiserad \d+ \w+ \d{4}$/).waitFor();
    expect(await page.getByText('Anton Anonym').count()).toBe(0);
    // No button left to return to: the section's heading has the focus, not the page's body.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('actor-data-protection-heading');
    await page.reload();
    await section.getByText(/^Anonymiserad \d+ \w+ \d{4}$/).waitFor();
    // The name and the email are gone; the participation the figures rest on is still shown.
    await page.getByRole('link', { name: 'Dataskyddsdagen' }).first().waitFor();
    expect(await page.getByText('anton@dataskydd.test').count()).toBe(0);
    expect(await page.getByText('Anton Anonym').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'data-protection-actor');
    await page.close();
  });

  it('deletes a person without any evidence and goes to the list of actors', async () => {
    const personId = await createPerson('Dora Dubbelinlagd', 'dora@dataskydd.test');
    const page = await desktop.newPage();
    await page.goto(`/actors/${personId}`);
    await page.getByRole('region', { name: 'Dataskydd' }).getByRole('button', { name: 'Radera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Radera Dora Dubbelinlagd' });
    await dialog.getByRole('textbox', { name: /Ärendereferens/ }).fill('RVB 2026/7');
    await dialog.getByRole('button', { name: 'Radera' }).click();
    await page.waitForURL(/\/actors$/);
    await page.getByRole('heading', { level: 1, name: 'Aktörer' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Personen är raderad.' }).waitFor();
    expect(await page.getByText('Dora Dubbelinlagd').count()).toBe(0);
    // Shown once: not kept in the history, so a reload does not bring it back.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Aktörer' }).waitFor();
    expect(await page.getByText('Personen är raderad.').count()).toBe(0);
    await page.goto(`/actors?sok=${encodeURIComponent('Dora Dubbelinlagd')}`);
    await page.getByText('Ingen aktör matchar sökningen.').waitFor();
    const { actor } = await adminGraphql<{ actor: { id: string } | null }>(
      `query ($id: ID!) { actor(id: $id) { id } }`,
      { id: personId },
    );
    expect(actor).toBeNull();
    await page.close();
  });

  it('runs the culling now after asking, and follows the run until the worker has done it', async () => {
    const page = await desktop.newPage();
    await page.goto('/admin/dataskydd');
    await page.getByRole('button', { name: 'Kör gallring nu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kör gallring nu?' });
    await dialog.getByText(/Enligt förhandsvisningen berörs [\d\s]+ post(er)?\./).waitFor();
    await dialog.getByRole('button', { name: 'Kör gallring' }).click();
    await page.getByText('Gallringen har startat.').waitFor();
    const runs = page.getByRole('table', { name: 'Körningar av gallringen, senaste först' });
    const latest = runs.getByRole('row').nth(1);
    await latest.getByRole('cell', { name: 'Manuell' }).waitFor();
    await latest.getByRole('cell', { name: 'Klar', exact: true }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it.each([
    ['phone', () => phone],
    ['desktop', () => desktop],
  ])(
    'shows the retention rules, runs, restricted persons and the access-log follow-up accessibly (%s)',
    async (name, context) => {
      // A run and a restricted person of its own (a run already waiting or under way is given back).
      await adminGraphql(`mutation { runRetention { id } }`);
      const restricted = await createPerson(`Rut Rättelse ${name}`);
      await adminGraphql(
        `mutation ($id: ID!) { restrictProcessing(actorId: $id, reason: "Rättelse prövas") { id } }`,
        {
          id: restricted,
        },
      );
      const page = await context().newPage();
      await page.goto('/admin/dataskydd');
      await page.getByRole('heading', { level: 1, name: 'Dataskydd' }).waitFor();
      const rules = page.getByRole('table', { name: 'Gallringsregler' });
      await rules.getByRole('rowheader', { name: 'Personer utan aktivitet', exact: true }).waitFor();
      await page
        .getByRole('table', { name: 'Körningar av gallringen, senaste först' })
        .getByRole('cell', { name: 'Manuell' })
        .first()
        .waitFor();
      await page.getByRole('heading', { level: 2, name: 'Uppföljning av åtkomstloggen' }).waitFor();
      const link = page
        .getByRole('table', { name: 'Begränsade personer' })
        .getByRole('link', { name: `Rut Rättelse ${name}` });
      expect(await link.getAttribute('href')).toBe(`/actors/${restricted}`);
      expect(await pageProblems(page)).toEqual([]);
      await screenshot(page, 'data-protection');
      await page.close();
    },
  );

  it('warns what turning on a culling rule does, and refuses it without a decision at the field', async () => {
    const page = await desktop.newPage();
    await page.goto('/admin/dataskydd');
    await page.getByRole('button', { name: 'Ändra regeln ”Avvisade rader i importer”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra regeln ”Avvisade rader i importer”' });
    const decision = dialog.getByRole('textbox', { name: /Beslut \(diarienummer\)/ });
    await decision.fill('');
    const active = dialog.getByRole('checkbox', { name: 'Aktiv' });
    if (!(await active.isChecked())) await dialog.getByText('Aktiv', { exact: true }).click();
    expect(await active.isChecked()).toBe(true);
    await dialog.getByText(/^Nästa körning raderar .+ Det går inte att ångra\.$/).waitFor();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText(/kan bara vara aktiv med ett gallringsbeslut/).waitFor();
    expect(await decision.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await decision.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(description).toMatch(/kan bara vara aktiv med ett gallringsbeslut/);
    // Still asking: nothing was saved, and no question to confirm was put.
    expect(await dialog.getByRole('heading', { name: 'Vill du göra regeln aktiv?' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await page.close();
  });
});

describe('Data protection for event staff', () => {
  it('hides a restricted person from search and their page, and shows no data protection at all', async () => {
    const personId = await createPerson('Berit Begränsad', 'berit@dataskydd.test');
    await adminGraphql(
      `mutation ($id: ID!) { restrictProcessing(actorId: $id, reason: "Invändning") { id } }`,
      {
        id: personId,
      },
    );
    const staff = await newContext(browser, DESKTOP);
    await signInContext(staff, await createUser('EVENT_STAFF', 'Dataskydd Entré'));
    const page = await staff.newPage();
    await page.goto(`/actors?sok=${encodeURIComponent('Berit Begränsad')}`);
    await page.getByText('Ingen aktör matchar sökningen.').waitFor();
    expect(await page.locator('a[href="/admin/dataskydd"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Dataskydd', exact: true }).count()).toBe(0);
    await page.goto(`/actors/${personId}`);
    await page.getByRole('heading', { level: 1, name: 'Aktören hittades inte' }).waitFor();
    expect(await page.getByText('Berit Begränsad').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Dataskydd' }).count()).toBe(0);
    expect(await page.locator('a[href="/admin/dataskydd"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Dataskydd', exact: true }).count()).toBe(0);
    await staff.close();
  });
});
