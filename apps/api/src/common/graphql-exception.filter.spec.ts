import { DomainValidationError, RefusalReason } from '@crm/domain';
import { ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { GraphqlExceptionFilter } from './graphql-exception.filter';

function graphqlHost(): ArgumentsHost {
  return {
    getType: () => 'graphql',
    getArgs: () => [{}, {}, {}, { fieldName: 'restrictProcessing' }],
    getArgByIndex: (index: number) => [{}, {}, {}, { fieldName: 'restrictProcessing' }][index],
  } as unknown as ArgumentsHost;
}

function httpHost() {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('GraphqlExceptionFilter', () => {
  const filter = new GraphqlExceptionFilter();

  it('answers a refusal with a stable code as BAD_USER_INPUT naming the field, the code in extensions.reason', () => {
    const answer = filter.catch(
      new DomainValidationError('actorId', 'is already restricted', RefusalReason.ALREADY_RESTRICTED),
      graphqlHost(),
    ) as GraphQLError;
    expect(answer).toBeInstanceOf(GraphQLError);
    expect(answer.message).toBe('actorId: is already restricted');
    expect(answer.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'actorId',
      reason: 'ALREADY_RESTRICTED',
    });
  });

  it('answers a refusal without a code as before: no reason in the extensions', () => {
    const answer = filter.catch(
      new DomainValidationError('email', 'is not a valid email address'),
      graphqlHost(),
    ) as GraphQLError;
    expect(answer.message).toBe('email: is not a valid email address');
    expect(answer.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(answer.extensions).not.toHaveProperty('reason');
  });

  it('answers every "no actor has this ID" as NOT_FOUND, also one raised without a code', () => {
    const answer = filter.catch(
      new DomainValidationError('actorId', 'no actor has this ID'),
      graphqlHost(),
    ) as GraphQLError;
    expect(answer.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'actorId', reason: 'NOT_FOUND' });
  });

  it('passes a GraphQLError through untouched', () => {
    const error = new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    expect(filter.catch(error, graphqlHost())).toBe(error);
  });

  it('answers a refusal on a REST route with 400, the field and the code', () => {
    const { host, sent } = httpHost();
    filter.catch(new DomainValidationError('actorId', 'no actor has this ID', RefusalReason.NOT_FOUND), host);
    expect(sent).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        message: 'actorId: no actor has this ID',
        field: 'actorId',
        reason: 'NOT_FOUND',
      },
    });
  });

  it('answers a refusal on a REST route without a code with no reason key', () => {
    const { host, sent } = httpHost();
    filter.catch(new DomainValidationError('file', 'is empty'), host);
    expect(sent.body).toEqual({ statusCode: 400, message: 'file: is empty', field: 'file' });
  });
});
