import { DomainValidationError } from '@crm/domain';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Turns raw rows (snake_case columns) into entity instances, using the entity's own column metadata. */
export function hydrate<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  result: unknown,
): T[] {
  const metadata = em.dataSource.getMetadata(target);
  return rowsOf(result).map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      if (column.databaseName in row) {
        (entity as ObjectLiteral)[column.propertyName] = row[column.databaseName];
      }
    }
    return entity;
  });
}

/** TypeORM answers UPDATE/DELETE .. RETURNING with [rows, affected]; everything else with rows. */
export function rowsOf(result: unknown): ObjectLiteral[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as ObjectLiteral[];
  }
  return result as ObjectLiteral[];
}

/** Collects SQL conditions and their positional parameters. */
export class Where {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a parameter and answers its placeholder ($n). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  toSql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** Escapes LIKE wildcards so typed text is matched literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
  cursorOf(item: T): string;
}

export type CursorPart = 'text' | 'uuid' | 'timestamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z?$/;
const partIsValid: Record<CursorPart, (value: string) => boolean> = {
  text: () => true,
  uuid: (value) => UUID.test(value),
  timestamp: (value) =>
    ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value.endsWith('Z') ? value : `${value}Z`)),
};

/**
 * Opaque keyset cursors: the list they belong to and the sort key of the last row seen,
 * base64url-encoded. A cursor from another list, or one edited by hand, is refused as bad input
 * before it reaches SQL.
 */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string | null | undefined,
  list: string,
  parts: readonly CursorPart[],
  field = 'after',
): string[] | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === parts.length + 1 &&
      decoded[0] === list &&
      decoded.every((k) => typeof k === 'string')
    ) {
      const key = decoded.slice(1) as string[];
      if (key.every((value, i) => partIsValid[parts[i]](value))) return key;
    }
  } catch {
    // fall through to the validation error below
  }
  throw new DomainValidationError(field, 'is not a cursor this list produced');
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new DomainValidationError(field, `must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}
