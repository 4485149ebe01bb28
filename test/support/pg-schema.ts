import { Client } from 'pg';
import { TEST_PG_URL } from './database-probe';

/** Drops a test's own PostgreSQL schema (tests give each ORM a random one). */
export async function dropTestSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
