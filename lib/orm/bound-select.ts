import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';

// MikroORM's `connection.execute(sql, params)` writes the parameters into the SQL text before
// sending it, so every lookup of another id is another statement for the database to compile:
// SQLite prepared each one anew, and a cache of prepared statements (sqlite-connection.ts) only
// hit when the very same request came again. The hot read paths send `?` placeholders and the
// values apart instead (knex binds them: `?` for SQLite, `$1…` for PostgreSQL), so one statement
// per shape serves every viewer. Each is still counted and logged as the ORM's own.

/** Runs a SELECT with bound parameters, in the entity manager's transaction when it has one. */
export async function boundSelect<T>(
  em: EntityManager,
  sql: string,
  params: readonly Knex.Value[],
): Promise<T[]> {
  const connection = em.getConnection('read') as AbstractSqlConnection;
  const query = connection.getKnex().raw(sql, params);
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  const started = Date.now();
  const result = await query;
  const rows = (Array.isArray(result) ? result : result.rows) as T[];
  em.config.getLogger().logQuery({
    level: 'info',
    query: sql,
    params: [...params],
    took: Date.now() - started,
    results: rows.length,
  });
  return rows;
}
