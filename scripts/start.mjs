// `npm start`: install, find or start PostgreSQL + Redis, build the API, worker and web app, migrate, seed
// demo data, then run the API (which serves the web app) and the worker until Ctrl-C. Node built-ins only at the top level (runs before node_modules exists).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseNameOf, ensureDependencies, ensureServices, redact, repoRoot } from './services.mjs';
import { firstAdminInvitation } from './invitation.mjs';

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const log = (message) => console.log(`[start] ${message}`);

const children = new Map(); // name -> ChildProcess, for signal forwarding

// Every child runs detached, in its own process group, so that a Ctrl-C reaches it once, through
// us, and the apps shut down before the services they use are stopped. We therefore signal the
// whole group: npm runs the script through `sh -c`, which does not pass signals on to node.
function spawnGroup(args, env) {
  return spawn(npmCmd, args, { cwd: repoRoot, env, stdio: 'inherit', detached: true });
}

const running = (child) => child.exitCode === null && child.signalCode === null;

function signalGroup(child, sig) {
  if (!running(child)) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    child.kill(sig);
  }
}

function runNpm(script, env) {
  return new Promise((resolve, reject) => {
    log(`npm run ${script}`);
    const child = spawnGroup(['run', script], env);
    children.set(script, child);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(script);
      if (code === 0) resolve();
      else reject(new Error(`npm run ${script} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function adminToken() {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const file = path.join(repoRoot, '.local', 'admin-token');
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved) return saved;
  }
  const token = randomBytes(32).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  log(`generated a new admin token in ${path.relative(repoRoot, file)}`);
  return token;
}

async function main() {
  await ensureDependencies({ log });

  const databaseName = databaseNameOf(process.env.DATABASE_URL, 'engagement_crm');
  const services = await ensureServices({ databaseName, log });
  let shuttingDown = false;

  const finish = async (code) => {
    await services.stop();
    process.exit(code);
  };

  const shutdown = async (sig) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${sig}: stopping ...`);
    const exits = [...children.values()].map(
      (child) => new Promise((resolve) => (running(child) ? child.once('exit', resolve) : resolve())),
    );
    for (const child of children.values()) signalGroup(child, sig);
    const force = setTimeout(() => {
      for (const child of children.values()) signalGroup(child, 'SIGKILL');
    }, 15000);
    await Promise.all(exits);
    clearTimeout(force);
    await finish(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const port = process.env.PORT || '3000';
    const env = {
      ...process.env,
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      PORT: port,
      ADMIN_TOKEN: adminToken(),
      // Development: introspection, the Apollo Sandbox landing page and field suggestions. Production
      // leaves GRAPHQL_INTROSPECTION unset, which means off. An explicit value in the environment wins.
      GRAPHQL_INTROSPECTION: process.env.GRAPHQL_INTROSPECTION ?? 'true',
    };
    log(`DATABASE_URL=${redact(env.DATABASE_URL)}  REDIS_URL=${redact(env.REDIS_URL)}`);
    log(
      ['true', '1'].includes(env.GRAPHQL_INTROSPECTION)
        ? 'GRAPHQL_INTROSPECTION=true: introspection, field suggestions and the Apollo Sandbox at /graphql are on for development (off unless set)'
        : `GRAPHQL_INTROSPECTION=${env.GRAPHQL_INTROSPECTION}: introspection and the sandbox are off`,
    );

    for (const script of ['build', 'build:web', 'migrate', 'seed:demo']) {
      if (shuttingDown) return;
      await runNpm(script, env);
    }
    if (shuttingDown) return;

    for (const name of ['api', 'worker']) {
      const child = spawnGroup(['run', `start:${name}`], env);
      children.set(name, child);
      child.once('error', (err) => log(`${name} could not be started: ${err.message}`));
      child.once('exit', (code, signal) => {
        if (shuttingDown) return;
        shuttingDown = true;
        log(`${name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest`);
        for (const other of children.values()) if (other !== child) signalGroup(other, 'SIGTERM');
        void finish(code || 1);
      });
    }
    process.once('exit', () => {
      for (const child of children.values()) signalGroup(child, 'SIGTERM');
    });

    const base = `http://localhost:${port}`;
    // Sign-in (issue 10): while the first admin has no password, a link to set one.
    const invitation = await firstAdminInvitation(env);
    console.log(
      [
        '',
        `  ${base}/   (the web app for staff; \`npm run dev:web\` serves it with hot reload on :5173)`,
        '',
        `  GraphQL:  ${base}/graphql`,
        `  Health:   ${base}/health`,
        ...(invitation ? [`  Invite:   ${invitation}  (the first admin sets a password there)`] : []),
        ...(['true', '1'].includes(env.GRAPHQL_INTROSPECTION)
          ? [`  Sandbox:  ${base}/graphql in a browser (introspection on for development)`]
          : []),
        `  Admin:    Authorization: Bearer ${env.ADMIN_TOKEN}`,
        '',
        '  Try:',
        `    curl -s ${base}/graphql -H 'Content-Type: application/json' \\`,
        `      -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' \\`,
        `      -d '{"query":"{ __typename }"}'`,
        '',
        '  Ctrl-C stops the API, the worker and any service this command started.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    if (shuttingDown) return;
    shuttingDown = true;
    console.error(`[start] ${err.message}`);
    await finish(1);
  }
}

main().catch((err) => {
  console.error(`[start] ${err.message}`);
  process.exit(1);
});
