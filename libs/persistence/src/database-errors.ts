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
