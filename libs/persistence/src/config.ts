import { isAbsolute } from 'node:path';
import { z } from 'zod';

/**
 * The runtime configuration, validated once at boot. Nothing else in the code base reads
 * process.env: take an AppConfig instead.
 */
const bool = (byDefault: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(byDefault)
    .transform((v) => v === 'true' || v === '1');

/** An optional URL variable: unset or empty means none; `dropSlash` drops a trailing slash. */
const optionalUrl = (dropSlash: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(z.string().url().optional())
    .transform((v) => (dropSlash ? v?.replace(/\/+$/, '') : v));
const optionalText = () =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined));

/** A text of the privacy notice: 1–2,000 characters, trimmed; unset or empty takes the default. */
const noticeText = (byDefault: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : byDefault))
    .pipe(z.string().max(2_000));

const fields = z.object({
  /** PostgreSQL connection string. */
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/engagement_crm'),
  /** Redis connection string (BullMQ queues). */
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** HTTP port of the API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Sensitive. Token of the first ADMIN, created at start-up only while no user exists. */
  ADMIN_TOKEN: z
    .string()
    .min(32, 'ADMIN_TOKEN must be at least 32 characters: generate one with `openssl rand -base64 32`')
    .optional(),
  /** Email of that first ADMIN. */
  ADMIN_EMAIL: z.string().email().default('admin@example.org'),
  /** Prefix of every Redis key the queues use, so several installations can share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('crm'),
  /** Log SQL statements (never their parameters, which may hold personal data). */
  LOG_SQL: bool('false'),
  /** Deepest GraphQL selection accepted, counted in fields (a fragment spread adds no level). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).default(10),
  /** Aliases accepted in one GraphQL operation. */
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  /** Directives accepted in one GraphQL operation. */
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(50),
  /** Lexical tokens accepted in one GraphQL document. */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
  /** Highest estimated cost of one operation (a connection's `first` multiplies its selection's cost). */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(50_000),
  /**
   * Introspection, the landing page and field suggestions. Off unless set to true: production
   * defaults never depend on NODE_ENV. `npm start` turns it on for development.
   */
  GRAPHQL_INTROSPECTION: bool('false'),
  /** Largest request body accepted (JSON and GraphQL), in bytes; larger answers 413. */
  HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).default(1_048_576),
  /** Origins allowed by CORS, comma-separated (empty: no cross-origin browser access). */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /**
   * Behind a TLS-terminating proxy: Express's `trust proxy` setting (for example `1` or `loopback`),
   * so client addresses come from X-Forwarded-For and HSTS is sent. Empty: no proxy is trusted.
   */
  TRUST_PROXY: z.string().default(''),
  /** Rate-limit window in milliseconds, shared by every budget below. */
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Failed authentications per client address and window (only failures are counted per address). */
  RATE_LIMIT_AUTH_FAILURES: z.coerce.number().int().min(1).default(20),
  /**
   * Requests without a bearer token per client address and window, on every route (GraphQL, /health,
   * unknown paths), counted before routing and GraphQL parsing. Load-balancer probes at 1/s use 60.
   */
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).default(300),
  /**
   * GraphQL reads (queries) per token or session and window. A busy door (200 check-ins a second,
   * possibly on one shared token) searches a few times per check-in as names are typed: 1,000 a second.
   */
  RATE_LIMIT_READS: z.coerce.number().int().min(1).default(60_000),
  /**
   * GraphQL writes (mutations) per token or session and window: 200 check-ins a second is 12,000 a
   * minute; 2.5 times that, so a burst within the fixed window is never refused.
   */
  RATE_LIMIT_WRITES: z.coerce.number().int().min(1).default(30_000),
  /** Registration-list uploads per token or session and window. */
  RATE_LIMIT_UPLOADS: z.coerce.number().int().min(1).default(30),
  /**
   * Ladder aggregates (ladderDistribution, ladderTransitions, ladderMovement) per user and window,
   * each a scan of every timeline: a dashboard asks a dozen at a time, an attacker thousands.
   */
  RATE_LIMIT_AGGREGATES: z.coerce.number().int().min(1).default(1_200),
  /** Quarterly-report orders per token or session and window. */
  RATE_LIMIT_REPORT_ORDERS: z.coerce.number().int().min(1).default(10),
  /** Participant list downloads (CSV, XLSX) per token or session and window. */
  RATE_LIMIT_EXPORTS: z.coerce.number().int().min(1).default(30),
  /** Smallest count of persons the COMMITTEE role may see; 1 to k−1 is suppressed. */
  DISCLOSURE_MIN_COUNT: z.coerce.number().int().min(2).default(3),
  /** An uploaded .xlsx whose entries inflate to more than this many bytes in all is refused. */
  IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(100 * 1_048_576),
  /** An uploaded .xlsx with an entry inflating more than this many times its compressed size is refused. */
  IMPORT_MAX_COMPRESSION_RATIO: z.coerce.number().min(2).default(100),
  /** An uploaded .xlsx with more zip entries than this is refused. */
  IMPORT_MAX_ZIP_ENTRIES: z.coerce.number().int().min(10).default(1_000),
  /** Rows read from one registration list; a longer list is refused with a Swedish reason. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(50_000),
  /** How often the worker sweeps the ladder outbox for marks its queue missed (Redis down, worker down). */
  LADDER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Actors per transaction in a full ladder recomputation. */
  LADDER_BATCH_SIZE: z.coerce.number().int().min(100).default(20_000),
  /** Ladder jobs a worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(4),
  /**
   * A folder outside the database (another disk, a share the backups take) where the worker writes
   * the whole erasure ledger after every retention run: `erasure-ledger-<YYYY-MM-DD>.jsonl` (the
   * Stockholm date; the day's last run wins), written to a temporary file and renamed, in the format
   * `npm run erasure-ledger -- export` prints and `reapply` reads. An absolute path. Unset (the
   * default): no file is written and the ledger is exported by hand.
   */
  ERASURE_LEDGER_EXPORT_DIR: optionalText().pipe(
    z
      .string()
      .refine((dir) => isAbsolute(dir), 'must be an absolute path')
      .optional(),
  ),
  /** Connections in the PostgreSQL pool of one process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /**
   * Where people reach the product (for example https://crm.example.org): invitation links printed by
   * the scripts and the single sign-on redirect URI (`${PUBLIC_URL}/auth/oidc/callback`).
   */
  PUBLIC_URL: optionalUrl(true),
  /** Single sign-on (OpenID Connect): the issuer identifier, exactly; unset, only passwords sign in. */
  OIDC_ISSUER: optionalUrl(false),
  /** The client id registered with the issuer. */
  OIDC_CLIENT_ID: optionalText(),
  /** Sensitive. The client secret registered with the issuer; also keys the sign-on's state cookie. */
  OIDC_CLIENT_SECRET: optionalText(),
  /**
   * Accept an identity provider's email claim without `email_verified` (Entra ID never sends it).
   * Only where the provider's email addresses are managed by the organisation (no guests).
   */
  OIDC_TRUST_UNVERIFIED_EMAIL: bool('false'),
  // The privacy notice (`GET /privacy-notice`, shown at /integritet without signing in): Swedish texts.
  /** The controller (personuppgiftsansvarig). */
  PRIVACY_CONTROLLER: noticeText('Region Västerbotten'),
  /** Why personal data is processed. */
  PRIVACY_PURPOSE: noticeText(
    'Vi registrerar personer och organisationer som deltar i Region Västerbottens mötesplatser och ' +
      'samverkan, för att planera och följa upp arbetet och bjuda in till kommande aktiviteter.',
  ),
  /** The legal basis of the processing. */
  PRIVACY_LEGAL_BASIS: noticeText(
    'Behandlingen är i regel nödvändig för att utföra en uppgift av allmänt intresse (artikel 6.1 e i ' +
      'dataskyddsförordningen). Där det anges bygger den på ditt samtycke, som du när som helst kan ' +
      'återkalla; då bjuder vi inte längre in dig.',
  ),
  /**
   * How long personal data is kept. The default promises no culling the product does not do yet
   * (retention runs are not built): set the Region's own text, with its decision, when they are.
   */
  PRIVACY_RETENTION: noticeText(
    'Uppgifterna är allmänna handlingar. De sparas och gallras enligt Region Västerbottens ' +
      'gallringsbeslut; fråga dataskyddsombudet om vad som gäller för dina uppgifter.',
  ),
  /** The data subject's rights. */
  PRIVACY_RIGHTS: noticeText(
    'Du har rätt att få ett registerutdrag, att få felaktiga uppgifter rättade, att begära begränsning ' +
      'av behandlingen och att invända mot den. Du kan också klaga hos Integritetsskyddsmyndigheten (IMY).',
  ),
  /** Whom to contact about personal data (the data protection officer). */
  PRIVACY_CONTACT_EMAIL: z.string().trim().email().default('dataskyddsombud@regionvasterbotten.se'),
});

/** Single sign-on needs its client and the public URL of the redirect. */
const schema = fields.superRefine((config, context) => {
  if (!config.OIDC_ISSUER) return;
  for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL'] as const) {
    if (!config[key])
      context.addIssue({ code: 'custom', path: [key], message: 'is required with OIDC_ISSUER' });
  }
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
