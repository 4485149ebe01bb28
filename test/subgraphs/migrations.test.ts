import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../lib/orm/create-orm';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { TEST_PG_URL, testDialects } from '../support/dialects';

// The checked-in migrations must build the schema the entities describe: a forgotten
// `npm run migrate:create` fails here, not in production.

/** Tables and columns the entity metadata expects. */
function expectedColumns(orm: MikroORM): Record<string, string[]> {
  const tables: Record<string, string[]> = {};
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.embeddable || meta.virtual || !meta.tableName) continue;
    const columns = Object.values(meta.properties).flatMap((p) =>
      p.persist === false ? [] : (p.fieldNames ?? []),
    );
    tables[meta.tableName] = [...new Set(columns)].sort();
  }
  return tables;
}

/** SQLite: MikroORM's SQLite diff always proposes rebuilding tables with foreign keys, so compare columns. */
async function sqliteColumns(orm: MikroORM, tables: string[]): Promise<Record<string, string[]>> {
  const connection = orm.em.getConnection();
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await connection.execute<{ name: string }[]>(`pragma table_info(\`${table}\`)`);
    result[table] = rows.map((r: { name: string }) => r.name).sort();
  }
  return result;
}

describe.each(testDialects())('checked-in migrations (%s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-test-'));
  const run = randomBytes(4).toString('hex');
  const admin = new Client({ connectionString: TEST_PG_URL });
  beforeAll(async () => {
    if (dialect === 'postgresql') await admin.connect();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgresql') await admin.end();
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))(
    '%s: match the entities',
    async (_name, subgraph) => {
      // PostgreSQL: a database of its own, so the diff sees this subgraph's tables and nothing else.
      const database = `t_migrations_${run}_${subgraph.name}`;
      if (dialect === 'postgresql') await admin.query(`create database "${database}"`);
      const databaseUrl =
        dialect === 'postgresql'
          ? TEST_PG_URL.replace(/\/[^/]*$/, `/${database}`)
          : join(dir, `${subgraph.name}.sqlite`);
      const { orm } = await createOrm(
        subgraph.ormOptions({ databaseUrl, databaseSchema: 'public' }),
      );
      try {
        const expected = expectedColumns(orm);
        expect(Object.keys(expected).length).toBeGreaterThan(0);
        if (dialect === 'postgresql') {
          expect((await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim()).toBe(
            '',
          );
        } else {
          expect(await sqliteColumns(orm, Object.keys(expected))).toEqual(expected);
        }
      } finally {
        await orm.close();
        if (dialect === 'postgresql') await admin.query(`drop database if exists "${database}"`);
      }
    },
  );
});
