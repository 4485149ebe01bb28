import type { Cloud } from '../../../lib/domain/enums';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import { addDays, isoDay } from './billing-calendar';
import { SubscriptionStatus } from './enums';
import {
  assertLicenseCount,
  type BillingStep,
  effectiveStatus,
  type NewSubscription,
  paidTermFrom,
  refuse,
  type SubscriptionState,
  TRIAL_DAYS,
  TRIAL_LICENSES,
} from './subscription-lifecycle';

// How a subscription comes to be (domain.md: "signing up for a trial or buying"): the plan must
// be sold in the organization's cloud, there is one trial per plan and organization, and a plan
// is not bought twice. The transitions that follow are in subscription-lifecycle.ts.

export interface PlanOffer {
  id: string;
  name: string;
  cloud: Cloud;
  trialAvailable: boolean;
}

function assertSameCloud(plan: PlanOffer, organizationCloud: Cloud): void {
  if (plan.cloud !== organizationCloud) {
    throw new BadUserInputError(
      `${plan.name} (${plan.id}) is sold in the ${plan.cloud} cloud but the organization lives ` +
        `in ${organizationCloud}: pick a plan from plans(cloud: ${organizationCloud}).`,
      'planId',
    );
  }
}

/** One trial per plan and organization (ever), and none while the plan is already bought. */
export function startTrial(
  plan: PlanOffer,
  organizationCloud: Cloud,
  samePlan: readonly SubscriptionState[],
  now: Date,
): NewSubscription {
  assertSameCloud(plan, organizationCloud);
  if (!plan.trialAvailable) {
    throw new BadUserInputError(
      `${plan.name} has no trial: buy it with purchaseSubscription instead.`,
      'planId',
    );
  }
  const earlier = samePlan.find((s) => s.startedAsTrial);
  if (earlier) {
    throw refuse(
      `The organization already had a trial of ${plan.name} (${earlier.id}, started ` +
        `${isoDay(earlier.termStart)}); there is one trial per plan. ` +
        (effectiveStatus(earlier, now) === SubscriptionStatus.TRIAL
          ? 'Convert it to paid with convertTrial.'
          : 'Buy the plan with purchaseSubscription.'),
    );
  }
  assertNotBought(plan, samePlan, now);
  return {
    status: SubscriptionStatus.TRIAL,
    startedAsTrial: true,
    paidSince: null,
    licenses: TRIAL_LICENSES,
    assignedLicenses: 0,
    termStart: now,
    termEnd: addDays(now, TRIAL_DAYS),
    autoRenew: false,
    cancellationAllowedUntil: null,
  };
}

function assertNotBought(plan: PlanOffer, samePlan: readonly SubscriptionState[], now: Date) {
  const running = samePlan.find((s) => effectiveStatus(s, now) === SubscriptionStatus.ACTIVE);
  if (running) {
    throw refuse(
      `The organization already subscribes to ${plan.name} (${running.id}): change its licences with changeLicenses instead.`,
    );
  }
}

/** Buying a plan or an elevated support add-on outright: a paid annual term from now. */
export function purchase(
  plan: PlanOffer,
  organizationCloud: Cloud,
  licenses: number,
  samePlan: readonly SubscriptionState[],
  now: Date,
): { subscription: NewSubscription; billing: BillingStep } {
  assertLicenseCount(licenses);
  assertSameCloud(plan, organizationCloud);
  const trial = samePlan.find((s) => effectiveStatus(s, now) === SubscriptionStatus.TRIAL);
  if (trial) {
    throw refuse(
      `The organization has a running trial of ${plan.name} (${trial.id}) until ` +
        `${isoDay(trial.termEnd)}: convert it with convertTrial to keep its licences and users.`,
    );
  }
  assertNotBought(plan, samePlan, now);
  return {
    subscription: {
      ...paidTermFrom(now),
      status: SubscriptionStatus.ACTIVE,
      startedAsTrial: false,
      paidSince: now,
      licenses,
      assignedLicenses: 0,
      autoRenew: true,
    },
    billing: { licenses, from: now },
  };
}
