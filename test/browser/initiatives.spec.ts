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
import { createPerson } from './support/fixtures';

jest.setTimeout(120_000);

let browser: Browser;
let close: () => Promise<void>;
let staff: TestUser;
let listedId: string;

interface Members {
  initiative: { members: { edges: { node: { leftOn: string | null; actor: { name: string } } }[] } } | null;
}

async function members(id: string) {
  const data = await adminGraphql<Members>(
    `query ($id: ID!) { initiative(id: $id) { members(first: 50) { edges { node { leftOn actor { name } } } } } }`,
    { id },
  );
  return data.initiative?.members.edges.map((e) => e.node) ?? [];
}

async function signedIn(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInContext(context, staff);
  return context;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  staff = await createUser('EVENT_STAFF', 'Inga Initiativ');
  await createPerson('Ingrid Initiativsdóttir', 'ingrid@initiativ.test');
  // An initiative with a current and a former member, for the pages at both sizes.
  const created = await adminGraphql<{ createInitiative: { id: string } }>(
    `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
    {
      input: {
        name: 'Samverkan för kompetensförsörjning i inlandet',
        kind: 'COLLABORATION',
        meetingPlace: 'MOTESPLATS_LYCKSELE',
        startedOn: '2026-01-15',
        topics: ['kompetensförsörjning', 'inlandet'],
      },
    },
  );
  listedId = created.createInitiative.id;
  const [kalle, lena] = await Promise.all([
    createPerson('Kalle Kompetens', null),
    createPerson('Lena Lämnade', null),
  ]);
  const join = (actorId: string, role: string) =>
    adminGraphql(`mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`, {
      input: { initiativeId: listedId, actorId, role, joinedOn: '2026-01-15' },
    });
  await join(kalle, 'LEAD');
  await join(lena, 'MEMBER');
  await adminGraphql(`mutation ($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { id } }`, {
    input: { initiativeId: listedId, actorId: lena, leftOn: '2026-03-01' },
  });
});
afterAll(async () => close?.());

describe('Initiatives', () => {
  it('creates an initiative through the form, adds a member and ends the membership', async () => {
    const context = await signedIn(DESKTOP);
    const page = await context.newPage();
    await page.goto('/initiatives');
    await page.getByRole('link', { name: 'Nytt initiativ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt initiativ' }).waitFor();
    const name = 'Arbetsgrupp vätgas Västerbotten';
    await page.getByRole('textbox', { name: 'Namn' }).fill(name);
    await page.getByRole('button', { name: /Typ/ }).click();
    await page.getByRole('option', { name: 'Arbetsgrupp' }).click();
    await page.getByRole('textbox', { name: 'Ämnen' }).fill('energi, vätgas');
    await page.getByRole('button', { name: 'Skapa initiativet' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(`Initiativet ${name} är skapat.`).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';

    await page.getByRole('button', { name: 'Lägg till medlem' }).click();
    const dialog = page.getByRole('dialog', { name: `Lägg till medlem i ${name}` });
    await dialog.getByRole('combobox', { name: 'Aktör' }).fill('Ingrid');
    await page.getByRole('option', { name: /Ingrid Initiativsdóttir/ }).click();
    await dialog.getByRole('button', { name: 'Lägg till' }).click();
    const current = page.getByRole('table', { name: `Nuvarande medlemmar i ${name}` });
    await current.getByRole('link', { name: 'Ingrid Initiativsdóttir' }).waitFor();
    expect((await members(id)).map((m) => [m.actor.name, m.leftOn])).toEqual([
      ['Ingrid Initiativsdóttir', null],
    ]);

    await page.getByRole('button', { name: 'Avsluta medlemskap för Ingrid Initiativsdóttir' }).click();
    const leave = page.getByRole('dialog', { name: 'Avsluta medlemskap' });
    await leave.getByRole('textbox', { name: 'Sista dag' }).waitFor();
    await leave.getByRole('button', { name: 'Avsluta medlemskapet' }).click();
    const former = page.getByRole('table', { name: `Tidigare medlemmar i ${name}` });
    await former.getByRole('link', { name: 'Ingrid Initiativsdóttir' }).waitFor();
    expect(await page.getByText('Ingen är medlem just nu.').count()).toBe(1);
    const after = await members(id);
    expect(after).toHaveLength(1);
    expect(after[0].leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await context.close();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])(
    'the pages have a heading, no serious accessibility violation and fit the screen (%s)',
    async (_n, viewport) => {
      const context = await signedIn(viewport);
      const page = await context.newPage();
      const failures: string[] = [];
      for (const [shot, url] of [
        ['initiatives', '/initiatives'],
        ['initiative-new', '/initiatives/new'],
        ['initiative', `/initiatives/${listedId}`],
      ]) {
        await page.goto(url);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousAccessibilityViolations(page);
        if (violations.length) failures.push(`${url}: ${violations.join('; ')}`);
        const wider = await overflow(page);
        if (wider > 1) failures.push(`${url}: ${wider} px wider than the viewport`);
        await screenshot(page, shot);
      }
      expect(failures).toEqual([]);
      await page
        .getByRole('table', { name: /^Tidigare medlemmar/ })
        .getByText('Lena Lämnade')
        .waitFor();
      await context.close();
    },
  );
});
