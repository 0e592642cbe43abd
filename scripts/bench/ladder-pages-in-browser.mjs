// Benchmark step: the strategists' aggregate pages in Debian's Chromium (headless, the browser
// suite's flags, a fresh profile), signed in as a STRATEGIST made for the bench, at desktop size, on
// the bench database. Needs the web app built into dist/apps/web, which the API serves.
//
// a. the ladder dashboard (/ladder): opened SAMPLES times, each in a fresh context (the first with an
//    empty HTTP cache, the rest with the app's files cached as a returning user has them). Timed in
//    the page from navigation start (performance.now(), whose origin is the navigation) to:
//    - ready: the page marks its container data-ready="true" (the distribution table shows the
//      API's numbers);
//    - interactive: ready, and no long task (> 50 ms, PerformanceObserver 'longtask') after it for
//      a quiet window of QUIET_MS: the end of the last long task, or ready when there was none
//      (Time to Interactive's rule, measured from the navigation). Target ≤ 2 s.
// b. the map (/ladder/map): from the navigation start to the SVG (data-testid="municipality-map")
//    marked data-ready="true" (every municipality drawn with its number), both
//    - in the app: the "Karta" link clicked on the dashboard (the way users get there), timed from
//      the click in the page; and
//    - opened directly (a full page load with cached files).
//    Target ≤ 500 ms.
/* global window, document, MutationObserver -- functions run in the page */
import { createUserWithPassword, launchChromium, round, sleep, stats as summarise } from './chromium.mjs';

const PASSWORD = 'Trappan i Skellefteå, steg för steg 2026';
const DESKTOP = { width: 1280, height: 800 };
const SAMPLES = 6;
const QUIET_MS = 2_000;
const TIMEOUT_MS = 30_000;

/** The statistics with every sample kept (few samples: the reader sees their spread). */
const stats = (values) => ({ ...summarise(values), all: values.map((v) => round(v)) });

// In the page, before any of its scripts: when each readiness mark first appears, and the long tasks.
function installProbes() {
  window.__bench = { marks: {}, longTasks: [] };
  const marks = {
    dashboard: 'main [data-ready="true"], [data-ready="true"]:not(svg)',
    map: 'svg[data-testid="municipality-map"][data-ready="true"]',
  };
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (window.__bench.marks[name] === undefined && document.querySelector(selector)) {
        window.__bench.marks[name] = performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__bench.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing: interactive = ready
  }
}

async function mark(page, name) {
  await page.waitForFunction((n) => window.__bench?.marks?.[n] !== undefined, name, {
    timeout: TIMEOUT_MS,
    polling: 50,
  });
  return page.evaluate((n) => window.__bench.marks[n], name);
}

/** Ready, then a quiet window without long tasks: the end of the last one after ready, or ready. */
async function interactiveAfter(page, readyAt) {
  for (;;) {
    const { now, tasks } = await page.evaluate(() => ({
      now: performance.now(),
      tasks: window.__bench.longTasks,
    }));
    const lastEnd = Math.max(readyAt, ...tasks.filter((t) => t.end > readyAt).map((t) => t.end));
    if (now - lastEnd >= QUIET_MS) return lastEnd;
    await sleep(200);
  }
}

/** What a page fetched and when (ms from the navigation start): where a direct load's time goes. */
function resourceTimeline(page) {
  return page.evaluate(() => [
    ...performance
      .getEntriesByType('navigation')
      .map((e) => ({ name: 'document', start: e.startTime, end: e.responseEnd })),
    ...performance.getEntriesByType('resource').map((e) => ({
      name: new URL(e.name).pathname.replace(/-[\w-]{8}\.(js|css|geojson)$/, '.$1'),
      start: Math.round(e.startTime),
      end: Math.round(e.responseEnd),
    })),
  ]);
}

export async function measureLadderPagesInBrowser({ baseUrl, gql, log = () => {} }) {
  const user = await createUserWithPassword({
    baseUrl,
    gql,
    role: 'STRATEGIST',
    name: 'Bench strategist',
    emailPrefix: 'bench-ladder',
    password: PASSWORD,
  });
  const { browser, close } = await launchChromium();
  try {
    // One browser context keeps the HTTP cache between samples (a returning user); the first sample's
    // cache is empty. Each sample is a new page (a new navigation, nothing of the app in memory).
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: DESKTOP,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      serviceWorkers: 'block',
    });
    await context.addInitScript(installProbes);
    const signIn = await context.request.post('/auth/sign-in', {
      data: { email: user.email, password: user.password },
      headers: { 'apollo-require-preflight': 'true' },
    });
    if (!signIn.ok()) throw new Error(`sign-in refused: ${signIn.status()} ${await signIn.text()}`);

    const ready = [];
    const interactive = [];
    const mapInApp = [];
    const mapDirect = [];
    let cold = null;
    let waterfall = null;
    for (let i = 0; i < SAMPLES; i++) {
      const page = await context.newPage();
      await page.goto('/ladder', { waitUntil: 'commit' });
      const readyAt = await mark(page, 'dashboard');
      const interactiveAt = await interactiveAfter(page, readyAt);
      if (i === 0) cold = { readyMs: round(readyAt), interactiveMs: round(interactiveAt) };
      else {
        ready.push(readyAt);
        interactive.push(interactiveAt);
      }
      // The map from the dashboard's navigation, timed from the click.
      const clickedAt = await page.evaluate(() => {
        const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === 'Karta');
        if (!link) throw new Error('no "Karta" link in the navigation');
        const t = performance.now();
        link.click();
        return t;
      });
      mapInApp.push((await mark(page, 'map')) - clickedAt);
      await page.close();

      const direct = await context.newPage();
      await direct.goto('/ladder/map', { waitUntil: 'commit' });
      mapDirect.push(await mark(direct, 'map'));
      if (i === SAMPLES - 1) waterfall = await resourceTimeline(direct);
      await direct.close();
    }
    const result = {
      samples: SAMPLES,
      dashboardColdCache: cold,
      dashboardReady: stats(ready),
      dashboardInteractive: stats(interactive),
      mapInApp: stats(mapInApp),
      mapDirect: stats(mapDirect),
      mapDirectWaterfall: waterfall,
    };
    log(`ladder pages: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await close();
  }
}
