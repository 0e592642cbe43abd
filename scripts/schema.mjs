// `npm run schema`: writes the API's SDL to apps/api/schema.graphql (booting the built API against
// the database, without listening), then regenerates the web app's typed operations (apps/web/src/gql).
// Run it after changing a resolver, an input or a model; commit both. The gate fails when either is stale.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, ensureServices, repoRoot } from './services.mjs';

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const log = (message) => console.log(`[schema] ${message}`);

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

await ensureDependencies({ log });
const services = await ensureServices({ databaseName: 'crm_schema', log }); // a scratch database: the schema needs a booted API, not data;
try {
  const env = { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
  run(npmCmd, ['run', 'build'], env);
  run(npmCmd, ['run', 'migrate'], env);
  run('node', ['-r', './scripts/register-paths.cjs', 'dist/apps/api/src/schema/write-schema.js'], env);
  run(npmCmd, ['run', 'codegen'], env);
} finally {
  await services.stop();
}
