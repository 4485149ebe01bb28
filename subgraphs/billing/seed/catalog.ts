import type { EntityManager } from '@mikro-orm/core';
import { Cloud, PlanFamily } from '../../../lib/domain/enums';
import { PlanKind } from '../domain/enums';
import { Plan } from '../entities/plan.entity';

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
// Paid standalone services get the enterprise level of support (support-entitlement.ts), a trial
// of one the business level; add-ons are sold with enterprise plans.
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
export const CATALOG: CatalogEntry[] = [
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

export function seedCatalog(em: EntityManager): void {
  for (const entry of CATALOG) {
    const prices = [
      [GLOBAL, entry.usd, 'USD'],
      [CHINA_21VIANET, entry.cny, 'CNY'],
    ] as const;
    for (const [cloud, amount, currency] of prices) {
      if (amount === null) continue;
      em.create(Plan, {
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
}
