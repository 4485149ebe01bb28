import type { EntityManager } from '@mikro-orm/core';
import { ORG } from '../../../lib/demo/demo-tenants';
import { issueInvoice } from '../commands/issue-invoice.command';
import { addDays, addMonths, periodOf } from '../domain/billing-calendar';
import { computeInvoice } from '../domain/invoice-rules';
import { Invoice } from '../entities/invoice.entity';
import { LicenseChange } from '../entities/license-change.entity';
import { Plan } from '../entities/plan.entity';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import { chargesOf } from '../views/billing-charges';
import { uninvoicedPeriods } from '../views/invoice.view';

/**
 * Issues the closed months of the seeded history, each on the first day of the next month, then
 * marks them paid 12 days later, except the last month (still ISSUED) and Adatum's oldest one,
 * left unpaid so that the demo shows an OVERDUE invoice.
 */
export async function seedDemoInvoices(em: EntityManager, now: Date): Promise<void> {
  const lastClosed = periodOf(addMonths(periodOf(now).start, -1));
  // One after the other: inside the seed's transaction they share one connection.
  const subscriptions = await em.find(PlanSubscription, {});
  const changes = await em.find(LicenseChange, {}, { orderBy: { effectiveAt: 'asc' } });
  const plans = await em.find(Plan, {});
  const planById = new Map(plans.map((p) => [p.id, p]));
  const organizationIds = [...new Set(changes.map((c) => c.organizationId))].sort();
  for (const organizationId of organizationIds) {
    const own = subscriptions.filter((s) => s.organizationId === organizationId);
    const charges = chargesOf(
      own,
      planById,
      changes.filter((c) => c.organizationId === organizationId),
      now,
    );
    const periods = uninvoicedPeriods(null, charges, lastClosed);
    for (const period of periods) {
      const computed = computeInvoice(period, charges);
      if (!computed) continue;
      const invoice = await issueInvoice(em, {
        organizationId,
        cloud: own[0]!.cloud,
        period,
        computed,
        issuedAt: period.end,
      });
      const oldest = period.key === periods[0]!.key;
      const unpaid = period.key === lastClosed.key || (organizationId === ORG.adatum && oldest);
      if (invoice && !unpaid) {
        await em.nativeUpdate(Invoice, { id: invoice.id }, { paidAt: addDays(period.end, 12) });
      }
    }
  }
}
