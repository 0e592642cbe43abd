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

jest.setTimeout(120_000);

const STEPS = ['AWARENESS', 'INTEREST', 'PARTICIPATION', 'COLLABORATION', 'INFLUENCE'];
/** The step names as the matrix's headers show them (spaces left out, as the cells are read). */
const STEP_NAMES: Record<string, string> = {
  AWARENESS: 'Medvetenhet',
  INTEREST: 'Intresse',
  PARTICIPATION: 'Deltagande',
  COLLABORATION: 'Samverkan',
  INFLUENCE: 'Påverkanochhandling',
};

/** Today on Stockholm's calendar ("2026-12-04"), as the dashboard reads it. */
const stockholmToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
const stockholmDaysAgo = (days: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() - days * 86_400_000),
  );

/** The last day of the quarter before the one `date` falls in. */
function previousQuarterEnd(date: string): string {
  const [year, month] = date.split('-').map(Number);
  const quarter = Math.floor((month - 1) / 3) + 1;
  const [y, q] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  return new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
}

async function createEvent(meetingPlace: string, title: string, startsAt: Date): Promise<string> {
  const data = await adminGraphql<{ createEvent: { id: string } }>(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        meetingPlace,
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
        format: 'SEMINAR',
      },
    },
  );
  return data.createEvent.id;
}

async function createPerson(name: string, sector: string, municipalityCode: string): Promise<string> {
  const data = await adminGraphql<{ createPerson: { id: string } }>(
    `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { name, sector, municipalityCode } },
  );
  return data.createPerson.id;
}

async function register(eventId: string, actorId: string, role: string, status?: string): Promise<void> {
  await adminGraphql(
    `mutation ($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
    { input: { eventId, actorId, role, ...(status ? { status } : {}) } },
  );
}

async function checkIn(eventId: string, actorId: string): Promise<void> {
  await adminGraphql(`mutation ($input: CheckInInput!) { checkIn(input: $input) { id } }`, {
    input: { eventId, actorId },
  });
}

/** How many of the actors the ladder has placed on `asOf` (the worker places them asynchronously). */
async function placed(ids: string[], asOf: string): Promise<number> {
  const data = await adminGraphql<Record<string, { ladderAt: { step: string } | null }>>(
    `query ($asOf: Date!) { ${ids.map((id, i) => `a${i}: actor(id: "${id}") { ladderAt(asOf: $asOf) { step } }`).join(' ')} }`,
    { asOf },
  );
  return Object.values(data).filter((a) => a.ladderAt !== null).length;
}

async function pending(): Promise<number> {
  return (await adminGraphql<{ ladderStatus: { pending: number } }>(`{ ladderStatus { pending } }`))
    .ladderStatus.pending;
}

const TODAY_SPEAKERS = ['Sara Scen', 'Petter Panel'];
const TODAY_AUDIENCE = ['Anja Almedal', 'Bo Bänk', 'Cissi Publik', 'Dan Lyssnare'];
const LAST_QUARTER = ['Kajsa Kvartal', 'Leo Kvartal', 'Maja Kvartal', 'Nils Kvartal'];

let browser: Browser;
let close: () => Promise<void>;
let strategist: TestUser;
let committee: TestUser;
let today: string;

beforeAll(async () => {
  ({ browser, close } = await launchChromium());
  today = stockholmToday();
  [strategist, committee] = await Promise.all([
    createUser('STRATEGIST', 'Trappa Strateg'),
    createUser('COMMITTEE', 'Trappa Nämnd'),
  ]);
  // Today at Almedalen: two speakers (Intresse) and four in the audience (Medvetenhet), in two sectors.
  const todayEvent = await createEvent('ALMEDALEN', 'Trappans dag i Visby', new Date(Date.now() - 3_600_000));
  const names = [...TODAY_SPEAKERS, ...TODAY_AUDIENCE];
  const ids = await Promise.all(
    names.map((name, i) =>
      createPerson(name, i % 2 === 0 ? 'PUBLIC_SECTOR' : 'BUSINESS', i % 2 === 0 ? '2481' : '2480'),
    ),
  );
  for (const [i, id] of ids.entries()) {
    await register(todayEvent, id, i < TODAY_SPEAKERS.length ? 'SPEAKER' : 'AUDIENCE');
    await checkIn(todayEvent, id);
  }
  // In the last ended quarter, so the committee (quarter ends only, no count under three) sees them.
  const quarterEnd = previousQuarterEnd(today);
  const earlier = new Date(`${quarterEnd}T08:00:00Z`);
  earlier.setUTCDate(earlier.getUTCDate() - 20);
  const pastEvent = await createEvent('GRAND_HOTEL', 'Trappans kvartal på Grand', earlier);
  const pastIds = await Promise.all(LAST_QUARTER.map((name) => createPerson(name, 'ACADEMIA', '2480')));
  for (const id of pastIds) await register(pastEvent, id, 'AUDIENCE', 'ATTENDED');

  await eventually(() => placed(ids, today), ids.length, { timeout: 30_000, interval: 300 });
  await eventually(() => placed(pastIds, quarterEnd), pastIds.length, { timeout: 30_000, interval: 300 });
  await eventually(pending, 0, { timeout: 30_000, interval: 300 });
});
afterAll(async () => close?.());

async function signedIn(
  user: TestUser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await newContext(browser, viewport);
  await signInContext(context, user);
  return context;
}

/** Console errors about the CSP (an inline style or eval refused) and uncaught errors, as they come. */
function watchForViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' || !/Content Security Policy|Refused to/i.test(text)) return;
    found.push(`${text} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => found.push(`page error: ${error.message}`));
  return found;
}

/** Opens the dashboard and waits for its tables and charts. */
async function openDashboard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-ready="true"]').waitFor();
  await page.getByRole('table', { name: /de senaste åtta kvartalen/ }).waitFor();
  // Every chart drawn (a chart whose numbers are all 0 is left out, with a line saying so).
  await page.waitForFunction(() => {
    const boxes = [...document.querySelectorAll('.ladder-chart-box')];
    return boxes.length > 0 && boxes.every((box) => box.querySelector('canvas'));
  });
}

async function pageChecks(page: Page, name: string): Promise<string[]> {
  const failures = await seriousAccessibilityViolations(page);
  // Nothing wider than the screen at phone size (WCAG 1.4.10 reflow): wide tables scroll in their own box.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 1) failures.push(`${overflow} px wider than the viewport`);
  await screenshot(page, name);
  return failures;
}

describe('The ladder dashboard', () => {
  it('shows a strategist the same numbers as the API, grouped by sector (desktop and phone)', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'ladder-strategist'],
      [PHONE, 'ladder-strategist'],
    ] as const) {
      const context = await signedIn(strategist, viewport);
      const page = await context.newPage();
      const violations = watchForViolations(page);
      await openDashboard(page, '/ladder?groupBy=SECTOR');

      const shown = await page
        .getByTestId('ladder-distribution')
        .evaluate((table) =>
          [...table.querySelectorAll('tbody tr')].map((row) =>
            [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s/g, '')),
          ),
        );
      const api = await adminGraphql<{
        ladderDistribution: { label: string; total: number; steps: { step: string; count: number }[] }[];
      }>(
        `query ($asOf: Date!) { ladderDistribution(asOf: $asOf, groupBy: SECTOR) { label total steps { step count } } }`,
        { asOf: today },
      );
      const expected = api.ladderDistribution.map((b) => [
        b.label.replace(/\s/g, ''),
        ...STEPS.map((step) => String(b.steps.find((s) => s.step === step)?.count ?? 0)),
        String(b.total),
      ]);
      expect(expected.length).toBeGreaterThanOrEqual(2);
      expect(shown).toEqual(expected);

      expect(await pageChecks(page, name)).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    }
  });

  it('shows the same distribution and movement matrix as the API for the same dates and filter', async () => {
    const from = stockholmDaysAgo(40);
    const filter = { meetingPlace: 'ALMEDALEN', kind: 'PERSON' };
    const context = await signedIn(strategist, DESKTOP);
    const page = await context.newPage();
    const violations = watchForViolations(page);
    await openDashboard(
      page,
      `/ladder?groupBy=SECTOR&meetingPlace=ALMEDALEN&kind=PERSON&asOf=${today}&from=${from}&to=${today}`,
    );

    const cellsOf = (testId: string) =>
      page
        .getByTestId(testId)
        .evaluate((table) =>
          [...table.querySelectorAll('tr')].map((row) =>
            [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s/g, '')),
          ),
        );
    const api = await adminGraphql<{
      ladderDistribution: { label: string; total: number; steps: { step: string; count: number }[] }[];
      ladderTransitions: { from: string | null; to: string | null; count: number }[];
    }>(
      `query ($asOf: Date!, $from: Date!, $filter: LadderFilterInput) {
         ladderDistribution(asOf: $asOf, groupBy: SECTOR, filter: $filter) { label total steps { step count } }
         ladderTransitions(from: $from, to: $asOf, filter: $filter) { from to count } }`,
      { asOf: today, from, filter },
    );
    const distribution = (await cellsOf('ladder-distribution')).slice(1);
    expect(distribution.length).toBeGreaterThan(0);
    expect(distribution).toEqual(
      api.ladderDistribution.map((b) => [
        b.label.replace(/\s/g, ''),
        ...STEPS.map((step) => String(b.steps.find((s) => s.step === step)?.count ?? 0)),
        String(b.total),
      ]),
    );
    expect(api.ladderTransitions.reduce((sum, t) => sum + t.count, 0)).toBeGreaterThan(0);

    // The matrix: rows are the step on `from`, columns the step on `to`, "Inte engagerad" for null.
    const [header, ...rows] = await cellsOf('ladder-matrix');
    const nameOf = (step: string | null) => (step === null ? 'Inteengagerad' : STEP_NAMES[step]);
    const shown = new Map<string, number>();
    for (const row of rows) {
      row.slice(1).forEach((cell, i) => {
        const count = Number(cell);
        if (Number.isFinite(count) && count > 0) shown.set(`${row[0]}→${header[i + 1]}`, count);
      });
    }
    const expected = new Map(
      api.ladderTransitions
        .filter((t) => t.count > 0)
        .map((t) => [`${nameOf(t.from)}→${nameOf(t.to)}`, t.count]),
    );
    expect(shown).toEqual(expected);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('lets a strategist open a cell of the movement matrix and see those actors by name', async () => {
    const context = await signedIn(strategist, DESKTOP);
    const page = await context.newPage();
    const violations = watchForViolations(page);
    await openDashboard(page, '/ladder?meetingPlace=ALMEDALEN');
    await page
      .getByRole('button', { name: 'Ta bort filtret Mötesplats: Västerbotten i Almedalen' })
      .waitFor();
    await page
      .getByRole('button', { name: 'Visa de 2 aktörerna som gick från Inte engagerad till Intresse' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Från Inte engagerad till Intresse' });
    for (const name of TODAY_SPEAKERS) await dialog.getByRole('link', { name }).waitFor();
    expect(await dialog.getByRole('link').count()).toBe(TODAY_SPEAKERS.length);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'ladder-matrix-actors');
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('shows the committee the last quarter with numbers only: no cell buttons, no names (phone and desktop)', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await signedIn(committee, viewport);
      const page = await context.newPage();
      const violations = watchForViolations(page);
      await openDashboard(page, '/ladder');
      const matrix = page.getByTestId('ladder-matrix');
      expect(await matrix.getByRole('button').count()).toBe(0);
      // The four who attended last quarter went from not engaged to Medvetenhet: a number, not a button.
      const newcomers = await matrix.locator('tbody tr').first().locator('td').first().textContent();
      expect(Number((newcomers ?? '').replace(/\s/g, ''))).toBeGreaterThanOrEqual(LAST_QUARTER.length);
      const text = await page.locator('main').innerText();
      for (const name of [...LAST_QUARTER, ...TODAY_SPEAKERS, ...TODAY_AUDIENCE])
        expect(text).not.toContain(name);
      expect(await pageChecks(page, 'ladder-committee')).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    }
  });
});
