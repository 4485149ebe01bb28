import type { EntityManager } from '@mikro-orm/core';
import { Plan } from './entities/plan.entity';
import { seedCatalog } from './seed/catalog';
import { seedDemoInvoices } from './seed/demo-invoices';
import { seedDemoSubscriptions } from './seed/demo-subscriptions';

/**
 * Seeds the catalog, the demo tenants' subscriptions with a few months of licence history, and
 * the invoices of those months; a database with plans is left alone.
 */
export async function seedBilling(em: EntityManager, now = new Date()): Promise<boolean> {
  if ((await em.count(Plan)) > 0) return false;
  await em.transactional(async (tx) => {
    seedCatalog(tx);
    seedDemoSubscriptions(tx, now);
    await tx.flush();
    await seedDemoInvoices(tx, now);
  });
  return true;
}
