import { DomainValidationError } from '@crm/domain';
import { decodeCursor, encodeCursor, likeContains, pageSize, rowsOf } from './sql';

describe('keyset cursors', () => {
  const id = '3f2b8c4e-1d2a-4b5c-9e8f-0a1b2c3d4e5f';

  it('round-trips the sort key of the list that made it', () => {
    const cursor = encodeCursor('actors', ['Åsa Öberg', id]);
    expect(decodeCursor(cursor, 'actors', ['text', 'uuid'])).toEqual(['Åsa Öberg', id]);
    expect(decodeCursor(null, 'actors', ['text', 'uuid'])).toBeNull();
  });

  const events = ['timestamp', 'uuid'] as const;
  const actors = ['text', 'uuid'] as const;
  it.each([
    ['garbage', 'nonsense', 'actors', actors],
    ['a cursor of another list', encodeCursor('events', ['2026-01-01T00:00:00.000Z', id]), 'actors', actors],
    ['a non-uuid id', encodeCursor('actors', ['Anna', 'not-a-uuid']), 'actors', actors],
    ['a non-timestamp key', encodeCursor('events', ['Anna', id]), 'events', events],
    ['the wrong arity', encodeCursor('actors', [id]), 'actors', actors],
  ] as const)('refuses %s as bad input on the field', (_case, cursor, list, kinds) => {
    expect(() => decodeCursor(cursor, list, kinds)).toThrow(
      expect.objectContaining({ name: 'DomainValidationError', field: 'after' }),
    );
  });
});

describe('query helpers', () => {
  it('matches typed text literally in LIKE', () => {
    expect(likeContains('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(0)).toBe(0);
    expect(() => pageSize(501)).toThrow(DomainValidationError);
    expect(() => pageSize(-1)).toThrow(DomainValidationError);
  });

  it('unwraps TypeORM answers to UPDATE .. RETURNING', () => {
    expect(rowsOf([[{ id: 1 }], 1])).toEqual([{ id: 1 }]);
    expect(rowsOf([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
