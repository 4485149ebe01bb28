import type { EntityManager } from '@mikro-orm/core';
import { ORG, PARTNER } from '../../../lib/demo/demo-tenants';
import { Cloud } from '../../../lib/domain/enums';
import { addDays, addMonths, periodOf } from '../domain/billing-calendar';
import { PurchaseChannel, SubscriptionStatus } from '../domain/enums';
import { CANCELLATION_WINDOW_DAYS } from '../domain/subscription-lifecycle';
import { LicenseChange, LicenseChangeReason } from '../entities/license-change.entity';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import { planId } from './catalog';

const { GLOBAL, CHINA_21VIANET } = Cloud;

interface DemoSubscription {
  id: string;
  organizationId: string;
  cloud: Cloud;
  slug: string;
  status: SubscriptionStatus;
  partnerId: string | null;
  licenses: number;
  assigned: number;
  /** Start and end of the current term, in days from now. */
  term: [number, number];
  /** Licences held before a change on the 15th of last month (shows proration in the seed). */
  licensesBeforeLastMonthChange?: number;
}

const sub = (
  organizationId: string,
  cloud: Cloud,
  slug: string,
  licenses: number,
  assigned: number,
  term: [number, number],
  extra: Partial<DemoSubscription> = {},
): DemoSubscription => ({
  id: `sub-${organizationId.replace(/^org-/, '')}-${slug}`,
  organizationId,
  cloud,
  slug,
  status: SubscriptionStatus.ACTIVE,
  partnerId: null,
  licenses,
  assigned,
  term,
  ...extra,
});

// The demo tenants table of contract/README.md; provider organizations buy nothing.
export const DEMO_SUBSCRIPTIONS: DemoSubscription[] = [
  sub(ORG.contoso, GLOBAL, 'business-standard', 25, 18, [-200, 165], {
    licensesBeforeLastMonthChange: 20,
  }),
  sub(ORG.contoso, GLOBAL, 'business-basic', 25, 2, [-10, 20], {
    id: 'sub-contoso-business-basic-trial',
    status: SubscriptionStatus.TRIAL,
  }),
  // A trial of a standalone plan: only paid standalone plans lift support (issue 12.3).
  sub(ORG.contoso, GLOBAL, 'exchange-online-plan-1', 25, 3, [-5, 25], {
    id: 'sub-contoso-exchange-online-plan-1-trial',
    status: SubscriptionStatus.TRIAL,
  }),
  sub(ORG.fabrikam, GLOBAL, 'e3', 500, 472, [-300, 65]),
  sub(ORG.fabrikam, GLOBAL, 'professional-direct', 500, 472, [-120, 245]),
  sub(ORG.northwind, CHINA_21VIANET, 'e3', 300, 241, [-150, 215]),
  sub(ORG.tailspin, CHINA_21VIANET, 'business-basic', 40, 33, [-90, 275], {
    partnerId: PARTNER.litware,
  }),
  sub(ORG.adatum, CHINA_21VIANET, 'e1', 120, 97, [-250, 115]),
];

/** How far back the seeded licence history (and so the invoice history) goes, in months. */
export const HISTORY_MONTHS = 3;

export function seedDemoSubscriptions(em: EntityManager, now: Date): void {
  const at = (days: number) => addDays(now, days);
  const historyStart = addMonths(periodOf(now).start, -HISTORY_MONTHS);
  const lastMonthChange = addDays(addMonths(periodOf(now).start, -1), 14);
  lastMonthChange.setUTCHours(12);
  for (const s of DEMO_SUBSCRIPTIONS) {
    const trial = s.status === SubscriptionStatus.TRIAL;
    const termStart = at(s.term[0]);
    const subscription = em.create(PlanSubscription, {
      id: s.id,
      organizationId: s.organizationId,
      cloud: s.cloud,
      plan: planId(s.cloud, s.slug),
      status: s.status,
      channel: s.partnerId ? PurchaseChannel.PARTNER : PurchaseChannel.DIRECT,
      partnerId: s.partnerId,
      trialOf: trial ? planId(s.cloud, s.slug) : null,
      paidSince: trial ? null : termStart,
      licenses: s.licenses,
      assignedLicenses: s.assigned,
      termStart,
      termEnd: at(s.term[1]),
      // Trials lapse unless converted; paid subscriptions renew by default.
      autoRenew: !trial,
      cancellationAllowedUntil: trial ? null : addDays(termStart, CANCELLATION_WINDOW_DAYS),
      createdAt: termStart,
      updatedAt: now,
    });
    if (trial) continue;
    const history: [Date, number][] = s.licensesBeforeLastMonthChange
      ? [
          [historyStart, s.licensesBeforeLastMonthChange],
          [lastMonthChange, s.licenses],
        ]
      : [[termStart > historyStart ? termStart : historyStart, s.licenses]];
    history.forEach(([effectiveAt, licenses], i) => {
      em.create(LicenseChange, {
        id: `lic-${s.id}-${i}`,
        subscription,
        organizationId: s.organizationId,
        effectiveAt,
        licenses,
        reason: LicenseChangeReason.IMPORTED,
        recordedAt: now,
      });
    });
  }
}
