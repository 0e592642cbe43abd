import { HttpException, HttpStatus } from '@nestjs/common';

/** The /auth routes' error answers: `{ code, message }` (English for developers; the web app words them). */
export function authError(
  status: HttpStatus,
  code: string,
  message: string,
  extra: object = {},
): HttpException {
  return new HttpException({ code, message, ...extra }, status);
}

/** 400 for a malformed body, naming the field. */
export function badRequest(field: string, message: string): HttpException {
  return authError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', `${field}: ${message}`, { field });
}

/** The longest email or password read, in bytes of UTF-8. */
export const MAX_CREDENTIAL_BYTES = 1024;

/** The string `field` of a JSON body: present, a string, at most 1 KB; else 400 naming it. */
export function stringField(body: unknown, field: string): string {
  const value =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) throw badRequest(field, 'is required (send a JSON body)');
  if (typeof value !== 'string') throw badRequest(field, 'must be a string');
  if (Buffer.byteLength(value, 'utf8') > MAX_CREDENTIAL_BYTES) {
    throw badRequest(field, `must be at most ${MAX_CREDENTIAL_BYTES} bytes`);
  }
  return value;
}
