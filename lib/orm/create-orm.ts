import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type AnyEntity,
  type EntityClass,
  type MigrationObject,
  MikroORM,
  type Options,
} from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  attachSqlCounter,
  countingLoggerFactory,
  SqlStatementCounter,
} from './sql-statement-counter';
import { sqlitePool } from './sqlite-connection';

export type Dialect = 'sqlite' | 'postgresql';

/**
 * How long a request waits for a PostgreSQL connection while the server is down (knex's default
 * is 60 s). Well under the gateway's SUBGRAPH_TIMEOUT_MS (10 s), so a subgraph gives up, and
 * answers, before the gateway does: a mutation never commits after its caller was told it failed.
 */
const ACQUIRE_CONNECTION_TIMEOUT_MS = 5_000;

export interface OrmOptions {
  databaseUrl: string;
  /** PostgreSQL schema of this subgraph; SQLite has one file per subgraph instead. */
  schema: string;
  entities: EntityClass<AnyEntity>[];
  migrations: Record<Dialect, MigrationObject[]>;
  /** Directory where `npm run migrate:create` writes new migrations (per dialect below it). */
  migrationsDir?: string;
}

export interface Orm {
  orm: MikroORM;
  dialect: Dialect;
  sqlCounter: SqlStatementCounter;
}

export function dialectOf(databaseUrl: string): Dialect {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite';
}

function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/, '');
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  return path;
}

export function ormOptions(options: OrmOptions, counter: SqlStatementCounter): Options {
  const dialect = dialectOf(options.databaseUrl);
  const common: Options = {
    entities: options.entities,
    extensions: [Migrator],
    loggerFactory: countingLoggerFactory(counter),
    debug: process.env.LOG_SQL === 'true' ? ['query'] : false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    migrations: {
      migrationsList: options.migrations[dialect],
      path: options.migrationsDir && resolve(options.migrationsDir, dialect),
      pathTs: options.migrationsDir && resolve(options.migrationsDir, dialect),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
    },
  };
  if (dialect === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: options.databaseUrl,
      // Unqualified SQL plus a per-connection search_path keeps migrations schema-agnostic, so
      // the same files serve "accounts" in production and a throwaway schema in tests.
      driverOptions: {
        searchPath: [options.schema],
        acquireConnectionTimeout: ACQUIRE_CONNECTION_TIMEOUT_MS,
      },
      migrations: { ...common.migrations, tableName: `${options.schema}.mikro_orm_migrations` },
      // knex drops a pooled connection once pg reports it dead, so a restarted server is
      // reconnected to by the next request; min 0 keeps no idle connection to go stale meanwhile.
      pool: { min: 0, max: 10 },
    };
  }
  return {
    ...common,
    driver: LibSqlDriver,
    dbName: sqlitePath(options.databaseUrl),
    pool: sqlitePool,
  };
}

/** Connects, then brings the schema up to date with the checked-in migrations. */
export async function createOrm(options: OrmOptions, migrate = true): Promise<Orm> {
  const sqlCounter = new SqlStatementCounter();
  const dialect = dialectOf(options.databaseUrl);
  const orm = await MikroORM.init(ormOptions(options, sqlCounter));
  attachSqlCounter(orm, sqlCounter);
  if (dialect === 'postgresql') {
    await orm.em.getConnection().execute(`create schema if not exists "${options.schema}"`);
  }
  if (dialect === 'sqlite') {
    // WAL lets readers and the writer proceed together (kept in the file, unlike busy_timeout).
    await orm.em.getConnection().execute('pragma journal_mode = wal');
  }
  if (migrate) await orm.getMigrator().up();
  return { orm, dialect, sqlCounter };
}
