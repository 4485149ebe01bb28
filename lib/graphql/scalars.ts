import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTime as LuxonDateTime } from 'luxon';

// Contract scalars: DateTime is an ISO 8601 instant with offset, Date is YYYY-MM-DD.

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError('DateTime must be an ISO 8601 string.');
  const parsed = LuxonDateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new GraphQLError(
      `"${value}" is not a DateTime: use ISO 8601 with an offset, e.g. 2026-03-01T09:00:00Z.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return parsed.toJSDate();
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO 8601 string with offset, e.g. 2026-03-01T09:00:00.000Z.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string literal.');
    return parseInstant(ast.value);
  },
});

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !DATE_PATTERN.test(value) ||
    !LuxonDateTime.fromISO(value).isValid
  ) {
    throw new GraphQLError(`"${String(value)}" is not a Date: use YYYY-MM-DD.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** Calendar dates are carried as `YYYY-MM-DD` strings internally too: no time zone surprises. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string literal.');
    return parseDate(ast.value);
  },
});
