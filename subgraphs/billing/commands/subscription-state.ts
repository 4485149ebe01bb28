import type { SubscriptionState } from '../domain/subscription-lifecycle';
import type { PlanSubscription } from '../entities/plan-subscription.entity';

// Between the entity and the pure lifecycle rules: what the rules see, and what the audit log keeps.

export function stateOf(s: PlanSubscription, planName: string): SubscriptionState {
  return {
    id: s.id,
    planName,
    status: s.status,
    startedAsTrial: Boolean(s.trialOf),
    paidSince: s.paidSince ?? null,
    licenses: s.licenses,
    assignedLicenses: s.assignedLicenses,
    termStart: s.termStart,
    termEnd: s.termEnd,
    autoRenew: s.autoRenew,
    cancellationAllowedUntil: s.cancellationAllowedUntil ?? null,
  };
}

/** The fields a change can touch, as the audit entry's before and after. */
export function auditSnapshot(s: PlanSubscription) {
  return {
    planId: s.plan.id,
    status: s.status,
    channel: s.channel,
    partnerId: s.partnerId ?? null,
    licenses: s.licenses,
    termStart: s.termStart.toISOString(),
    termEnd: s.termEnd.toISOString(),
    autoRenew: s.autoRenew,
    cancellationAllowedUntil: s.cancellationAllowedUntil?.toISOString() ?? null,
  };
}
