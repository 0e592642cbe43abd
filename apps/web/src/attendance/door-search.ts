// The door's search on the device: the same rule as the API's checkInSearch — every word of the
// query in the name, email or organisation, ignoring case and accents; names starting with the query
// first, then a word of the name starting with a word of the query, then by name; at most 20. It
// answers every keystroke from the list kept in memory (online while the server is asked, and alone
// offline), so it has to be quick on an event of thousands: each participant's folded text is
// computed once (per participant object, see `entry`), not on every keystroke.
import type { DoorParticipant } from './door-types';

export const SEARCH_LIMIT = 20;
export const MAX_QUERY_LENGTH = 100;

/** Lower case without accents or punctuation differences: "Åsa Ödén" → "asa oden". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** As the API's person_name_key: folded, anything but letters and digits a single space. */
export function nameKey(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function queryWords(query: string): string[] {
  return fold(query.slice(0, MAX_QUERY_LENGTH)).split(' ').filter(Boolean);
}

interface Entry {
  /** Folded name, email and organisation. */
  haystack: string;
  /** The name's key with a space in front: ' anna karin oberg'. */
  name: string;
}

// Participants are immutable (a new state is a new object), so their folded text is kept per object.
const entries = new WeakMap<DoorParticipant, Entry>();

function entry(p: DoorParticipant): Entry {
  let found = entries.get(p);
  if (!found) {
    found = {
      haystack: fold([p.name, p.email ?? '', p.organisation ?? ''].join(' ')),
      name: ` ${nameKey(p.name)}`,
    };
    entries.set(p, found);
  }
  return found;
}

export function matches(p: DoorParticipant, words: readonly string[]): boolean {
  if (!words.length) return false;
  const { haystack } = entry(p);
  return words.every((word) => haystack.includes(word));
}

interface Ranking {
  /** The whole query's key, for "the name starts with the query". */
  whole: string;
  /** Each word's key with a space in front, for "a word of the name starts with it". */
  starts: string[];
}

function ranking(words: readonly string[]): Ranking {
  return {
    whole: nameKey(words.join(' ')),
    starts: words
      .map(nameKey)
      .filter(Boolean)
      .map((key) => ` ${key}`),
  };
}

function rank(p: DoorParticipant, { whole, starts }: Ranking): number {
  const { name } = entry(p);
  if (whole && name.startsWith(` ${whole}`)) return 0;
  if (starts.some((start) => name.includes(start))) return 1;
  return 2;
}

const collator = new Intl.Collator('sv-SE');

/** The participants matching the query, best first, at most `limit`. */
export function localSearch(
  participants: readonly DoorParticipant[],
  query: string,
  limit = SEARCH_LIMIT,
): DoorParticipant[] {
  const words = queryWords(query);
  if (!words.length) return [];
  const order = ranking(words);
  // Ranked into three buckets first; only the buckets that reach the limit are sorted by name.
  const buckets: DoorParticipant[][] = [[], [], []];
  for (const p of participants) if (matches(p, words)) buckets[rank(p, order)].push(p);
  const found: DoorParticipant[] = [];
  for (const bucket of buckets) {
    if (found.length >= limit) break;
    bucket.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    found.push(...bucket.slice(0, limit - found.length));
  }
  return found;
}

/**
 * The device's list with the server's rows folded in: a row the server sent replaces the device's
 * (fresher status), one the device did not have is added (registered since the list was saved).
 * The same array when nothing differs.
 */
export function withRows(
  participants: readonly DoorParticipant[],
  rows: readonly DoorParticipant[],
): { list: readonly DoorParticipant[]; changed: DoorParticipant[] } {
  if (!rows.length) return { list: participants, changed: [] };
  const at = new Map<string, number>();
  participants.forEach((p, i) => at.set(p.id, i));
  let list: DoorParticipant[] | null = null;
  const changed: DoorParticipant[] = [];
  for (const row of rows) {
    const i = at.get(row.id);
    if (i !== undefined && sameParticipant(participants[i], row)) continue;
    list ??= participants.slice();
    if (i === undefined) {
      at.set(row.id, list.length);
      list.push(row);
    } else list[i] = row;
    changed.push(row);
  }
  return { list: list ?? participants, changed };
}

export function sameParticipant(a: DoorParticipant, b: DoorParticipant): boolean {
  return (
    a.id === b.id &&
    a.eventId === b.eventId &&
    a.actorId === b.actorId &&
    a.name === b.name &&
    a.email === b.email &&
    a.organisation === b.organisation &&
    a.role === b.role &&
    a.status === b.status &&
    a.checkedInAt === b.checkedInAt &&
    a.checkInCode === b.checkInCode
  );
}
