// Benchmark step: what the query limits and the rate limiter cost (issue 9). In-process, against the
// schema the compiled API builds (its resolvers through Nest's GraphQLSchemaFactory, no database):
//   - parse + validation of the hostile documents the limits refuse — the 24-fragment doubling bomb,
//     1,000 aliases of actors(first: 500), a 100 kB document — each must stay under 50 ms;
//   - the validation an ordinary `actors(first: 100) { edges { node { … } } }` adds at p50: graphql's
//     standard rules alone against standard + limit rules, and the per-request checks that run on
//     every request even when Apollo has the validated document cached (input guard, connection
//     cost with the request's variables);
//   - one rate-limit increment against Redis through @nest-lab/throttler-storage-redis, at p50.
// With `baseUrl` it also times the same hostile requests through the running API (400 expected).
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (x, digits = 3) => Number(x.toFixed(digits));

/** The hostile documents of the issue (the same as test/e2e/hostile-graphql.spec.ts sends). */
export function hostileDocuments() {
  const fragments = Array.from(
    { length: 24 },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  const bomb = `query { ...F0 }\n${fragments.join('\n')}\nfragment F24 on Query { actors { totalCount } }`;
  const aliases = `query { ${Array.from({ length: 1_000 }, (_, i) => `a${i}: actors(first: 500) { edges { node { id name } } }`).join(' ')} }`;
  // 100 kB of selections (refused by the token limit while parsing) and 100 kB in one string literal
  // (few tokens: parsed and validated in full, then accepted by every limit).
  const wide = `query { ${'__typename '.repeat(10_240)} }`;
  const literal = `query { actors(filter: { search: "${'a'.repeat(100 * 1_024)}" }) { totalCount } }`;
  return { fragmentBomb: bomb, aliases1000: aliases, query100kBSelections: wide, query100kBLiteral: literal };
}

export const ORDINARY = `query($after: String) { actors(first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id kind name email title municipalityCode country sector createdAt
    organisation { id name } } } } }`;

function listResolverFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...listResolverFiles(full));
    else if (entry.endsWith('.resolver.js')) files.push(full);
  }
  return files;
}

/** The API's schema, built from its compiled resolvers the way the GraphQL module builds it. */
export async function buildSchema(distDir) {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } = require('@nestjs/graphql');
  const { printSchema, buildSchema: fromSdl } = require('graphql');
  const resolvers = [];
  for (const file of listResolverFiles(path.join(distDir, 'apps/api/src'))) {
    for (const value of Object.values(require(file))) {
      if (typeof value === 'function' && Reflect.getMetadata('graphql:resolver_type', value) !== undefined)
        resolvers.push(value);
    }
  }
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers);
    return fromSdl(printSchema(schema), { assumeValidSDL: true });
  } finally {
    await app.close();
  }
}

/** Median of `runs` timings of `work` (after `warm` unmeasured runs), in milliseconds. */
function time(work, runs, warm = Math.min(20, runs)) {
  for (let i = 0; i < warm; i++) work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

/**
 * @param {{ redisUrl?: string, distDir?: string, baseUrl?: string, token?: string, log?: (msg: string) => void, runs?: number }} options
 */
export async function measureGraphqlLimits({
  redisUrl = 'redis://127.0.0.1:6379',
  distDir = path.join(ROOT, 'dist'),
  baseUrl,
  token,
  log = () => {},
  runs = 200,
} = {}) {
  // The workspace aliases resolve to the compiled output, as scripts/register-paths.cjs does for dist/.
  require('tsconfig-paths').register({
    baseUrl: distDir,
    paths: { '@crm/domain': ['libs/domain/src'], '@crm/persistence': ['libs/persistence/src'] },
  });
  const { parse, validate, specifiedRules } = require('graphql');
  const { loadConfig } = require(path.join(distDir, 'libs/persistence/src/config.js'));
  const limitsModule = require(path.join(distDir, 'apps/api/src/security/graphql-limits.js'));
  const { estimateCost, fragmentsOf } = require(
    path.join(distDir, 'apps/api/src/security/connection-cost.js'),
  );
  const { findInDocument, findInValue } = require(path.join(distDir, 'apps/api/src/security/input-guard.js'));
  const { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } = require(path.join(distDir, 'libs/persistence/src/sql.js'));

  log('graphql limits: building the schema from the compiled resolvers');
  const schema = await buildSchema(distDir);
  const config = loadConfig({});
  const limitRules = limitsModule.limitValidationRules(config);
  const allRules = [...specifiedRules, ...limitRules];
  const parseOptions = { maxTokens: config.GRAPHQL_MAX_TOKENS };

  /** What Apollo does before execution: parse (token limit) then validate; errors as codes. */
  const check = (source) => {
    let document;
    try {
      document = parse(source, parseOptions);
    } catch (error) {
      return limitsModule.TOKEN_LIMIT_MESSAGE.test(error.message) ? 'token limit' : 'parse error';
    }
    const errors = validate(schema, document, allRules);
    return errors.length ? errors[0].message.replace(/, found .*$/, '').slice(0, 60) : 'accepted';
  };

  const hostile = {};
  for (const [name, source] of Object.entries(hostileDocuments())) {
    const outcome = check(source);
    const t = time(() => check(source), Math.max(20, Math.floor(runs / 2)), 30);
    // The validation rules alone on the whole document, as if the token limit were off: what the
    // rules cost on a document this size (the bomb and the 100 kB literal are validated in full anyway).
    const document = parse(source);
    const rulesOnly = time(() => validate(schema, document, allRules), Math.max(20, Math.floor(runs / 4)), 5);
    hostile[name] = {
      bytes: Buffer.byteLength(source),
      outcome,
      p50Ms: round(t.p50),
      p95Ms: round(t.p95),
      validationRulesWithoutTokenLimitP50Ms: round(rulesOnly.p50),
      under50msAtP50: t.p50 < 50,
    };
    log(
      `graphql limits: ${name} (${hostile[name].bytes} B) → ${outcome} in ${hostile[name].p50Ms} ms p50 ` +
        `(p95 ${hostile[name].p95Ms}; all rules on the whole document ${hostile[name].validationRulesWithoutTokenLimitP50Ms})`,
    );
  }

  // An ordinary request. Apollo parses and validates a document once and caches it, so the validation
  // rules cost this only on a document's first request; the per-request checks run every time.
  const ordinary = parse(ORDINARY);
  // Interleaved, so load on the machine and JIT warm-up fall on both alike.
  const standardTimes = [];
  const limitTimes = [];
  for (let i = 0; i < runs * 10 + 50; i++) {
    const t0 = performance.now();
    validate(schema, ordinary, specifiedRules);
    const t1 = performance.now();
    validate(schema, ordinary, allRules);
    const t2 = performance.now();
    if (i >= 50) {
      standardTimes.push(t1 - t0);
      limitTimes.push(t2 - t1);
    }
  }
  const standardOnly = { p50: percentile(standardTimes, 50) };
  const withLimits = { p50: percentile(limitTimes, 50) };
  const operation = ordinary.definitions[0];
  const variables = { after: null };
  const costOptions = { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };
  const perRequest = time(() => {
    findInDocument(ordinary);
    for (const [name, value] of Object.entries(variables)) findInValue(value, name);
    estimateCost(schema, operation, fragmentsOf(ordinary.definitions), costOptions, variables);
  }, runs * 5);
  const ordinaryResult = {
    standardRulesP50Ms: round(standardOnly.p50),
    standardPlusLimitRulesP50Ms: round(withLimits.p50),
    addedValidationP50Ms: round(withLimits.p50 - standardOnly.p50),
    perRequestChecksP50Ms: round(perRequest.p50, 4),
  };
  log(
    `graphql limits: actors(first: 100) validation ${ordinaryResult.standardRulesP50Ms} ms standard, ` +
      `${ordinaryResult.standardPlusLimitRulesP50Ms} ms with limits (+${ordinaryResult.addedValidationP50Ms}); ` +
      `per-request checks ${ordinaryResult.perRequestChecksP50Ms} ms`,
  );

  // One rate-limit increment, as the API's limiter makes one per request.
  const { ThrottlerStorageRedisService } = require('@nest-lab/throttler-storage-redis');
  const storage = new ThrottlerStorageRedisService(redisUrl);
  const key = `bench:graphql-limits:${randomBytes(6).toString('hex')}`;
  let rateLimit;
  try {
    const increments = [];
    for (let i = 0; i < 50; i++) await storage.increment(key, 60_000, 1_000_000, 0, 'bench');
    for (let i = 0; i < runs * 5; i++) {
      const t0 = performance.now();
      await storage.increment(key, 60_000, 1_000_000, 0, 'bench');
      increments.push(performance.now() - t0);
    }
    rateLimit = {
      incrementP50Ms: round(percentile(increments, 50)),
      incrementP95Ms: round(percentile(increments, 95)),
    };
  } finally {
    const keys = await storage.redis.keys(`${key}*`);
    if (keys.length) await storage.redis.del(...keys);
    storage.onModuleDestroy();
  }
  log(`graphql limits: rate-limit increment p50 ${rateLimit.incrementP50Ms} ms`);

  let throughApi;
  if (baseUrl) {
    throughApi = {};
    for (const [name, source] of Object.entries(hostileDocuments())) {
      const times = [];
      let status;
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const response = await fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query: source }),
        });
        await response.arrayBuffer();
        times.push(performance.now() - t0);
        status = response.status;
      }
      throughApi[name] = {
        status,
        p50Ms: round(percentile(times, 50), 1),
        maxMs: round(Math.max(...times), 1),
      };
    }
  }

  return {
    hostile,
    ordinary: ordinaryResult,
    // Every request: the per-request checks and one increment. A document Apollo has not cached yet
    // also pays the added validation once.
    addedPerOrdinaryRequestP50Ms: round(ordinaryResult.perRequestChecksP50Ms + rateLimit.incrementP50Ms),
    addedPerOrdinaryRequestUncachedP50Ms: round(
      ordinaryResult.addedValidationP50Ms + ordinaryResult.perRequestChecksP50Ms + rateLimit.incrementP50Ms,
    ),
    rateLimit,
    ...(throughApi ? { throughApi } : {}),
  };
}

// `node scripts/bench/graphql-limits.mjs [distDir]` runs this step alone (BENCH_BASE_URL and
// BENCH_TOKEN add the timings through a running API).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  measureGraphqlLimits({
    distDir: process.argv[2] ? path.resolve(process.argv[2]) : undefined,
    redisUrl: process.env.REDIS_URL,
    baseUrl: process.env.BENCH_BASE_URL,
    token: process.env.BENCH_TOKEN,
    log: (msg) => console.log(`[bench] ${msg}`),
  }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
