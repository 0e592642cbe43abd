import type { GraphQLFormattedError } from 'graphql';
import { TOKEN_LIMIT_MESSAGE, VALIDATION_FAILED } from './graphql-limits';

const SUGGESTION = / ?Did you mean[^?]*\?/g;
const VARIABLE_PATH = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/s;
const VARIABLE = /^Variable "\$(\w+)"/;

/**
 * The last look at every GraphQL error before it is sent: no stack trace or exception details, ever
 * (whatever NODE_ENV says); no field suggestions unless introspection is on (they reveal the schema);
 * the token limit, which graphql's parser enforces, reported as the limit it is; and a variable graphql could not coerce (an Int out of 32-bit range, a string for a number) names
 * its input field in `extensions.field`, as every other BAD_USER_INPUT does.
 */
export function formatErrorFor(options: { suggestions: boolean }) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const {
      stacktrace: _stacktrace,
      exception: _exception,
      ...extensions
    } = (formatted.extensions ?? {}) as Record<string, unknown>;
    let message = formatted.message;
    if (!options.suggestions) message = message.replace(SUGGESTION, '');
    const tokens = TOKEN_LIMIT_MESSAGE.exec(message);
    if (tokens) {
      message = `Token limit of ${tokens[1]} exceeded.`;
      extensions.code = VALIDATION_FAILED;
    }
    if (extensions.code === 'BAD_USER_INPUT' && extensions.field === undefined) {
      const field = fieldOfVariableError(message);
      if (field) extensions.field = field;
    }
    return { ...formatted, message, extensions };
  };
}

export function fieldOfVariableError(message: string): string | undefined {
  const withPath = VARIABLE_PATH.exec(message);
  if (withPath) {
    const segments = withPath[2].split(/[.[\]]/).filter((s) => s !== '' && !/^\d+$/.test(s));
    return segments[segments.length - 1] ?? withPath[1];
  }
  return VARIABLE.exec(message)?.[1];
}
