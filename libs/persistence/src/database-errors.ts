/** PostgreSQL error codes the application turns into answers for the user. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';

export interface DatabaseError {
  code: string;
  constraint?: string;
}

export function isDatabaseError(error: unknown, code?: string): error is DatabaseError {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const actual = typeof e?.code === 'string' ? e.code : e?.driverError?.code;
  return typeof actual === 'string' && (code === undefined || actual === code);
}

/** The constraint a database error names, whether pg's error or TypeORM's wrapper was thrown. */
export function constraintOf(error: unknown): string | undefined {
  const e = error as { constraint?: string; driverError?: { constraint?: string } } | null;
  return e?.constraint ?? e?.driverError?.constraint;
}

/**
 * Errors PostgreSQL raises for the value it was given rather than for the state of the database:
 * class 22 (data exception: text too long for its column, a number out of range, an impossible
 * date, a byte sequence that is not UTF-8 such as NUL, a malformed uuid) and 54000 (a value too
 * large for an index row). They mean the input was bad: answered as bad input, never as a 500.
 */
export function isInvalidInputError(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== undefined && /^[0-9A-Z]{5}$/.test(code) && (code.startsWith('22') || code === '54000');
}

/** The SQLSTATE of a database error, whether pg's error or TypeORM's wrapper was thrown. */
export function sqlStateOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = typeof e?.code === 'string' ? e.code : e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}
