import { SubscriptionStatus } from '../domain/enums';
import type { SubscriptionCharge } from '../domain/invoice-rules';
import type { LicenseStep } from '../domain/proration';
import { effectiveStatus } from '../domain/subscription-lifecycle';
import type { LicenseChange } from '../entities/license-change.entity';
import type { Plan } from '../entities/plan.entity';
import type { PlanSubscription } from '../entities/plan-subscription.entity';

/**
 * Each subscription's paid-licence history as invoice input. A paid term that has ended without
 * auto-renewal stops billing at its end even before the billing cycle records the expiry.
 */
export function chargesOf(
  subscriptions: readonly PlanSubscription[],
  plans: ReadonlyMap<string, Plan>,
  changes: readonly LicenseChange[],
  now: Date,
): SubscriptionCharge[] {
  const stepsBySubscription = new Map<string, LicenseStep[]>();
  for (const change of changes) {
    const steps = stepsBySubscription.get(change.subscription.id) ?? [];
    steps.push({ at: change.effectiveAt, licenses: change.licenses });
    stepsBySubscription.set(change.subscription.id, steps);
  }
  return subscriptions.flatMap((s) => {
    const steps = stepsBySubscription.get(s.id);
    const plan = plans.get(s.plan.id);
    if (!steps || !plan) return [];
    const lapsed =
      s.status === SubscriptionStatus.ACTIVE &&
      effectiveStatus(s, now) === SubscriptionStatus.EXPIRED;
    return [
      {
        subscriptionId: s.id,
        planId: plan.id,
        planName: plan.name,
        unitPrice: plan.priceAmount,
        currency: plan.priceCurrency,
        steps: lapsed ? [...steps, { at: s.termEnd, licenses: 0 }] : steps,
      },
    ];
  });
}

/** When billing started for the organization: the first paid-licence step, if any. */
export function firstBilledAt(charges: readonly SubscriptionCharge[]): Date | null {
  const times = charges.flatMap((c) => c.steps.map((s) => s.at.getTime()));
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
