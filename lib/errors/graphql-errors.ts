import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { isDatabaseUnreachable } from '../orm/database-unreachable';
import { DomainError, ServiceUnavailableError } from './domain-errors';

// Codes produced by graphql-js / Apollo Server themselves for client mistakes; they are safe to
// pass through. Anything else that is not a DomainError is a bug and is hidden from clients.
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'SEVERITY_NOT_ALLOWED',
  'SUPPORT_THROUGH_PARTNER',
  'REOPEN_WINDOW_CLOSED',
  'INVALID_TRANSITION',
  'VERIFICATION_FAILED',
  'RATE_LIMITED',
  'OPERATION_TOO_COMPLEX',
  'SUBGRAPH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
]);

export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...error.details },
  });
}

export interface ErrorFormatterOptions {
  /** Recognises refusals raised by operation limits (GraphQL Armor), which carry no code. */
  isTooComplex?: (original: unknown) => boolean;
}

/** The one place where errors become what clients see. */
export function createErrorFormatter(log: Logger, options: ErrorFormatterOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const raw = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const original = isDatabaseUnreachable(raw) ? new ServiceUnavailableError() : raw;
    if (original !== raw) log.warn({ err: raw, path: formatted.path }, 'database unreachable');
    if (options.isTooComplex?.(original)) {
      return {
        message: `${formatted.message.replace(/^Syntax Error: /, '')} Simplify the operation.`,
        locations: formatted.locations,
        extensions: { code: 'OPERATION_TOO_COMPLEX' },
      };
    }
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      const { stacktrace: _ignored, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error. It has been logged; try again later.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
