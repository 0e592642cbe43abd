import { DomainValidationError } from '@crm/domain';
import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { fromValidationError } from './errors';

/**
 * Turns domain validation errors into BAD_USER_INPUT naming the field (400 naming it on REST routes). Anything unexpected is logged
 * by message only (database error details can carry personal data) and answered as an internal error.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return this.answerHttp(exception, host);
    GqlArgumentsHost.create(host);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainValidationError) return fromValidationError(exception);
    this.logger.error(describe(exception));
    return new GraphQLError(INTERNAL_ERROR, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }

  /** REST routes (the import upload, /health) answer JSON too: `{ statusCode, message }`. */
  private answerHttp(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    if (exception instanceof DomainValidationError) {
      response.status(400).json({
        statusCode: 400,
        message: `${exception.field}: ${exception.message}`,
        field: exception.field,
      });
      return;
    }
    this.logger.error(describe(exception));
    response.status(500).json({ statusCode: 500, message: INTERNAL_ERROR });
  }
}

const INTERNAL_ERROR = 'Internt fel: försök igen eller kontakta support';

function describe(exception: unknown): string {
  if (exception instanceof Error) {
    const code = (exception as { code?: unknown }).code;
    return `${exception.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${exception.message}`;
  }
  return 'non-error thrown';
}
