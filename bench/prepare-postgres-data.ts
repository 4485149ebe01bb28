import { Client } from 'pg';
import { loadSubgraphConfig } from '../lib/config/subgraph-config';
import { createOrm } from '../lib/orm/create-orm';
import { SUBGRAPHS } from '../subgraphs/registry';
import { type BulkShape, bulkSeedPostgres } from './bulk-seed-postgres';

// A PostgreSQL database of its own for a bench data set (it may hold millions of rows, so never
// the tests' database): created when missing, each subgraph's schema migrated, demo-seeded, then
// filled in bulk. A database already holding the set is reused as it is.

export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function preparePostgresData(
  databaseUrl: string,
  shape: BulkShape,
  log: (message: string) => void,
): Promise<void> {
  const now = new Date();
  for (const subgraph of SUBGRAPHS) {
    const config = loadSubgraphConfig(subgraph.name, { DATABASE_URL: databaseUrl });
    const { orm } = await createOrm(subgraph.ormOptions(config));
    await subgraph.seed(orm.em.fork(), now);
    await orm.close();
    const started = Date.now();
    const added = await bulkSeedPostgres(
      databaseUrl,
      config.databaseSchema,
      subgraph.name,
      shape,
      now,
    );
    if (added)
      log(`${subgraph.name}: bulk data in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
