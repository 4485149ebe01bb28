import { Socket } from 'node:net';
import type { Dialect } from '../../lib/orm/create-orm';

export const TEST_PG_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1_000);
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(false));
    socket.connect(Number(port || 5432), hostname, () => socket.end());
  });
}

/**
 * Integration tests run once per database: SQLite always, PostgreSQL when reachable.
 * REQUIRE_POSTGRES=1 (set by .ci/run) turns a missing PostgreSQL into a failure.
 */
export async function probeDialects(): Promise<Dialect[]> {
  if (await reachable(TEST_PG_URL)) return ['sqlite', 'postgresql'];
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(
      `PostgreSQL is required (REQUIRE_POSTGRES=1) but ${TEST_PG_URL} is unreachable.`,
    );
  }
  return ['sqlite'];
}
