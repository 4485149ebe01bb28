import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { isDatabaseUnreachable } from '../orm/database-unreachable';
import {
  DOMAIN_ERROR_CODES,
  DomainError,
  type ErrorCode,
  ServiceUnavailableError,
} from './domain-errors';

// Codes graphql-js, Apollo Server and the gateway give to client mistakes and missing services.
// With the domain's codes they are what may reach a client; anything else is a bug, hidden.
const SERVER_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'SUBGRAPH_UNAVAILABLE',
] as const;

const PASS_THROUGH_CODES = new Set<string>([...DOMAIN_ERROR_CODES, ...SERVER_CODES]);

/** The HTTP status of a refusal that ends a request before it runs (authentication, say). */
const REQUEST_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** The HTTP status of a request that a refusal with `code` ends before anything runs. */
export const requestStatusOf = (code: unknown): number => REQUEST_STATUS[code as ErrorCode] ?? 400;

/** A domain refusal raised outside a resolver, as a GraphQL error the formatter maps. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, http: { status: requestStatusOf(error.code) } },
    originalError: error,
  });
}

export type ErrorFormatter = (
  formatted: GraphQLFormattedError,
  error: unknown,
) => GraphQLFormattedError;

export interface ErrorFormatterOptions {
  /** Recognises refusals raised by operation limits (GraphQL Armor), which carry no code. */
  isTooComplex?: (original: unknown) => boolean;
}

/** The one place where errors become what clients see. */
export function createErrorFormatter(
  log: Logger,
  options: ErrorFormatterOptions = {},
): ErrorFormatter {
  return (formatted, error) => {
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
      const { stacktrace: _trace, http: _http, ...extensions } = formatted.extensions ?? {};
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

/** A GraphQL error that serialises as the formatter decided. */
class FormattedError extends GraphQLError {
  constructor(private readonly formatted: GraphQLFormattedError) {
    super(formatted.message, { path: formatted.path, extensions: formatted.extensions });
  }

  override toJSON(): GraphQLFormattedError {
    return this.formatted;
  }
}

/**
 * For the transports Apollo Server does not serve (graphql-ws, graphql-sse): anything a
 * subscription fails with, through the same formatter as queries.
 */
export function formatError(format: ErrorFormatter, error: unknown): GraphQLError {
  if (error instanceof FormattedError) return error;
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : error instanceof DomainError
        ? toGraphQLError(error)
        : new GraphQLError('Subscription failed.', { originalError: error as Error });
  return new FormattedError(format(graphqlError.toJSON(), graphqlError));
}

/** A result whose errors went through the formatter (itself when it has none). */
export function formatResult<R extends Pick<ExecutionResult, 'errors'>>(
  format: ErrorFormatter,
  result: R,
): R {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((e) => formatError(format, e)) };
}
