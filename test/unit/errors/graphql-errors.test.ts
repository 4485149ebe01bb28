import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../../lib/errors/domain-errors';
import {
  createErrorFormatter,
  formatError,
  formatResult,
} from '../../../lib/errors/graphql-errors';

function capture() {
  const lines: Record<string, any>[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, format: createErrorFormatter(log) };
}

const wrap = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('error formatter', () => {
  it('maps domain errors to their contract code and keeps their details', () => {
    const { format } = capture();
    const error = wrap(new RateLimitedError('Too many attempts; wait a minute.', 60));
    expect(format({ message: error.message, path: ['x'] }, error)).toEqual({
      message: 'Too many attempts; wait a minute.',
      locations: undefined,
      path: ['x'],
      extensions: { code: 'RATE_LIMITED', retryAfter: 60 },
    });
    const forbidden = wrap(new ForbiddenError());
    expect(format({ message: forbidden.message }, forbidden).extensions?.code).toBe('FORBIDDEN');
    const bad = wrap(new BadUserInputError('first must be 1..100', 'first'));
    expect(format({ message: bad.message }, bad).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR and logs their stack', () => {
    const { format, lines } = capture();
    const error = wrap(new TypeError('cannot read properties of undefined (reading "secret")'));
    const formatted = format(
      { message: error.message, extensions: { stacktrace: ['at x'] } },
      error,
    );
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('secret');
    expect(lines[0].err.stack).toContain('TypeError');
  });

  it('answers SERVICE_UNAVAILABLE when the database cannot be reached, without its details', () => {
    const { format } = capture();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const cut = new Error('Connection terminated unexpectedly');
    for (const error of [wrap(refused), wrap(cut)]) {
      const formatted = format({ message: error.message, path: ['x'] }, error);
      expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect(formatted.message).not.toMatch(/5432|terminated/);
    }
  });

  it('passes GraphQL validation errors through, without stack traces', () => {
    const { format } = capture();
    const formatted = format(
      {
        message: 'Cannot query field "x"',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['a'] },
      },
      new GraphQLError('Cannot query field "x"'),
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('maps what a subscription fails with as it maps a query error', () => {
    const { format, lines } = capture();
    const refused = JSON.parse(JSON.stringify(formatError(format, new UnauthenticatedError())));
    expect(refused.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const crashed = JSON.parse(
      JSON.stringify(formatError(format, new Error('ECONNRESET at /srv/app/node_modules/x.js:1'))),
    );
    expect(crashed).toEqual({
      message: 'Internal server error. It has been logged; try again later.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(lines).toHaveLength(1);
    const result = formatResult(format, { data: null, errors: [wrap(new ForbiddenError())] });
    expect(JSON.parse(JSON.stringify(result)).errors[0]).toMatchObject({
      path: ['x'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
