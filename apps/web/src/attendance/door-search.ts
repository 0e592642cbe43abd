// The door's search on the device, for when there is no connection: the same idea as the API's
// checkInSearch — every word of the query in the name, email or organisation, ignoring case and
// accents; names starting with the query first, then a word of the name starting with a word of the
// query, then by name; at most 20.
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

export function queryWords(query: string): string[] {
  return fold(query.slice(0, MAX_QUERY_LENGTH)).split(' ').filter(Boolean);
}

function haystack(p: DoorParticipant): string {
  return fold([p.name, p.email ?? '', p.organisation ?? ''].join(' '));
}

export function matches(p: DoorParticipant, words: readonly string[]): boolean {
  if (!words.length) return false;
  const text = haystack(p);
  return words.every((word) => text.includes(word));
}

function rank(p: DoorParticipant, words: readonly string[], whole: string): number {
  const name = fold(p.name);
  if (name.startsWith(whole)) return 0;
  const nameWords = name.split(' ');
  if (nameWords.some((n) => words.some((w) => n.startsWith(w)))) return 1;
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
  const whole = words.join(' ');
  return participants
    .filter((p) => matches(p, words))
    .map((p) => ({ p, rank: rank(p, words, whole) }))
    .sort((a, b) => a.rank - b.rank || collator.compare(a.p.name, b.p.name) || a.p.id.localeCompare(b.p.id))
    .slice(0, limit)
    .map(({ p }) => p);
}
