import { normaliseTopics, requireName } from './text';
import { DomainValidationError } from './validation';

function errorOf(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('requireName', () => {
  it('trims and collapses inner whitespace', () => {
    expect(requireName('name', '  Umeå   universitet\t\n')).toBe('Umeå universitet');
  });

  it.each([null, undefined, '', '   '])('rejects %p on the given field', (raw) => {
    const error = errorOf(() => requireName('title', raw));
    expect(error.field).toBe('title');
    expect(error.message).toBe('must not be empty');
  });

  it('enforces the default maximum of 200 characters', () => {
    expect(requireName('name', 'å'.repeat(200))).toHaveLength(200);
    const error = errorOf(() => requireName('name', 'a'.repeat(201)));
    expect(error.field).toBe('name');
    expect(error.message).toBe('must be at most 200 characters');
  });

  it('honours a custom maximum, counted after collapsing', () => {
    expect(requireName('name', 'a     b', 3)).toBe('a b');
    expect(errorOf(() => requireName('name', 'abcd', 3)).message).toBe('must be at most 3 characters');
  });
});

describe('normaliseTopics', () => {
  it.each([null, undefined, []])('returns [] for %p', (raw) => {
    expect(normaliseTopics(raw)).toEqual([]);
  });

  it('trims, drops blanks and dedupes case-insensitively keeping the first spelling', () => {
    expect(
      normaliseTopics([' Grön omställning ', '', '  ', 'ENERGI', 'grön  omställning', 'Energi', 'Skog']),
    ).toEqual(['Grön omställning', 'ENERGI', 'Skog']);
  });

  it('dedupes Swedish letters across cases', () => {
    expect(normaliseTopics(['Åtgärder', 'åTGÄRDER'])).toEqual(['Åtgärder']);
  });

  it('allows 80-character topics and rejects longer ones on field topics', () => {
    expect(normaliseTopics(['x'.repeat(80)])).toEqual(['x'.repeat(80)]);
    const error = errorOf(() => normaliseTopics(['x'.repeat(81)]));
    expect(error.field).toBe('topics');
    expect(error.message).toBe('each topic must be at most 80 characters');
  });

  it('allows 20 distinct topics, counting after dedupe, and rejects 21', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `Ämne ${i}`);
    expect(normaliseTopics([...twenty, ...twenty.map((t) => t.toUpperCase())])).toEqual(twenty);
    const error = errorOf(() => normaliseTopics([...twenty, 'Ämne 20']));
    expect(error.field).toBe('topics');
    expect(error.message).toBe('must have at most 20 topics');
  });
});
