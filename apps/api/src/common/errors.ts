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
