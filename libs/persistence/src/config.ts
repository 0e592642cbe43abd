import { z } from 'zod';

/**
 * The runtime configuration, validated once at boot. Nothing else in the code base reads
 * process.env: take an AppConfig instead.
 */
const schema = z.object({
  /** PostgreSQL connection string. */
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/engagement_crm'),
  /** Redis connection string (BullMQ queues). */
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** HTTP port of the API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Sensitive. Token of the first ADMIN, created at start-up only while no user exists. */
  ADMIN_TOKEN: z.string().min(24, 'ADMIN_TOKEN must be at least 24 characters').optional(),
  /** Email of that first ADMIN. */
  ADMIN_EMAIL: z.string().email().default('admin@example.org'),
  /** Prefix of every Redis key the queues use, so several installations can share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('crm'),
  /** Log SQL statements (never their parameters, which may hold personal data). */
  LOG_SQL: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Deepest GraphQL selection accepted. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).default(10),
  /** How often the worker sweeps the ladder outbox for marks its queue missed (Redis down, worker down). */
  LADDER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Actors per transaction in a full ladder recomputation. */
  LADDER_BATCH_SIZE: z.coerce.number().int().min(100).default(20_000),
  /** Ladder jobs a worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(4),
  /** Connections in the PostgreSQL pool of one process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
});

export type AppConfig = z.infer<typeof schema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
