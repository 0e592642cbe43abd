import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { serverUrl, withMaintenanceClient } from '../../support/database';

/**
 * Starts the BUILT API and worker once for the whole browser suite (nothing is rebuilt), on a free
 * port, against a database of their own; the tests read where from the environment (see env.ts).
 */
const repoRoot = path.resolve(__dirname, '../../..');
export const STARTED = Symbol.for('crm.browser.started');

interface Started {
  processes: ChildProcess[];
  database: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startBuilt(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['-r', './scripts/register-paths.cjs', entry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const keep = (chunk: Buffer) => {
    logs.push(chunk.toString());
    if (logs.length > 200) logs.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') {
      console.error(`[browser] ${name} exited (${code ?? signal}):\n${logs.join('').slice(-4000)}`);
    }
  });
  return child;
}

async function waitForHealth(baseUrl: string, processes: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (processes.some((p) => p.exitCode !== null)) throw new Error('a process of the suite exited at start');
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/health did not answer within 60 s`);
}

/** The local OpenID Connect provider of test/support/oidc-provider.mjs, for the single sign-on test. */
async function startIdentityProvider(
  redirectUri: string,
): Promise<{ process: ChildProcess; issuer: string; clientId: string; clientSecret: string }> {
  const clientId = 'crm-browser';
  const clientSecret = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [path.join(repoRoot, 'test/support/oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { process: child, issuer: (JSON.parse(line) as { issuer: string }).issuer, clientId, clientSecret };
}

export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const database = `crm_test_browser_${randomBytes(4).toString('hex')}`;
  await withMaintenanceClient(async (client) => void (await client.query(`CREATE DATABASE ${database}`)));
  const dataSource = new DataSource({
    type: 'postgres',
    url: serverUrl(database),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminToken = randomBytes(32).toString('base64url');
  const identityProvider = await startIdentityProvider(`${baseUrl}/auth/oidc/callback`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: serverUrl(database),
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    ADMIN_TOKEN: adminToken,
    ADMIN_EMAIL: 'admin@browser.test',
    QUEUE_PREFIX: `browser-${database}`,
    GRAPHQL_INTROSPECTION: 'false',
    LADDER_SWEEP_INTERVAL_MS: '500',
    OIDC_ISSUER: identityProvider.issuer,
    OIDC_CLIENT_ID: identityProvider.clientId,
    OIDC_CLIENT_SECRET: identityProvider.clientSecret,
  };
  const processes = [
    identityProvider.process,
    startBuilt('api', 'dist/apps/api/src/main.js', env),
    startBuilt('worker', 'dist/apps/worker/src/main.js', env),
  ];
  const started: Started = { processes, database };
  (globalThis as Record<symbol, unknown>)[STARTED] = started;
  await waitForHealth(baseUrl, processes);

  const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  process.env.BROWSER_BASE_URL = baseUrl;
  process.env.BROWSER_ADMIN_TOKEN = adminToken;
  process.env.BROWSER_DATABASE_URL = serverUrl(database);
  process.env.BROWSER_SCREENSHOTS = screenshots;
  process.env.BROWSER_OIDC_ISSUER = identityProvider.issuer;
}
