// `npm test`: the whole gate, in order, failing fast with the step named:
//   prettier --check, eslint, tsc (typecheck incl. tests), build, jest (unit + integration).
//
//   npm test                          everything (needs PostgreSQL + Redis; found or started for you)
//   npm test -- --unit-only           only the unit Jest project; no services, no static checks
//   npm test -- --integration-only    only the integration Jest project (services started as needed)
//   npm test -- <jest args>           extra arguments go to Jest, e.g. `npm test -- -t "ladder"`
//
// Node built-ins only at the top level (runs before node_modules exists).
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureServices, redact, repoRoot } from './services.mjs';

const npxCmd = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const log = (message) => console.log(`[test] ${message}`);

const argv = process.argv.slice(2);
const unitOnly = argv.includes('--unit-only');
const integrationOnly = argv.includes('--integration-only');
const jestExtra = argv.filter((a) => a !== '--unit-only' && a !== '--integration-only');
if (jestExtra[0] === '--') jestExtra.shift();

let current = null; // the running step's child process
let services = null;
let interrupted = false;

function run(name, command, args, env) {
  return new Promise((resolve) => {
    console.log(`\n[test] ▶ ${name}: ${[command, ...args].join(' ')}`);
    const started = Date.now();
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
    current = child;
    const done = (code) => {
      current = null;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[test] ${code === 0 ? '✔' : '✖'} ${name} (${seconds} s)`);
      resolve({ name, code, seconds });
    };
    child.once('error', (err) => {
      console.error(`[test] could not run ${command}: ${err.message}`);
      done(127);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
  });
}

async function exit(code) {
  if (services) await services.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping`);
    if (current && current.exitCode === null) current.kill(signal);
    const code = signal === 'SIGINT' ? 130 : 143;
    if (!current) void exit(code);
    else current.once('exit', () => void exit(code));
  });
}

async function main() {
  await ensureDependencies({ log });

  const env = {
    ...process.env,
    TZ: 'UTC',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  };
  if (!unitOnly) {
    services = await ensureServices({ databaseName: 'postgres', log });
    if (interrupted) return exit(130);
    env.DATABASE_URL = services.databaseUrl; // the server's `postgres` db: tests make their own databases
    env.REDIS_URL = services.redisUrl;
    log(`DATABASE_URL=${redact(env.DATABASE_URL)}  REDIS_URL=${redact(env.REDIS_URL)}`);
  }

  const steps = [];
  if (!unitOnly && !integrationOnly) {
    steps.push(
      ['prettier', npxCmd, ['prettier', '--check', '.']],
      ['eslint', npxCmd, ['eslint', '.', '--max-warnings', '0']],
      ['typecheck', npxCmd, ['tsc', '-p', 'tsconfig.json']],
      // The web app's typed operations must match the committed schema (test/e2e/committed-schema.spec.ts
      // checks the schema against the API): codegen --check fails when apps/web/src/gql is stale.
      ['codegen', npxCmd, ['graphql-codegen', '--config', 'apps/web/codegen.ts', '--check']],
      ['typecheck:web', npxCmd, ['tsc', '-p', 'apps/web/tsconfig.json']],
      ['build', npmCmd, ['run', 'build']],
      ['build:web', npmCmd, ['run', 'build:web']],
      ['vitest', npxCmd, ['vitest', 'run', '--config', 'apps/web/vite.config.mts']],
    );
  }
  const select = unitOnly
    ? ['--selectProjects', 'unit']
    : integrationOnly
      ? ['--selectProjects', 'integration']
      : ['--selectProjects', 'unit', 'integration'];
  steps.push(['jest', npxCmd, ['jest', '--ci', ...select, ...jestExtra]]);
  // The browser suite (Playwright driving Debian's Chromium) against the built API, worker and web app.
  if (!unitOnly && !integrationOnly) steps.push(['browser', 'node', ['scripts/browser-tests.mjs']]);

  const results = [];
  for (const [name, command, args] of steps) {
    if (interrupted) return;
    const result = await run(name, command, args, env);
    results.push(result);
    if (interrupted) return;
    if (result.code !== 0) {
      summary(results);
      console.error(`\n[test] ✖ step "${name}" failed (exit code ${result.code})`);
      return exit(result.code);
    }
  }
  summary(results);
  log('✔ all steps passed');
  return exit(0);
}

function summary(results) {
  console.log('\n[test] step times:');
  for (const r of results)
    console.log(`  ${r.code === 0 ? '✔' : '✖'} ${r.name.padEnd(10)} ${r.seconds.padStart(6)} s`);
}

main().catch(async (err) => {
  console.error(`[test] ${err.message}`);
  await exit(1);
});
