import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { ANONYMOUS, type Viewer } from '../../../lib/viewer/viewer';
import { addDays, periodOf } from '../domain/billing-calendar';
import { SubscriptionStatus } from '../domain/enums';
import { computeInvoice } from '../domain/invoice-rules';
import { settleEndedTerm } from '../domain/subscription-lifecycle';
import { Invoice } from '../entities/invoice.entity';
import { LicenseChange, LicenseChangeReason } from '../entities/license-change.entity';
import { Plan } from '../entities/plan.entity';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import { chargesOf } from '../views/billing-charges';
import { uninvoicedPeriods } from '../views/invoice.view';
import { issueInvoice } from './issue-invoice.command';
import { applyTransition, lockSubscription } from './subscription.commands';
import { stateOf } from './subscription-state';

// The billing cycle: what happens with time rather than with a request. Reads never wait for it
// (a trial past its end already reads EXPIRED, an unissued month reads as a DRAFT); it makes the
// stored state agree, rolls auto-renewing terms over, and issues the invoices of closed months.
// Every step is idempotent and safe to run on several replicas at once.

/** Audit entries of the cycle name "system" as their actor. */
const BILLING_CYCLE: Viewer = Object.freeze({ ...ANONYMOUS, kind: 'service' }) as Viewer;

export async function settleEndedTerms(em: EntityManager, now: Date): Promise<number> {
  const due = await em.find(PlanSubscription, {
    status: { $in: [SubscriptionStatus.TRIAL, SubscriptionStatus.ACTIVE] },
    termEnd: { $lte: now },
  });
  let settled = 0;
  for (const { id } of due) {
    await em.fork().transactional(async (tx) => {
      const subscription = await lockSubscription(tx, id);
      const result =
        subscription && settleEndedTerm(stateOf(subscription, subscription.plan.name), now);
      if (!subscription || !result) return;
      const expired = result.changes.status === SubscriptionStatus.EXPIRED;
      applyTransition(tx, BILLING_CYCLE, subscription, result, {
        action: expired ? 'subscription.expired' : 'subscription.autoRenewed',
        reason: expired ? LicenseChangeReason.EXPIRED : LicenseChangeReason.RENEWED,
        now,
      });
      settled += 1;
    });
  }
  return settled;
}

/** Issues every closed month not invoiced yet, organization by organization. */
export async function issueClosedPeriods(em: EntityManager, now: Date): Promise<number> {
  const lastClosed = periodOf(addDays(periodOf(now).start, -1));
  const billed: { organization_id: string }[] = await (em as SqlEntityManager)
    .createQueryBuilder(LicenseChange)
    .select('organization_id', true)
    .execute('all', false);
  let issued = 0;
  for (const { organization_id: organizationId } of billed) {
    const fork = em.fork();
    const [subscriptions, changes, last] = await Promise.all([
      fork.find(PlanSubscription, { organizationId }),
      fork.find(
        LicenseChange,
        { organizationId },
        { orderBy: { effectiveAt: 'asc', recordedAt: 'asc' } },
      ),
      fork.findOne(Invoice, { organizationId }, { orderBy: { period: 'desc' } }),
    ]);
    const plans = await fork.find(Plan, { id: { $in: subscriptions.map((s) => s.plan.id) } });
    const charges = chargesOf(subscriptions, new Map(plans.map((p) => [p.id, p])), changes, now);
    for (const period of uninvoicedPeriods(last?.period ?? null, charges, lastClosed)) {
      const computed = computeInvoice(period, charges);
      if (!computed) continue;
      const cloud = subscriptions[0]!.cloud;
      const request = { organizationId, cloud, period, computed, issuedAt: now };
      if (await issueInvoice(fork, request)) issued += 1;
    }
  }
  return issued;
}

export async function runBillingCycle(em: EntityManager, now: Date) {
  const settled = await settleEndedTerms(em, now);
  const issued = await issueClosedPeriods(em, now);
  return { settled, issued };
}
