import { LRUCache } from 'lru-cache';

// Set up on every SQLite connection knex opens. MikroORM's libsql dialect replaces a connection
// once it is 10 s old, so a pragma run once after connecting was gone 10 s later (busy_timeout
// read 0 again: a writer then failed at once instead of waiting for the lock).
//
// The dialect also prepares every statement again on every call: compiling the SQL was 12% of
// the cases subgraph's CPU on a partner dashboard (a 50-organization UNION ALL). A statement is
// run to completion synchronously before the next one starts, so one prepared statement per SQL
// text can be reused by every later call on the same connection.

/** The part of a libsql `Database` used here. */
interface LibSqlConnection {
  exec(sql: string): void;
  prepare(sql: string): unknown;
}

/** Distinct SQL texts kept prepared per connection; the app sends a few hundred at most. */
const PREPARED_STATEMENTS = 1_000;

const BUSY_TIMEOUT_MS = 5_000;

export function setUpSqliteConnection(connection: LibSqlConnection): void {
  // Writers wait for the lock instead of failing at once.
  connection.exec(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const prepare = connection.prepare.bind(connection);
  const prepared = new LRUCache<string, NonNullable<unknown>>({ max: PREPARED_STATEMENTS });
  connection.prepare = (sql: string) => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      statement = prepare(sql) as NonNullable<unknown>;
      prepared.set(sql, statement);
    }
    return statement;
  };
}

/** knex's pool hook: runs the set-up above on each new connection. */
export const sqlitePool = {
  afterCreate: (connection: LibSqlConnection, done: (error: unknown, c: unknown) => void) => {
    try {
      setUpSqliteConnection(connection);
      done(null, connection);
    } catch (error) {
      done(error, connection);
    }
  },
};
