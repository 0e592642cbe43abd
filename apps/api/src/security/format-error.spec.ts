import { fieldOfVariableError, formatErrorFor } from './format-error';

describe('format error', () => {
  const hidden = formatErrorFor({ suggestions: false });
  const shown = formatErrorFor({ suggestions: true });

  it('never sends a stack trace or exception details', () => {
    const formatted = hidden({
      message: 'boom',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        stacktrace: ['Error: boom', '    at /work/x.ts:1'],
        exception: {},
      },
    });
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('removes field and enum suggestions unless introspection is on', () => {
    const field = { message: 'Cannot query field "emial" on type "User". Did you mean "email"?' };
    expect(hidden(field).message).toBe('Cannot query field "emial" on type "User".');
    expect(shown(field).message).toBe(field.message);
    const value = {
      message: 'Value "PERSN" does not exist in "ActorKind" enum. Did you mean the enum value "PERSON"?',
    };
    expect(hidden(value).message).not.toMatch(/PERSON|Did you mean/);
    const input = {
      message:
        'Variable "$f" got invalid value { serch: "x" }; Field "serch" is not defined by type "ActorFilterInput". Did you mean "search"?',
      extensions: { code: 'BAD_USER_INPUT' },
    };
    expect(hidden(input).message).not.toMatch(/search"|Did you mean/);
  });

  it('reports the token limit as the validation limit it is', () => {
    const formatted = hidden({
      message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(formatted).toMatchObject({
      message: 'Token limit of 5000 exceeded.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('names the input field of a variable graphql could not coerce', () => {
    expect(
      fieldOfVariableError(
        'Variable "$input" got invalid value 7 at "input.organisationId"; ID cannot represent value: 7',
      ),
    ).toBe('organisationId');
    expect(fieldOfVariableError('Variable "$input" got invalid value "x" at "input.topics[3]"; …')).toBe(
      'topics',
    );
    expect(
      fieldOfVariableError(
        'Variable "$first" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value',
      ),
    ).toBe('first');
    expect(fieldOfVariableError('Variable "$id" of required type "ID!" was not provided.')).toBe('id');
    expect(fieldOfVariableError('Something else')).toBeUndefined();
  });
});
