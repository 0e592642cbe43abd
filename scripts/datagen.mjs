#!/usr/bin/env node
// Synthetic data for the benchmark: `npm run datagen -- --scale region|national [--database <name>]`
//   [--seed <int>] [--end YYYY-MM-DD] [--no-build]
//
// Drops and re-creates the database, builds and migrates, then loads every table with COPY from CSV
// generated here. All values (ids included) come from one seeded PRNG, so the same --seed and --end
// give the same data. Loading runs with session_replication_role = replica (no outbox triggers, no
// foreign-key checks: the generator guarantees integrity), with the secondary indexes of the big
// tables dropped and rebuilt afterwards, and COPY ... FREEZE into tables truncated in the same
// transaction so nothing needs a vacuum afterwards. The ladder outbox is left empty.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432';

export const SCALES = {
  region: {
    actors: 20_000,
    events: 1_500,
    participations: 200_000,
    initiatives: 200,
    memberships: 4_000,
    engagements: 4_000,
  },
  national: {
    actors: 1_000_000,
    events: 50_000,
    participations: 10_000_000,
    initiatives: 10_000,
    memberships: 200_000,
    engagements: 200_000,
  },
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness and ids

/** sfc32: small, fast, good enough for synthetic data. */
function makeRng(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (w) => HEX[w >>> 24] + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255];
const hex4 = (w) => HEX[(w >>> 8) & 255] + HEX[w & 255];
function fmix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A version-4-shaped UUID derived from (salt, index). The first 32 bits are a bijection of the
 * index, so ids are unique within a table by construction; the rest looks random.
 */
function idFactory(seed, table) {
  const salt = fmix32((seed * 31 + table * 0x9e3779b1) >>> 0);
  return (i) => {
    const w0 = fmix32((i ^ salt) >>> 0);
    const w1 = (fmix32((i + salt + 0x1234567) >>> 0) & 0xffff0fff) | 0x4000;
    const w2 = ((fmix32((i * 3 + salt + 0x7654321) >>> 0) & 0x3fffffff) | 0x80000000) >>> 0;
    const w3 = fmix32((i * 7 + (salt ^ 0x55555555)) >>> 0);
    return `${hex8(w0)}-${hex4(w1 >>> 16)}-${hex4(w1)}-${hex4(w2 >>> 16)}-${hex4(w2)}${hex8(w3)}`;
  };
}

/** Weighted choice over a fixed table: returns a function of a uniform number. */
function weighted(entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cum = entries.map(([v, w]) => [v, (acc += w / total)]);
  return (u) => {
    for (const [v, c] of cum) if (u < c) return v;
    return cum[cum.length - 1][0];
  };
}

/** Index i with probability proportional to the increments of the cumulative array. */
function pickCumulative(cum, u) {
  const x = u * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Time: whole seconds since the epoch, written as UTC text with cached day strings.

const DAY = 86_400;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayCache = new Map();
function dayString(dayNumber) {
  let s = dayCache.get(dayNumber);
  if (s === undefined) {
    s = new Date(dayNumber * DAY * 1000).toISOString().slice(0, 10);
    dayCache.set(dayNumber, s);
  }
  return s;
}
function ts(sec) {
  const day = Math.floor(sec / DAY);
  let r = sec - day * DAY;
  const h = Math.floor(r / 3600);
  r -= h * 3600;
  const m = Math.floor(r / 60);
  return `${dayString(day)} ${TWO[h]}:${TWO[m]}:${TWO[r - m * 60]}+00`;
}
/** Offset of Europe/Stockholm in hours for a UTC day (EU rule: last Sundays of March and October). */
function stockholmOffset(dayNumber) {
  const d = new Date(dayNumber * DAY * 1000);
  const y = d.getUTCFullYear();
  const lastSunday = (month) => {
    const last = new Date(Date.UTC(y, month + 1, 0));
    return last.getTime() / 1000 / DAY - last.getUTCDay();
  };
  return dayNumber >= lastSunday(2) && dayNumber < lastSunday(9) ? 2 : 1;
}
/** Seconds for a local Stockholm wall-clock time on a day. */
const localTime = (dayNumber, hour, minute = 0) =>
  dayNumber * DAY + (hour - stockholmOffset(dayNumber)) * 3600 + minute * 60;

// ---------------------------------------------------------------------------------------------
// Vocabulary

const FIRST_NAMES = (
  'Anna Eva Maria Karin Sara Lena Emma Kerstin Ingrid Elin Linnea Johanna Malin Sofia Ida Hanna Frida Maja ' +
  'Elsa Julia Lisa Annika Camilla Helena Ulrika Therese Jenny Åsa Märta Ebba Lars Erik Anders Johan Per Karl ' +
  'Nils Mikael Jan Hans Peter Olof Fredrik Daniel Magnus Mattias Andreas Jonas Oskar Viktor Gustav Björn ' +
  'Henrik Stefan Tomas Axel Linus Emil Sami Aino Noah Ali Fatima Sven Göran'
).split(' ');
const LAST_NAMES = (
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson ' +
  'Jonsson Jansson Hansson Bengtsson Lindberg Lindström Lundqvist Lindqvist Berglund Sjöberg Lundgren ' +
  'Öberg Marklund Nordlund Lindgren Holmgren Burman Sandström Forsberg Hedlund Öhman Stenlund Vikström ' +
  'Nyström Lundberg Åström Wikström Grahn Lidström Sehlstedt Brännström Lundmark Granberg Edlund Burström ' +
  'Renberg Kuoljok Labba Nutti'
).split(' ');
const TITLES = [
  'Verksamhetsutvecklare',
  'Projektledare',
  'Kommunchef',
  'Näringslivschef',
  'VD',
  'Forskare',
  'Professor',
  'Strateg',
  'Handläggare',
  'Ordförande',
  'Utvecklingsledare',
  'Enhetschef',
  'Rektor',
  'Kommunikatör',
  'Innovationsrådgivare',
];
const SECTORS = ['PUBLIC_SECTOR', 'BUSINESS', 'ACADEMIA', 'CIVIL_SOCIETY', 'INNOVATION_SYSTEM'];
const pickSector = weighted([
  [0, 35],
  [1, 30],
  [2, 12],
  [3, 15],
  [4, 8],
]);
const ORG_WORDS = [
  ['kommun', 'Region', 'Länsstyrelsen', 'förvaltning', 'Trafikverket'],
  ['Bygg AB', 'Konsult AB', 'Teknik AB', 'Energi AB', 'Skog AB', 'Design AB', 'Gruv AB', 'Data AB'],
  ['universitet', 'Forskningsinstitut', 'Yrkeshögskola', 'Folkhögskola'],
  ['Idrottsförening', 'Hembygdsförening', 'Sameförening', 'Byaförening', 'Studieförbund'],
  ['Science Park', 'Inkubator', 'Innovationskontor', 'Klusterorganisation'],
];
const GENDERS = ['WOMAN', 'MAN', 'NON_BINARY', 'NOT_STATED', ''];
const pickGender = weighted([
  [0, 46],
  [1, 44],
  [2, 1],
  [3, 4],
  [4, 5],
]);
const LEGAL = ['PUBLIC_INTEREST', 'LEGITIMATE_INTEREST', 'CONSENT'];
const pickLegal = weighted([
  [0, 85],
  [1, 10],
  [2, 5],
]);
const ABROAD = ['NO', 'FI', 'DK', 'DE', 'GB', 'NL', 'FR', 'US', 'EE', 'IS'];
const pickAbroad = weighted(ABROAD.map((c, i) => [c, [30, 25, 10, 8, 6, 5, 4, 4, 4, 4][i]]));
const COUNTY_WEIGHTS = {
  2480: 40, // Umeå
  2482: 20, // Skellefteå
  2481: 6, // Lycksele
  2462: 4, // Vilhelmina
  2421: 3, // Storuman
  2409: 3,
  2460: 3,
  2401: 3,
  2404: 3,
  2417: 3,
  2418: 2,
  2422: 2,
  2425: 2,
  2403: 2,
  2463: 2,
};
const BIG_CITIES = { '0180': 12, 1480: 5, 1280: 4, '0380': 2, 2580: 4, 2281: 2, 2283: 1 };

const PLACES = ['GRAND_HOTEL', 'MOTESPLATS_LYCKSELE', 'ALMEDALEN', 'DIGITALA_VASTERBOTTEN'];
const pickPlace = weighted([
  [0, 30],
  [1, 15],
  [2, 20],
  [3, 35],
]);
const FORMATS = [
  'SEMINAR',
  'ROUND_TABLE',
  'WORKSHOP',
  'THEMED_DAY',
  'CONFERENCE',
  'WEBINAR',
  'NETWORKING',
  'OTHER',
];
const RUS = [
  'SMART_REGION',
  'PLACE_BASED_BUSINESS',
  'ACCESSIBLE_REGION',
  'SUSTAINABLE_LIVING_ENVIRONMENTS',
  'HEALTH_PROMOTING_REGION',
  'SKILLS_RICH_REGION',
];
const TOPICS = [
  'kompetensförsörjning',
  'grön omställning',
  'infrastruktur',
  'besöksnäring',
  'digitalisering',
  'hälsa',
  'bostäder',
  'samisk kultur',
  'forskning',
  'landsbygd',
];
const ROLES = ['AUDIENCE', 'PANELIST', 'SPEAKER', 'MODERATOR', 'ORGANISER'];
const pickRole = weighted([
  [0, 89],
  [1, 4],
  [2, 4],
  [3, 1.5],
  [4, 1.5],
]);
const pickPastStatus = weighted([
  ['ATTENDED', 80],
  ['REGISTERED', 6],
  ['NO_SHOW', 9],
  ['CANCELLED', 5],
]);

// ---------------------------------------------------------------------------------------------
// COPY plumbing

/** A COPY FROM STDIN stream with chunked, backpressure-aware writes. */
async function copyInto(client, table, columns, produce) {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv, FREEZE)`;
  const stream = client.query(copyStreams.from(sql));
  const done = new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let failed = null;
  stream.on('error', (e) => (failed = e));
  let buffer = '';
  let rows = 0;
  const flush = async () => {
    if (failed) throw failed;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) {
      await new Promise((resolve, reject) => {
        const onDrain = () => {
          stream.off('error', onError);
          resolve();
        };
        const onError = (e) => {
          stream.off('drain', onDrain);
          reject(e);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    }
  };
  /** Adds a row; returns a promise to await when the chunk was handed to the stream, else null. */
  const row = (line) => {
    buffer += line + '\n';
    rows++;
    return buffer.length > 256 * 1024 ? flush() : null;
  };
  await produce(row);
  if (buffer) await flush();
  stream.end();
  await done;
  return rows;
}

/** Quotes a CSV field when it needs it ('' stays NULL). */
const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { scale: 'region', database: null, seed: 42, end: null, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--scale') args.scale = value();
    else if (a === '--database') args.database = value();
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--end') args.end = value();
    else if (a === '--no-build') args.build = false;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!SCALES[args.scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  if (args.end && !/^\d{4}-\d{2}-\d{2}$/.test(args.end)) throw new Error('--end must be YYYY-MM-DD');
  args.database ??= `crm_bench_${args.scale}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(args.database))
    throw new Error('--database must be a plain lower-case name');
  return args;
}

/** Server URL (without database) from DATABASE_URL, and a URL for a given database on it. */
export function serverUrl(database) {
  const url = new URL(process.env.DATABASE_URL || DEFAULT_SERVER);
  url.pathname = `/${database}`;
  return url.toString();
}

export function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const log = (msg) => console.log(`[datagen] ${msg}`);

/** Drops and re-creates the secondary indexes (and droppable constraints) of the given tables. */
async function dropIndexes(client, tables) {
  const { rows } = await client.query(
    `SELECT c.relname AS table, i.relname AS index, pg_get_indexdef(i.oid) AS indexdef,
            con.conname, pg_get_constraintdef(con.oid) AS condef
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class c ON c.oid = x.indrelid
       LEFT JOIN pg_constraint con ON con.conindid = i.oid AND con.contype IN ('p', 'u', 'x')
      WHERE c.relname = ANY ($1) AND c.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.oid)`,
    [tables],
  );
  for (const r of rows) {
    if (r.conname) await client.query(`ALTER TABLE ${r.table} DROP CONSTRAINT ${r.conname}`);
    else await client.query(`DROP INDEX ${r.index}`);
  }
  return rows;
}
async function recreateIndexes(client, rows) {
  for (const r of rows) {
    const t0 = performance.now();
    if (r.conname) await client.query(`ALTER TABLE ${r.table} ADD CONSTRAINT ${r.conname} ${r.condef}`);
    else await client.query(r.indexdef);
    log(`  index ${r.conname ?? r.index} on ${r.table}: ${seconds(t0)} s`);
  }
}

export async function datagen(argv) {
  const args = parseArgs(argv);
  const S = SCALES[args.scale];
  const tAll = performance.now();
  const endDay = Math.floor((args.end ? Date.parse(`${args.end}T00:00:00Z`) : Date.now()) / 1000 / DAY);
  const startDay = endDay - 4 * 365;
  log(`scale ${args.scale}, database ${args.database}, seed ${args.seed}, data up to ${dayString(endDay)}`);

  // 1. database, build, migrations
  let t0 = performance.now();
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${args.database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${args.database}`);
  await admin.end();
  const url = serverUrl(args.database);
  if (args.build) await run('npm', ['run', '--silent', 'build']);
  await run('npm', ['run', '--silent', 'migrate'], { DATABASE_URL: url });
  log(`database, build and migrations: ${seconds(t0)} s`);

  const rnd = makeRng(args.seed);
  const int = (n) => Math.floor(rnd() * n);
  const ids = {
    actor: idFactory(args.seed, 1),
    event: idFactory(args.seed, 2),
    participation: idFactory(args.seed, 3),
    initiative: idFactory(args.seed, 4),
    membership: idFactory(args.seed, 5),
    engagement: idFactory(args.seed, 6),
  };

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = {};
  const timings = {};
  try {
    const municipalities = (await client.query(`SELECT code, county_code FROM municipality ORDER BY code`))
      .rows;
    const county = municipalities.filter((m) => m.county_code === '24').map((m) => m.code);
    const other = municipalities.filter((m) => m.county_code !== '24').map((m) => m.code);
    const pickCounty = weighted(county.map((c) => [c, COUNTY_WEIGHTS[c] ?? 2]));
    const pickOther = weighted(other.map((c) => [c, BIG_CITIES[c] ?? 1]));

    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`BEGIN`);
    // Truncating in this transaction lets COPY FREEZE write all-visible, frozen pages. CASCADE: the
    // tables that point at these (the door's check-ins and idempotency keys, …) are emptied too.
    await client.query(
      `TRUNCATE actor, event, participation, initiative, initiative_membership, engagement, ladder_period, ladder_outbox,
         registration_import, duplicate_candidate, actor_merge, quarterly_report CASCADE`,
    );
    const dropped = await dropIndexes(client, [
      'participation',
      'actor',
      'event',
      'initiative_membership',
      'engagement',
    ]);

    // 2. actors in memory (compact), written after participations so created_at precedes them
    const nA = S.actors;
    const nOrg = Math.round(nA * 0.15);
    const kind = new Uint8Array(nA); // 1 = organisation
    const org = new Int32Array(nA).fill(-1);
    const sector = new Uint8Array(nA);
    const muni = new Array(nA); // string code or ''
    const country = new Array(nA);
    const weight = new Float64Array(nA); // attendance propensity
    // Organisations are the first nOrg indexes; their size drives how many persons they employ.
    const orgCum = new Float64Array(nOrg);
    let acc = 0;
    for (let i = 0; i < nOrg; i++) {
      kind[i] = 1;
      sector[i] = pickSector(rnd());
      const u = rnd();
      if (u < 0.03) {
        country[i] = pickAbroad(rnd());
        muni[i] = '';
      } else {
        country[i] = 'SE';
        const v = rnd();
        muni[i] = v < 0.72 ? pickCounty(rnd()) : v < 0.99 ? pickOther(rnd()) : '';
      }
      acc += Math.pow(1 - rnd(), -1 / 1.2); // Pareto sizes: a few large employers
      orgCum[i] = acc;
      weight[i] = rnd() < 0.1 ? 0.3 : 0; // organisations are rarely registered as such
    }
    for (let i = nOrg; i < nA; i++) {
      if (rnd() < 0.85) {
        const o = pickCumulative(orgCum, rnd());
        org[i] = o;
        sector[i] = rnd() < 0.92 ? sector[o] : pickSector(rnd());
        country[i] = country[o];
        muni[i] = country[o] === 'SE' && rnd() < 0.85 ? muni[o] : '';
      } else {
        sector[i] = pickSector(rnd());
        country[i] = rnd() < 0.03 ? pickAbroad(rnd()) : 'SE';
        muni[i] = '';
      }
      if (country[i] === 'SE' && muni[i] === '') {
        const v = rnd();
        muni[i] = v < 0.7 ? pickCounty(rnd()) : v < 0.97 ? pickOther(rnd()) : '';
      }
      // 5 % of persons are contacts that never attended; the rest attend with a heavy tail.
      weight[i] = rnd() < 0.05 ? 0 : Math.pow(1 - rnd(), -1 / 0.8);
    }
    // Cap the propensity so nobody is expected at more than a fifth of all events (nor 300) (the cap moves
    // the total, so settle it over a few rounds).
    let wSum = 0;
    for (let round = 0; round < 6; round++) {
      wSum = weight.reduce((s, w) => s + w, 0);
      const cap = (Math.min(S.events / 5, 300) * wSum) / S.participations;
      for (let i = 0; i < nA; i++) if (weight[i] > cap) weight[i] = cap;
    }
    const actorCum = new Float64Array(nA);
    wSum = 0;
    for (let i = 0; i < nA; i++) actorCum[i] = wSum += weight[i];

    // 3. events, sorted by time
    t0 = performance.now();
    const nE = S.events;
    const evStart = new Float64Array(nE);
    const evPlace = new Uint8Array(nE);
    const evSize = new Int32Array(nE);
    const evOrder = [];
    for (let e = 0; e < nE; e++) {
      const place = pickPlace(rnd());
      const year = Math.floor(startDay / 365.25) + 1970 + int(5);
      const yearDay = Date.UTC(year, 0, 1) / 1000 / DAY;
      let day;
      if (place === 0)
        day = yearDay + 7 + int(21); // Grand Hôtel: January weeks
      else if (place === 2)
        day = yearDay + 175 + int(10); // Almedalen: turn of June/July
      else if (place === 1)
        day = yearDay + 265 + int(3); // Lycksele: a few days in late September
      else day = startDay + int(endDay + 60 - startDay); // Digitala Västerbotten: all year
      if (day < startDay || day > endDay + 60) day = startDay + int(endDay + 60 - startDay);
      const dow = new Date(day * DAY * 1000).getUTCDay();
      if (dow === 0) day += 1;
      else if (dow === 6) day += 2;
      evStart[e] = localTime(day, 8 + int(10), 30 * int(2));
      evPlace[e] = place;
      evOrder.push(e);
    }
    evOrder.sort((a, b) => evStart[a] - evStart[b]);
    // Event sizes: log-normal popularity scaled to the exact participation count.
    const pop = new Float64Array(nE);
    let popSum = 0;
    for (let e = 0; e < nE; e++) {
      const g = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
      pop[e] = Math.exp(0.8 * g) * (evPlace[e] === 1 || evPlace[e] === 2 ? 1.5 : 1);
      popSum += pop[e];
    }
    const maxSize = Math.floor(nA * 0.3);
    let assigned = 0;
    for (let e = 0; e < nE; e++) {
      evSize[e] = Math.max(1, Math.min(maxSize, Math.round((pop[e] / popSum) * S.participations)));
      assigned += evSize[e];
    }
    while (assigned !== S.participations) {
      const e = int(nE);
      if (assigned < S.participations && evSize[e] < maxSize) (evSize[e]++, assigned++);
      else if (assigned > S.participations && evSize[e] > 1) (evSize[e]--, assigned--);
    }
    const nowSec = endDay * DAY + 12 * 3600;
    const eventIds = new Array(nE);
    for (let e = 0; e < nE; e++) eventIds[e] = ids.event(e);
    counts.event = await copyInto(
      client,
      'event',
      [
        'id',
        'meeting_place',
        'title',
        'description',
        'starts_at',
        'ends_at',
        'format',
        'topics',
        'rus_priorities',
        'attendance_mode',
        'created_at',
        'updated_at',
      ],
      async (row) => {
        for (const e of evOrder) {
          const place = evPlace[e];
          const format = FORMATS[place === 3 ? (rnd() < 0.6 ? 5 : int(8)) : int(8)];
          const topics = [TOPICS[int(TOPICS.length)], TOPICS[int(TOPICS.length)]].filter(
            (t, i, a) => a.indexOf(t) === i,
          );
          const rus = RUS.filter(() => rnd() < 0.25);
          const mode =
            place === 3 ? (rnd() < 0.7 ? 'DIGITAL' : 'HYBRID') : rnd() < 0.15 ? 'HYBRID' : 'PHYSICAL';
          const created = Math.min(evStart[e] - (7 + int(60)) * DAY, nowSec);
          await row(
            [
              eventIds[e],
              PLACES[place],
              q(`${format === 'WEBINAR' ? 'Webbinarium' : 'Samtal'} om ${topics[0]} #${e + 1}`),
              rnd() < 0.5 ? q(`Program om ${topics.join(' och ')}.`) : '',
              ts(evStart[e]),
              ts(evStart[e] + (1 + int(8)) * 1800),
              format,
              q(`{${topics.map((t) => `"${t}"`).join(',')}}`),
              q(`{${rus.join(',')}}`),
              mode,
              ts(created),
              ts(created),
            ].join(','),
          );
        }
      },
    );
    timings.event = seconds(t0);
    log(`event: ${counts.event} rows, ${timings.event} s`);

    // 4. participations, event by event in time order; engagements and memberships are sampled
    // from attended participations (reservoirs), and each actor's first registration is kept.
    t0 = performance.now();
    const actorIds = new Array(nA);
    for (let i = 0; i < nA; i++) actorIds[i] = ids.actor(i);
    const firstSeen = new Float64Array(nA).fill(Infinity);
    const reservoir = (size) => ({ size, seen: 0, actor: new Int32Array(size), event: new Int32Array(size) });
    const engRes = reservoir(S.engagements);
    const memRes = reservoir(S.memberships * 2);
    const offer = (r, a, e) => {
      const k = r.seen++;
      const slot = k < r.size ? k : Math.floor(rnd() * (k + 1));
      if (slot < r.size) {
        r.actor[slot] = a;
        r.event[slot] = e;
      }
    };
    const perActor = new Int32Array(nA);
    const chosen = new Set();
    let pIndex = 0;
    counts.participation = await copyInto(
      client,
      'participation',
      ['id', 'event_id', 'actor_id', 'role', 'status', 'checked_in_at', 'source', 'created_at', 'updated_at'],
      async (row) => {
        for (const e of evOrder) {
          const start = evStart[e];
          const future = start > nowSec;
          const eid = eventIds[e];
          chosen.clear();
          let tries = 0;
          while (chosen.size < evSize[e]) {
            let a = pickCumulative(actorCum, rnd());
            if (chosen.has(a) || weight[a] === 0) {
              if (++tries < evSize[e] * 20) continue;
              // Fallback for very large events: walk to the next unused attending actor.
              do a = (a + 1) % nA;
              while (chosen.has(a) || weight[a] === 0);
            }
            chosen.add(a);
            const role = ROLES[pickRole(rnd())];
            const status = future ? (rnd() < 0.92 ? 'REGISTERED' : 'CANCELLED') : pickPastStatus(rnd());
            const created = Math.min(start - 3600 * (2 + int(24 * 40)), nowSec - 3600);
            const checkedIn = status === 'ATTENDED' ? start - 60 * int(40) : 0;
            const updated = checkedIn || (status === 'REGISTERED' ? created : Math.min(start + 3600, nowSec));
            if (created < firstSeen[a]) firstSeen[a] = created;
            perActor[a]++;
            if (status === 'ATTENDED') {
              offer(engRes, a, e);
              offer(memRes, a, e);
            }
            await row(
              `${ids.participation(pIndex++)},${eid},${actorIds[a]},${role},${status},${
                checkedIn ? ts(checkedIn) : ''
              },IMPORT,${ts(created)},${ts(updated)}`,
            );
          }
        }
      },
    );
    timings.participation = seconds(t0);
    log(`participation: ${counts.participation} rows, ${timings.participation} s`);

    // 5. actors
    t0 = performance.now();
    let emailSeq = 0;
    counts.actor = await copyInto(
      client,
      'actor',
      [
        'id',
        'kind',
        'name',
        'email',
        'title',
        'organisation_id',
        'gender',
        'sector',
        'municipality_code',
        'country',
        'legal_basis',
        'created_at',
        'updated_at',
      ],
      async (row) => {
        for (let i = 0; i < nA; i++) {
          const created =
            firstSeen[i] === Infinity
              ? localTime(startDay - 365 + int(endDay - startDay + 365), 8 + int(9), int(60))
              : firstSeen[i] - DAY * (1 + int(90)) - int(3600);
          const updated = Math.min(created + DAY * int(400), nowSec);
          const legal = LEGAL[pickLegal(rnd())];
          if (kind[i] === 1) {
            const words = ORG_WORDS[sector[i]];
            const name = `${LAST_NAMES[int(LAST_NAMES.length)]}s ${words[int(words.length)]} ${i + 1}`;
            await row(
              `${actorIds[i]},ORGANISATION,${q(name)},,,,,${SECTORS[sector[i]]},${muni[i]},${country[i]},${legal},${ts(
                created,
              )},${ts(updated)}`,
            );
          } else {
            const first = FIRST_NAMES[int(FIRST_NAMES.length)];
            const last = LAST_NAMES[int(LAST_NAMES.length)];
            const domain = org[i] >= 0 ? `org${org[i] + 1}.example.se` : 'example.com';
            const email =
              rnd() < 0.9
                ? `${first}.${last}.${(emailSeq++).toString(36)}@${domain}`
                    .toLowerCase()
                    .normalize('NFD')
                    .replace(/[\u0300-\u036f]/g, '')
                : '';
            const title = rnd() < 0.7 ? TITLES[int(TITLES.length)] : '';
            await row(
              `${actorIds[i]},PERSON,${first} ${last},${email},${title},${org[i] >= 0 ? actorIds[org[i]] : ''},${
                GENDERS[pickGender(rnd())]
              },${SECTORS[sector[i]]},${muni[i]},${country[i]},${legal},${ts(created)},${ts(updated)}`,
            );
          }
        }
      },
    );
    timings.actor = seconds(t0);
    log(`actor: ${counts.actor} rows, ${timings.actor} s`);

    // 6. initiatives, memberships, engagements
    t0 = performance.now();
    const nI = S.initiatives;
    const iStart = new Int32Array(nI);
    const iCum = new Float64Array(nI);
    acc = 0;
    counts.initiative = await copyInto(
      client,
      'initiative',
      ['id', 'name', 'kind', 'topics', 'started_on', 'meeting_place', 'created_at', 'updated_at'],
      async (row) => {
        for (let i = 0; i < nI; i++) {
          iStart[i] = startDay + int(endDay - startDay);
          acc += Math.pow(1 - rnd(), -1 / 1.5);
          iCum[i] = acc;
          const k = weighted([
            ['WORKING_GROUP', 50],
            ['COLLABORATION', 35],
            ['OWN_INITIATIVE', 15],
          ])(rnd());
          const topic = TOPICS[int(TOPICS.length)];
          const created = localTime(iStart[i], 9 + int(8));
          await row(
            `${ids.initiative(i)},${q(`${k === 'OWN_INITIATIVE' ? 'Initiativ' : 'Arbetsgrupp'} ${topic} ${i + 1}`)},${k},${q(
              `{"${topic}"}`,
            )},${dayString(iStart[i])},${rnd() < 0.6 ? PLACES[int(4)] : ''},${ts(created)},${ts(created)}`,
          );
        }
      },
    );
    const memberKeys = new Set();
    let m = 0;
    counts.initiative_membership = await copyInto(
      client,
      'initiative_membership',
      ['id', 'initiative_id', 'actor_id', 'role', 'joined_on', 'left_on', 'created_at', 'updated_at'],
      async (row) => {
        const pool = Math.min(memRes.size, memRes.seen);
        for (let k = 0; k < pool * 4 && m < S.memberships; k++) {
          const slot = k % pool;
          const a = memRes.actor[slot];
          const i = pickCumulative(iCum, rnd());
          const key = i * nA + a;
          if (memberKeys.has(key)) continue;
          memberKeys.add(key);
          const eventDay = Math.floor(evStart[memRes.event[slot]] / DAY);
          const joined = Math.min(Math.max(iStart[i], eventDay + int(60)), endDay);
          const left =
            rnd() < 0.15 && joined + 30 < endDay ? dayString(joined + 30 + int(endDay - joined - 30)) : '';
          const u = rnd();
          const role = u < 0.05 ? 'LEAD' : u < 0.25 ? 'PARTNER' : 'MEMBER';
          const created = localTime(joined, 9 + int(8));
          await row(
            `${ids.membership(m++)},${ids.initiative(i)},${actorIds[a]},${role},${dayString(joined)},${left},${ts(
              created,
            )},${ts(created)}`,
          );
        }
      },
    );
    const pickEngagement = weighted([
      ['INPUT', 70],
      ['POLICY_INFLUENCE', 15],
      ['IMPLEMENTATION', 15],
    ]);
    counts.engagement = await copyInto(
      client,
      'engagement',
      ['id', 'actor_id', 'kind', 'occurred_on', 'event_id', 'initiative_id', 'note', 'created_at'],
      async (row) => {
        const n = Math.min(engRes.size, engRes.seen);
        for (let k = 0; k < n; k++) {
          const e = engRes.event[k];
          const day = Math.min(Math.floor(evStart[e] / DAY) + int(30), endDay);
          const viaInitiative = rnd() < 0.1;
          await row(
            `${ids.engagement(k)},${actorIds[engRes.actor[k]]},${pickEngagement(rnd())},${dayString(day)},${
              viaInitiative ? '' : eventIds[e]
            },${viaInitiative ? ids.initiative(int(nI)) : ''},${rnd() < 0.3 ? 'Inspel till RUS' : ''},${ts(
              localTime(day, 10 + int(6)),
            )}`,
          );
        }
      },
    );
    timings.ladder_evidence = seconds(t0);
    log(
      `initiative ${counts.initiative}, initiative_membership ${counts.initiative_membership}, engagement ${counts.engagement}: ${timings.ladder_evidence} s`,
    );
    if (counts.initiative_membership < S.memberships)
      log(`  note: only ${counts.initiative_membership} memberships`);

    await client.query(`COMMIT`);

    // 7. indexes, statistics
    t0 = performance.now();
    await client.query(`SET max_parallel_maintenance_workers = 2`);
    await recreateIndexes(client, dropped);
    timings.indexes = seconds(t0);
    t0 = performance.now();
    await client.query(`ANALYZE`);
    timings.analyze = seconds(t0);
    log(`indexes: ${timings.indexes} s, analyze: ${timings.analyze} s`);

    // Distribution summary (attendance per actor).
    const hist = new Map();
    for (let i = 0; i < nA; i++) {
      const c = perActor[i];
      const bucket = c === 0 ? '0' : c <= 3 ? '1-3' : c <= 10 ? '4-10' : c <= 50 ? '11-50' : '>50';
      hist.set(bucket, (hist.get(bucket) ?? 0) + 1);
    }
    log(
      `participations per actor: ${['0', '1-3', '4-10', '11-50', '>50']
        .map((b) => `${b}: ${hist.get(b) ?? 0}`)
        .join(', ')}; max ${perActor.reduce((x, y) => Math.max(x, y), 0)}`,
    );
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  timings.total = seconds(tAll);
  console.table(counts);
  log(`total ${timings.total} s`);
  return { database: args.database, scale: args.scale, seed: args.seed, counts, timings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  datagen(process.argv.slice(2)).catch((e) => {
    console.error(`[datagen] failed: ${e.message}`);
    process.exit(1);
  });
}
