import type { EntityManager } from '@mikro-orm/core';
import { ORG, PARTNER } from '../../lib/demo/demo-tenants';
import { Cloud, PlanFamily } from '../../lib/domain/enums';
import { PlanKind, PurchaseChannel, SubscriptionStatus } from './domain/enums';
import { Plan } from './entities/plan.entity';
import { PlanSubscription } from './entities/plan-subscription.entity';

const DAY = 86_400_000;

interface CatalogEntry {
  slug: string;
  name: string;
  family: PlanFamily;
  kind: PlanKind;
  /** Monthly list price per licence in cents (USD); null when the global cloud does not sell it. */
  usd: number | null;
  /** Same in fen (CNY) for 21Vianet; null when 21Vianet does not sell it. */
  cny: number | null;
  trial: boolean;
}

const { BUSINESS, ENTERPRISE, FRONTLINE } = PlanFamily;
const { GLOBAL, CHINA_21VIANET } = Cloud;

const base = (
  slug: string,
  name: string,
  family: PlanFamily,
  usd: number | null,
  cny: number | null,
  trial = false,
): CatalogEntry => ({ slug, name, family, kind: PlanKind.BASE, usd, cny, trial });
// Standalone services get the enterprise level of support; add-ons are sold with enterprise plans.
const standalone = (slug: string, name: string, usd: number, cny: number): CatalogEntry => ({
  ...base(slug, name, ENTERPRISE, usd, cny, true),
  kind: PlanKind.STANDALONE,
});
const addOn = (slug: string, name: string, usd: number): CatalogEntry => ({
  ...base(slug, name, ENTERPRISE, usd, null),
  kind: PlanKind.ELEVATED_SUPPORT,
});

// Plans of the Office 365 service description (001). Government plans exist only in the global
// cloud; 21Vianet sells no elevated support add-on (its advanced agreement lives in accounts).
const CATALOG: CatalogEntry[] = [
  base('business-basic', 'Microsoft 365 Business Basic', BUSINESS, 600, 3200, true),
  base('apps-for-business', 'Microsoft 365 Apps for business', BUSINESS, 825, 5100, true),
  base('business-standard', 'Microsoft 365 Business Standard', BUSINESS, 1250, 7800, true),
  base('e1', 'Office 365 E1', ENTERPRISE, 1000, 5200, true),
  base('e3', 'Office 365 E3', ENTERPRISE, 2300, 14800, true),
  base('government-g2', 'Office 365 Government G2', ENTERPRISE, 800, null),
  base('us-government-e3', 'Office 365 US Government E3', ENTERPRISE, 2300, null),
  base('education', 'Office 365 Education', ENTERPRISE, 325, 2000),
  base('f1', 'Office 365 F1', FRONTLINE, 225, 1400),
  base('us-government-k1', 'Office 365 US Government K1', FRONTLINE, 200, null),
  standalone('exchange-online-plan-1', 'Exchange Online (Plan 1)', 400, 2500),
  standalone('sharepoint-online-plan-1', 'SharePoint Online (Plan 1)', 500, 3100),
  addOn('professional-direct', 'Professional Direct support', 200),
  addOn('premier', 'Premier support', 500),
];

export const planId = (cloud: Cloud, slug: string) =>
  `plan-${cloud === GLOBAL ? 'global' : 'cn'}-${slug}`;

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
const SUBSCRIPTIONS: DemoSubscription[] = [
  sub(ORG.contoso, GLOBAL, 'business-standard', 25, 18, [-200, 165]),
  sub(ORG.contoso, GLOBAL, 'business-basic', 25, 2, [-10, 20], {
    id: 'sub-contoso-business-basic-trial',
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

/** Seeds the catalog and the demo tenants' subscriptions; a database with plans is left alone. */
export async function seedBilling(em: EntityManager, now = new Date()): Promise<boolean> {
  if ((await em.count(Plan)) > 0) return false;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  await em.transactional(async (tx) => {
    for (const entry of CATALOG) {
      const prices = [
        [GLOBAL, entry.usd, 'USD'],
        [CHINA_21VIANET, entry.cny, 'CNY'],
      ] as const;
      for (const [cloud, amount, currency] of prices) {
        if (amount === null) continue;
        tx.create(Plan, {
          id: planId(cloud, entry.slug),
          name: entry.name,
          family: entry.family,
          kind: entry.kind,
          cloud,
          priceAmount: amount,
          priceCurrency: currency,
          trialAvailable: entry.trial,
        });
      }
    }
    for (const s of SUBSCRIPTIONS) {
      tx.create(PlanSubscription, {
        id: s.id,
        organizationId: s.organizationId,
        cloud: s.cloud,
        plan: planId(s.cloud, s.slug),
        status: s.status,
        channel: s.partnerId ? PurchaseChannel.PARTNER : PurchaseChannel.DIRECT,
        partnerId: s.partnerId,
        licenses: s.licenses,
        assignedLicenses: s.assigned,
        termStart: at(s.term[0]),
        termEnd: at(s.term[1]),
        // Trials lapse unless converted; paid subscriptions renew by default.
        autoRenew: s.status === SubscriptionStatus.ACTIVE,
        createdAt: at(s.term[0]),
      });
    }
  });
  return true;
}
