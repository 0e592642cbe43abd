import { isCalendarDate } from '@crm/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const MESSAGE = 'Date must be a calendar date as YYYY-MM-DD';

/**
 * A calendar date without time or zone, 'YYYY-MM-DD' on the wire and in the application (strings
 * compare and sort like the dates they name, and no time zone can move them by a day). Anything
 * else — a timestamp, an impossible day, a number — is refused, in both directions.
 */
export const GraphQLDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: "A calendar date, 'YYYY-MM-DD' (no time, no zone)",
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (isCalendarDate(value)) return value;
    throw new GraphQLError(`${MESSAGE}; cannot answer ${describe(value)}`);
  },
  parseValue(value) {
    if (isCalendarDate(value)) return value;
    throw new GraphQLError(`${MESSAGE}; got ${describe(value)}`);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isCalendarDate(ast.value)) return ast.value;
    throw new GraphQLError(
      `${MESSAGE}; got ${ast.kind === Kind.STRING ? JSON.stringify(ast.value) : ast.kind}`,
      {
        nodes: ast,
      },
    );
  },
});

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
