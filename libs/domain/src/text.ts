import { DomainValidationError } from './validation';

export const MAX_TOPIC_LENGTH = 80;
export const MAX_TOPICS = 20;

// NFC so that 'å' typed on a Mac and 'å' from an Excel export compare equal.
function clean(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

function length(text: string): number {
  return [...text].length; // code points, so one emoji or letter counts once
}

/** A required display name: trimmed, inner whitespace collapsed, 1..maxLength characters. */
export function requireName(field: string, raw: string | null | undefined, maxLength = 200): string {
  const name = clean(raw ?? '');
  if (name === '') throw new DomainValidationError(field, 'must not be empty');
  if (length(name) > maxLength) {
    throw new DomainValidationError(field, `must be at most ${maxLength} characters`);
  }
  return name;
}

/** Event topics: cleaned, blanks dropped, case-insensitive duplicates removed keeping the first spelling. */
export function normaliseTopics(raw?: string[] | null): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const item of raw ?? []) {
    const topic = clean(item);
    if (topic === '') continue;
    if (length(topic) > MAX_TOPIC_LENGTH) {
      throw new DomainValidationError('topics', `each topic must be at most ${MAX_TOPIC_LENGTH} characters`);
    }
    const key = topic.toLocaleLowerCase('sv');
    if (seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
  }
  if (topics.length > MAX_TOPICS) {
    throw new DomainValidationError('topics', `must have at most ${MAX_TOPICS} topics`);
  }
  return topics;
}
