import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EntityManager, type EntityMetadata, ReferenceKind } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../../lib/config/subgraph-config';
import { createOrm, type Orm } from '../../lib/orm/create-orm';
import { isReadOnly, markReadOnly } from '../../lib/orm/read-only';
import { createAccountsLoaders } from '../../subgraphs/accounts/loaders';
import { createBillingLoaders } from '../../subgraphs/billing/loaders';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { TEST_PG_URL, testDialects } from '../support/dialects';
import { dropTestSchema } from '../support/pg-schema';

// A request that only reads gets plain rows from the loaders that opt in; every other request gets
// managed entities. Both must carry the same values, property by property, on both databases:
// the rows go through MikroORM's result mapper, not its entity factory, so a type the mapper
// converts differently (a boolean, a date, an enum) would show here.

const ORGANIZATIONS = [
  'org-contoso',
  'org-northwind',
  'org-tailspin',
  'org-adatum',
  'org-fabrikam',
];

async function seeded(dialect: string, name: SubgraphName) {
  const dir = mkdtempSync(join(tmpdir(), `plain-rows-${name}-`));
  const schema = `t_${randomBytes(4).toString('hex')}_${name}`;
  const module = SUBGRAPHS.find((s) => s.name === name)!;
  const orm = await createOrm(
    module.ormOptions({
      databaseUrl: dialect === 'postgresql' ? TEST_PG_URL : join(dir, `${name}.sqlite`),
      databaseSchema: schema,
    }),
  );
  await module.seed(orm.orm.em.fork());
  const close = async () => {
    await orm.orm.close();
    if (dialect === 'postgresql') await dropTestSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  };
  return { orm, close };
}

/** What `loadMany` found (it answers null or an Error for the rest). */
const loaded = (values: unknown[]): object[] =>
  values.filter((x): x is object => x !== null && typeof x === 'object' && !(x instanceof Error));

/** Each property's value as a reader sees it: a to-one relation by its key alone. */
function readable(meta: EntityMetadata, value: Record<string, unknown>) {
  return Object.fromEntries(
    meta.props
      .filter((p) => p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE)
      .map((p) => {
        const v = value[p.name];
        const shown =
          p.kind === ReferenceKind.MANY_TO_ONE ? ((v as { id?: string })?.id ?? null) : v;
        return [p.name, shown];
      }),
  );
}

describe.each(testDialects())('plain rows for read-only requests (%s)', (dialect) => {
  let accounts: { orm: Orm; close: () => Promise<void> };
  let billing: { orm: Orm; close: () => Promise<void> };
  beforeAll(async () => {
    [accounts, billing] = await Promise.all([
      seeded(dialect, 'accounts'),
      seeded(dialect, 'billing'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([accounts?.close(), billing?.close()]);
  });

  /** The same loads in a request that writes and in one that only reads. */
  async function bothWays<L>(
    orm: Orm,
    loaders: (em: EntityManager) => L,
    load: (l: L) => Promise<object[]>,
  ) {
    const managed = await load(loaders(orm.orm.em.fork()));
    const reading = markReadOnly(orm.orm.em.fork());
    const plain = await load(loaders(reading));
    expect(isReadOnly(reading)).toBe(true);
    expect(plain).toHaveLength(managed.length);
    expect(managed.length).toBeGreaterThan(0);
    for (const [i, entity] of managed.entries()) {
      const meta = orm.orm.getMetadata().get(entity.constructor.name);
      expect(plain[i].constructor).toBe(Object);
      expect(readable(meta, plain[i] as never)).toEqual(readable(meta, entity as never));
    }
  }

  it('gives organizations, users, partners and contacts the values of their entities', async () => {
    await bothWays(accounts.orm, createAccountsLoaders, async (l) => {
      const organizations = await l.organizationById.loadMany(ORGANIZATIONS);
      const contacts = (await l.contactsByOrganizationId.loadMany(ORGANIZATIONS)).flat();
      const users = await l.userById.loadMany([
        'user-alice',
        'user-wei',
        'user-litware-agent',
        'user-engineer-cn',
      ]);
      const partners = await l.partnerById.loadMany(['partner-litware']);
      return loaded([...organizations, ...contacts, ...users, ...partners]);
    });
  });

  it('gives plans and subscriptions the values of their entities', async () => {
    await bothWays(billing.orm, createBillingLoaders, async (l) => {
      const subscriptions = (await l.subscriptionsByOrganizationId.loadMany(ORGANIZATIONS)).flat();
      const plans = await l.planById.loadMany(
        subscriptions.map((s) => (s as unknown as { plan: { id: string } }).plan.id),
      );
      return loaded([...subscriptions, ...plans]);
    });
  });

  it('keeps roles and delegations entities even when the request only reads', async () => {
    const reading = markReadOnly(accounts.orm.orm.em.fork());
    const loaders = createAccountsLoaders(reading);
    const [delegation] = await loaders.delegationsByOrganizationId.load('org-tailspin');
    expect(delegation?.isValidAt(new Date())).toBe(true);
  });
});
