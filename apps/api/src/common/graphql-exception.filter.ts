import { DomainValidationError } from '@crm/domain';
import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fromValidationError } from './errors';

/**
 * Turns domain validation errors into BAD_USER_INPUT naming the field. Anything unexpected is logged
 * by message only (database error details can carry personal data) and answered as an internal error.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') {
      if (exception instanceof HttpException) throw exception;
      this.logger.error(describe(exception));
      throw exception;
    }
    GqlArgumentsHost.create(host);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainValidationError) return fromValidationError(exception);
    this.logger.error(describe(exception));
    return new GraphQLError('Internt fel: försök igen eller kontakta support', {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
}

function describe(exception: unknown): string {
  if (exception instanceof Error) {
    const code = (exception as { code?: unknown }).code;
    return `${exception.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${exception.message}`;
  }
  return 'non-error thrown';
}
