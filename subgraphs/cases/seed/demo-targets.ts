import { DEMO_ORGANIZATIONS, DEMO_PARTNERS, ORG } from '../../../lib/demo/demo-tenants';
import { type Cloud, PlanFamily } from '../../../lib/domain/enums';
import type { CaseCategory, Severity } from '../domain/case-enums';
import { PARTNER_TIME_ZONE, partnerTargetScope } from '../domain/partner-request-rules';
import { type ResponseTarget, responseTarget } from '../domain/response-target';
import type { DemoCase } from './demo-cases';

// What each demo customer bought (contract/README.md, "Demo tenants"), as billing's seed sells
// it. At run time cases asks billing; the seed cannot, since subgraphs seed before they serve.

export const DEMO_SUPPORT: Record<string, { family: PlanFamily; elevated: boolean }> = {
  [ORG.contoso]: { family: PlanFamily.BUSINESS, elevated: false },
  [ORG.fabrikam]: { family: PlanFamily.ENTERPRISE, elevated: true },
  [ORG.northwind]: { family: PlanFamily.ENTERPRISE, elevated: false },
  [ORG.tailspin]: { family: PlanFamily.BUSINESS, elevated: false },
  [ORG.adatum]: { family: PlanFamily.ENTERPRISE, elevated: false },
};

/** Who owns a demo case: cloud, zone and phone of the organization, or of the partner. */
export function demoOwner(c: DemoCase): { cloud: Cloud; timeZone: string; phone: string } {
  if (c.partnerRequestArea) {
    const partner = DEMO_PARTNERS.find((p) => p.id === c.organizationId);
    if (!partner) throw new Error(`demo case ${c.id}: no demo partner ${c.organizationId}`);
    return { cloud: partner.cloud, timeZone: PARTNER_TIME_ZONE, phone: partner.phone };
  }
  const organization = DEMO_ORGANIZATIONS.find((o) => o.id === c.organizationId);
  if (!organization) throw new Error(`demo case ${c.id}: no demo organization`);
  return organization;
}

/** The target of a demo case: a partner's own request, or the organization's (below). */
export function demoCaseTarget(
  c: DemoCase,
  severity: Severity = c.severity,
): ResponseTarget & { timeZone: string } {
  if (!c.partnerRequestArea) return demoTarget(c.organizationId, c.category, severity);
  const { cloud, timeZone } = demoOwner(c);
  return {
    ...responseTarget(partnerTargetScope(cloud, c.partnerRequestArea, severity)),
    timeZone,
  };
}

/** The demo organization's target for a case, from the real target tables. */
export function demoTarget(
  organizationId: string,
  category: CaseCategory,
  severity: Severity,
): ResponseTarget & { timeZone: string } {
  const organization = DEMO_ORGANIZATIONS.find((o) => o.id === organizationId);
  const support = DEMO_SUPPORT[organizationId];
  if (!organization || !support) throw new Error(`no demo support level for ${organizationId}`);
  const target = responseTarget({
    cloud: organization.cloud,
    planFamily: support.family,
    elevated: support.elevated,
    advancedSupportAgreement: organization.advancedSupportAgreement,
    category,
    severity,
  });
  return { ...target, timeZone: organization.timeZone };
}
