import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSubgraphConfig } from '../../lib/config/subgraph-config';
import { createOrm, type Orm } from '../../lib/orm/create-orm';
import { SUBGRAPHS } from '../../subgraphs/registry';

// MikroORM's libsql dialect replaces a connection once it is 10 s old: the replacement must still
// wait for another writer's lock (its busy_timeout read 0 before), and statements prepared once
// must keep answering with each call's own parameters.

describe('SQLite connections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-connection-'));
  let orm: Orm;

  beforeAll(async () => {
    const billing = SUBGRAPHS.find((s) => s.name === 'billing')!;
    orm = await createOrm(billing.ormOptions(loadSubgraphConfig('billing', { DATA_DIR: dir })));
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    await orm.orm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sql = (query: string, params: unknown[] = []) =>
    orm.orm.em.getConnection().execute<Record<string, unknown>[]>(query, params);

  it('keeps waiting for locks on a connection opened after the first one expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11_000);
    expect(await sql('pragma busy_timeout')).toEqual([{ timeout: 5_000 }]);
  });

  it('answers each call of the same statement with its own parameters', async () => {
    await sql('create table if not exists reuse_probe (n integer)');
    await sql('insert into reuse_probe (n) values (1), (2), (3)');
    const select = 'select n from reuse_probe where n >= ? order by n';
    expect(await sql(select, [2])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(await sql(select, [3])).toEqual([{ n: 3 }]);
    expect(await sql(select, [1])).toHaveLength(3);
  });
});
