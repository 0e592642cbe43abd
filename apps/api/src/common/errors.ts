import { DomainValidationError } from '@crm/domain';
import { GraphQLError } from 'graphql';

export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function fromValidationError(error: DomainValidationError): GraphQLError {
  return badUserInput(error.field, error.message);
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Authentication required: send Authorization: Bearer <token>', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

export function forbidden(): GraphQLError {
  return new GraphQLError('Your role does not allow this operation', { extensions: { code: 'FORBIDDEN' } });
}

interface Leaf {
  key: string;
  value: unknown;
}

function leavesOf(value: unknown, key: string, into: Leaf[], depth = 0): Leaf[] {
  if (depth > 32) return into;
  if (value instanceof Date || value === null || typeof value !== 'object') into.push({ key, value });
  else if (Array.isArray(value)) for (const item of value) leavesOf(item, key, into, depth + 1);
  else for (const [k, v] of Object.entries(value)) leavesOf(v, k, into, depth + 1);
  return into;
}

const DATE_LIKE = /^[+-]?\d{4,6}-\d{2}-\d{2}/;

/**
 * Which input field most likely holds the value PostgreSQL refused with `sqlState`: the longest
 * text for a value too long, the largest number for one out of range, a date for an impossible
 * date, text that is not valid UTF-8 for an encoding error; otherwise the first field. A fallback
 * for values no earlier check caught; the input guard and the domain name fields exactly.
 */
export function fieldOfRefusedValue(
  args: Record<string, unknown>,
  sqlState: string | undefined,
): string | undefined {
  const leaves = leavesOf(args, 'input', []).filter((l) => l.value !== null && l.value !== undefined);
  const strings = leaves.filter((l) => typeof l.value === 'string') as { key: string; value: string }[];
  let chosen: Leaf | undefined;
  if (sqlState === '22001' || sqlState === '54000') {
    chosen = [...strings].sort((a, b) => b.value.length - a.value.length)[0];
  } else if (sqlState === '22003') {
    chosen = leaves
      .filter((l) => typeof l.value === 'number')
      .sort((a, b) => Math.abs(b.value as number) - Math.abs(a.value as number))[0];
  } else if (sqlState === '22007' || sqlState === '22008') {
    // PostgreSQL's timestamps run from 4713 BC to 294276 AD; JavaScript's reach 271821 BC.
    const outOfRange = (d: Date) =>
      Number.isNaN(d.getTime()) || d.getUTCFullYear() < -4712 || d.getUTCFullYear() > 294_275;
    chosen = leaves.find((l) => l.value instanceof Date && outOfRange(l.value));
    chosen ??= leaves.find(
      (l) => l.value instanceof Date || (typeof l.value === 'string' && DATE_LIKE.test(l.value)),
    );
    chosen ??= leaves.find((l) => l.key === 'after');
  } else if (sqlState === '22021' || sqlState === '22P05') {
    chosen = strings.find((l) => l.value.includes('\u0000') || /[\uD800-\uDFFF]/.test(l.value));
  }
  return (chosen ?? leaves[0])?.key;
}
