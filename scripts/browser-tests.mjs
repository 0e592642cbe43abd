// The browser suite: Playwright (playwright-core) driving Debian's Chromium against the BUILT API,
// worker and web app (`npm run build` and `npm run build:web` first; nothing is rebuilt here).
// Installs the `chromium` package with apt-get when /usr/bin/chromium is missing, and says so
// (Playwright's own browser download cannot work on this network).
//
//   node scripts/browser-tests.mjs [jest args]   e.g. -t "door"
//
// Needs DATABASE_URL (a server URL; the suite makes its own database) and REDIS_URL, as `npm test` sets.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './services.mjs';

const log = (message) => console.log(`[browser] ${message}`);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  log(
    `${CHROMIUM} is missing: installing Debian's chromium package with apt-get (Playwright's download cannot work here)`,
  );
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args) =>
    spawnSync(asRoot[0] ?? args[0], asRoot.length ? [...asRoot.slice(1), ...args] : args.slice(1), {
      stdio: 'inherit',
    });
  let result = run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
  if (result.status !== 0) {
    run(['apt-get', 'update']);
    result = run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
  }
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(`could not install chromium (apt-get exit ${result.status}); install it and retry`);
  }
}

for (const built of [
  'dist/apps/api/src/main.js',
  'dist/apps/worker/src/main.js',
  'dist/apps/web/index.html',
]) {
  if (!existsSync(path.join(repoRoot, built))) {
    console.error(`[browser] ${built} is missing: run \`npm run build && npm run build:web\` first`);
    process.exit(1);
  }
}
ensureChromium();
const args = process.argv.slice(2);
const child = spawn(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['jest', '--ci', '--selectProjects', 'browser', '--runInBand', ...args],
  { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: CHROMIUM } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
