import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/**
 * Counts every SQL statement the ORM sends. The N+1 tests and the benchmark read it; it costs an
 * integer increment per statement, so it stays on in production too.
 */
export interface RecordedStatement {
  sql: string;
  params: readonly unknown[];
}

export class SqlStatementCounter {
  count = 0;
  /** Kept only while `recordStatements` is on (the index test EXPLAINs them). */
  readonly statements: RecordedStatement[] = [];
  recordStatements = false;

  record(sql: string, params: readonly unknown[] = []): void {
    this.count += 1;
    if (this.recordStatements) this.statements.push({ sql, params });
  }

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}

const countersByOrm = new WeakMap<object, SqlStatementCounter>();

/** The counter createOrm attached to this ORM, so a server can expose it without more wiring. */
export function sqlCounterOf(orm: object): SqlStatementCounter | undefined {
  return countersByOrm.get(orm);
}

export function attachSqlCounter(orm: object, counter: SqlStatementCounter): void {
  countersByOrm.set(orm, counter);
}

export function countingLoggerFactory(counter: SqlStatementCounter) {
  return (options: LoggerOptions) =>
    new (class extends DefaultLogger {
      override logQuery(context: { query: string } & LogContext): void {
        counter.record(context.query, context.params);
        super.logQuery(context);
      }
    })(options);
}
