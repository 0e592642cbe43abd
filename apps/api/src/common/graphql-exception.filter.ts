import { DomainValidationError, RefusalReason } from '@crm/domain';
import { isInvalidInputError, sqlStateOf } from '@crm/persistence';
import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { NO_ACTOR_HAS_THIS_ID } from '../restriction/writable-actor';
import { badUserInput, fieldOfRefusedValue, fromValidationError } from './errors';

/**
 * Turns domain validation errors into BAD_USER_INPUT naming the field (400 naming it on REST routes),
 * with the refusal's stable code as `extensions.reason` (`reason` on REST) when it has one,
 * and so too a value PostgreSQL refuses (too long, out of range, an impossible date, not UTF-8).
 * Anything unexpected is logged by message only (database error details can carry personal data)
 * and answered as an internal error, without a stack or a path.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return this.answerHttp(exception, host);
    const gqlHost = GqlArgumentsHost.create(host);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainValidationError) {
      return withReason(fromValidationError(exception), exception);
    }
    if (isInvalidInputError(exception)) {
      const args = (gqlHost.getArgs() ?? {}) as Record<string, unknown>;
      const field =
        fieldOfRefusedValue(args, sqlStateOf(exception)) ??
        gqlHost.getInfo<{ fieldName: string }>()?.fieldName;
      this.logger.warn(`refused input [${sqlStateOf(exception)}] in ${field}`);
      return badUserInput(field ?? 'input', REFUSED_VALUE);
    }
    this.logger.error(describe(exception));
    return new GraphQLError(INTERNAL_ERROR, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }

  /** REST routes (the import upload, report downloads, /health, body parsing) answer JSON too: `{ statusCode, message }`. */
  private answerHttp(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
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
        ...(reasonOf(exception) ? { reason: reasonOf(exception) } : {}),
      });
      return;
    }
    // http-errors from Express's body parsers: 413 over HTTP_BODY_LIMIT_BYTES, 415 an unknown charset, …
    const status = clientErrorStatus(exception);
    if (status !== null) {
      response.status(status).json({ statusCode: status, message: (exception as Error).message });
      return;
    }
    if (isInvalidInputError(exception)) {
      this.logger.warn(`refused input [${sqlStateOf(exception)}] on a REST route`);
      response.status(400).json({ statusCode: 400, message: REFUSED_VALUE });
      return;
    }
    this.logger.error(describe(exception));
    response.status(500).json({ statusCode: 500, message: INTERNAL_ERROR });
  }
}

const INTERNAL_ERROR = 'Internt fel: försök igen eller kontakta support';
const REFUSED_VALUE = 'is not a value that can be stored (too long, out of range or not valid text)';

/** The refusal's stable code (DomainValidationError.reason) as `extensions.reason`, when it has one. */
function withReason(error: GraphQLError, exception: DomainValidationError): GraphQLError {
  const reason = reasonOf(exception);
  if (!reason) return error;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, reason } });
}

/**
 * The refusal's code. "No actor has this ID" is NOT_FOUND whichever path raised it (a foreign key,
 * the door's check of a hidden walk-in, a merge): a hidden person's answer must be exactly an
 * unknown id's, extensions included, so no refusal tells that someone hidden exists.
 */
function reasonOf(exception: DomainValidationError): string | undefined {
  if (exception.reason) return exception.reason;
  return exception.message === NO_ACTOR_HAS_THIS_ID ? RefusalReason.NOT_FOUND : undefined;
}

/** The status of an http-errors error meant for the client (4xx with `expose`), else null. */
function clientErrorStatus(exception: unknown): number | null {
  const e = exception as { status?: unknown; statusCode?: unknown; expose?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : e?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 && e?.expose === true ? status : null;
}

function describe(exception: unknown): string {
  if (exception instanceof Error) {
    const code = (exception as { code?: unknown }).code;
    return `${exception.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${exception.message}`;
  }
  return 'non-error thrown';
}
