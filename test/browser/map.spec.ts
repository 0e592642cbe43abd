import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
  type TestUser,
  signInContext,
} from './support/browser';
import { createEventToday } from './support/fixtures';

jest.setTimeout(120_000);

/** Persons made engaged in three of the county's municipalities (by attending; one gave input). */
const PEOPLE: { name: string; municipalityCode: string; input?: boolean }[] = [
  { name: 'Kart Umeå Ett', municipalityCode: '2480', input: true },
  { name: 'Kart Umeå Två', municipalityCode: '2480' },
  { name: 'Kart Umeå Tre', municipalityCode: '2480' },
  { name: 'Kart Skellefteå Ett', municipalityCode: '2482' },
  { name: 'Kart Skellefteå Två', municipalityCode: '2482' },
  { name: 'Kart Vilhelmina Ett', municipalityCode: '2462' },
];

/** Engaged in the last ended quarter, for the committee: Lycksele's two are fewer than k (3). */
const QUARTER_PEOPLE: { name: string; municipalityCode: string }[] = [
  { name: 'Kart Kvartal Umeå Ett', municipalityCode: '2480' },
  { name: 'Kart Kvartal Umeå Två', municipalityCode: '2480' },
  { name: 'Kart Kvartal Umeå Tre', municipalityCode: '2480' },
  { name: 'Kart Kvartal Umeå Fyra', municipalityCode: '2480' },
  { name: 'Kart Kvartal Lycksele Ett', municipalityCode: '2481' },
  { name: 'Kart Kvartal Lycksele Två', municipalityCode: '2481' },
];

interface Bucket {
  group: string;
  total: number | null;
}

/** The API's engaged actors per municipality (admin token: exact numbers), today by default. */
async function distribution(asOf: string | null = null): Promise<Map<string, number>> {
  const data = await adminGraphql<{ ladderDistribution: Bucket[]; ladderStatus: { pending: number } }>(
    `query ($asOf: Date) { ladderDistribution(groupBy: MUNICIPALITY, asOf: $asOf) { group total }
       ladderStatus { pending } }`,
    { asOf },
  );
  if (data.ladderStatus.pending > 0) throw new Error('the worker is still placing actors');
  return new Map(data.ladderDistribution.map((b) => [b.group, b.total ?? -1]));
}

/** The map's municipalities: code and accessible name ("Umeå: 3 engagerade aktörer"). */
async function mapNames(map: Locator): Promise<{ code: string; name: string }[]> {
  return map.getByRole('link').evaluateAll((links) =>
    links.map((l) => ({
      code: l.getAttribute('data-code') ?? '',
      name: l.getAttribute('aria-label') ?? '',
    })),
  );
}

const NAME = /^(.+): (\d[\d\s\u00a0]*) engagerade aktörer$/;
const numberOf = (name: string) => Number(NAME.exec(name)?.[2].replace(/[\s\u00a0]/g, '') ?? NaN);

let browser: Browser;
let close: () => Promise<void>;
let strategist: TestUser;
let committee: TestUser;

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  [strategist, committee] = await Promise.all([
    createUser('STRATEGIST', 'Karta Strateg'),
    createUser('COMMITTEE', 'Karta Nämnd'),
  ]);
  const eventId = await createEventToday('Kartträff i Lycksele');
  const pastEventId = await createPastEvent('Kartträff förra kvartalet', quarterEnd(), 14);
  const attend = async (
    event: string,
    person: { name: string; municipalityCode: string },
  ): Promise<string> => {
    const { createPerson } = await adminGraphql<{ createPerson: { id: string } }>(
      `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { name: person.name, municipalityCode: person.municipalityCode, sector: 'BUSINESS' } },
    );
    await adminGraphql(
      `mutation ($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
      { input: { eventId: event, actorId: createPerson.id, role: 'AUDIENCE', status: 'ATTENDED' } },
    );
    return createPerson.id;
  };
  for (const person of QUARTER_PEOPLE) await attend(pastEventId, person);
  for (const person of PEOPLE) {
    const id = await attend(eventId, person);
    if (person.input) {
      await adminGraphql(
        `mutation ($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`,
        { input: { actorId: id, eventId, kind: 'INPUT', occurredOn: today() } },
      );
    }
  }
  // The worker places them on the ladder asynchronously.
  await eventually(
    async () => {
      const d = await distribution();
      return (d.get('2480') ?? 0) >= 3 && (d.get('2482') ?? 0) >= 2 && (d.get('2462') ?? 0) >= 1;
    },
    true,
    { timeout: 30_000, interval: 300 },
  );
  await eventually(async () => ((await distribution(quarterEnd())).get('2481') ?? 0) >= 2, true, {
    timeout: 30_000,
    interval: 300,
  });
});
afterAll(async () => close?.());

function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** The last day of the last quarter that has ended (the committee's default date). */
function quarterEnd(): string {
  const [year, month] = today().split('-').map(Number);
  const firstMonthOfQuarter = Math.floor((month - 1) / 3) * 3 + 1;
  // Day 0 of the quarter's first month is the last day of the quarter before.
  return new Date(Date.UTC(year, firstMonthOfQuarter - 1, 0)).toISOString().slice(0, 10);
}

/** An event `daysBefore` days before `day` (a past event: its attendance is recorded afterwards). */
async function createPastEvent(title: string, day: string, daysBefore: number): Promise<string> {
  const startsAt = new Date(Date.parse(`${day}T09:00:00Z`) - daysBefore * 86_400_000);
  const data = await adminGraphql<{ createEvent: { id: string } }>(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        meetingPlace: 'MOTESPLATS_LYCKSELE',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        format: 'SEMINAR',
      },
    },
  );
  return data.createEvent.id;
}

async function signedIn(
  user: TestUser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInContext(context, user);
  return context;
}

/** Opens the map and waits until it is drawn with data. */
async function openMap(page: Page, url = '/ladder/map'): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Karta' }).waitFor();
  const map = page.getByTestId('municipality-map');
  await page.locator('[data-testid="municipality-map"][data-ready="true"]').waitFor();
  return map;
}

/** Level-1 heading, no serious axe violation, nothing wider than the screen. */
async function pageProblems(page: Page, what: string): Promise<string[]> {
  const failures = (await seriousAccessibilityViolations(page)).map((v) => `${what}: ${v}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) failures.push(`${what}: ${overflow} px wider than the viewport`);
  return failures;
}

describe('The map of engaged actors per municipality', () => {
  it("shows the API's 15 numbers as the municipalities' names, and Enter opens the dashboard", async () => {
    const context = await signedIn(strategist, DESKTOP);
    const page = await context.newPage();
    // Other files' actors may still be placed while this runs: compare the same moment's answers.
    let last = '';
    await eventually(
      async () => {
        const map = await openMap(page);
        const api = await distribution();
        const names = await mapNames(map);
        const wrong = names.filter(({ code, name }) => numberOf(name) !== (api.get(code) ?? 0));
        last = JSON.stringify({ count: names.length, wrong });
        return names.length === 15 && wrong.length === 0;
      },
      true,
      { timeout: 20_000, interval: 500 },
    ).catch((e: Error) => {
      throw new Error(`${e.message}: ${last}`);
    });
    const names = await mapNames(page.getByTestId('municipality-map'));
    expect(names.every(({ name }) => NAME.test(name))).toBe(true);
    // The county's 15 municipalities, each once.
    expect(new Set(names.map((n) => n.code)).size).toBe(15);
    expect(names.every((n) => /^24\d\d$/.test(n.code))).toBe(true);
    expect(numberOf(names.find((n) => n.code === '2480')?.name ?? '')).toBeGreaterThanOrEqual(3);
    // The accessible name is what a screen reader hears (computed by the browser, not just the attribute).
    const umea = names.find((n) => n.code === '2480')?.name ?? '';
    await page.getByTestId('municipality-map').getByRole('link', { name: umea, exact: true }).waitFor();
    expect(await pageProblems(page, 'desktop')).toEqual([]);
    await screenshot(page, 'map');

    // The keyboard: Tab until a municipality has focus, Enter opens the dashboard filtered to it.
    await page.getByRole('heading', { level: 1 }).focus();
    let code: string | null = null;
    for (let i = 0; i < 30 && !code; i++) {
      await page.keyboard.press('Tab');
      code = await page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
    }
    expect(code).toMatch(/^24\d\d$/);
    // A ring drawn over the focused municipality, and its figures beside the map.
    expect(await page.locator('.map__ring--focus').count()).toBe(1);
    await screenshot(page, 'map-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/ladder' && url.search === `?municipality=${code}`);

    // The whole of Sweden: the same query, 290 municipalities drawn.
    await openMap(page, '/ladder/map?view=sweden&measure=share');
    expect(await page.locator('[data-testid="municipality-map"] .map__areas path').count()).toBe(290);
    expect(await pageProblems(page, 'sweden')).toEqual([]);
    await screenshot(page, 'map-sweden-share');
    await context.close();
  });

  it('fits a phone screen without a serious accessibility violation', async () => {
    const context = await signedIn(strategist, PHONE);
    const page = await context.newPage();
    // From the navigation, as a user arrives.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Karta' }).click();
    await page.locator('[data-testid="municipality-map"][data-ready="true"]').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Karta' }).waitFor();
    expect(await pageProblems(page, 'phone')).toEqual([]);
    await screenshot(page, 'map');
    // The narrowest screen the app supports: still nothing wider than it.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('opens for the committee, with counts only and no name of a person', async () => {
    const context = await signedIn(committee, PHONE);
    const page = await context.newPage();
    const map = await openMap(page);
    const names = await mapNames(map);
    expect(names).toHaveLength(15);
    // Two persons in Lycksele are fewer than k: withheld, and said so instead of a number.
    expect(names.find((n) => n.code === '2481')?.name).toBe('Lycksele: skyddat antal engagerade aktörer');
    for (const { name } of names)
      expect(name).toMatch(/^.+: (\d[\d\s\u00a0]*|skyddat antal) engagerade aktörer$/);
    expect(await page.getByRole('button', { name: /Kvartal/ }).count()).toBe(1);
    const text = await page.locator('main').innerText();
    for (const person of [...PEOPLE, ...QUARTER_PEOPLE]) expect(text).not.toContain(person.name);
    expect(await pageProblems(page, 'committee')).toEqual([]);
    await screenshot(page, 'map-committee');
    await context.close();
  });
});
