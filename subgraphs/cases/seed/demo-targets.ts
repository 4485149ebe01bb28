import { DEMO_ORGANIZATIONS, ORG } from '../../../lib/demo/demo-tenants';
import { PlanFamily } from '../../../lib/domain/enums';
import type { CaseCategory, Severity } from '../domain/case-enums';
import { type ResponseTarget, responseTarget } from '../domain/response-target';

// What each demo customer bought (contract/README.md, "Demo tenants"), as billing's seed sells
// it. At run time cases asks billing; the seed cannot, since subgraphs seed before they serve.

export const DEMO_SUPPORT: Record<string, { family: PlanFamily; elevated: boolean }> = {
  [ORG.contoso]: { family: PlanFamily.BUSINESS, elevated: false },
  [ORG.fabrikam]: { family: PlanFamily.ENTERPRISE, elevated: true },
  [ORG.northwind]: { family: PlanFamily.ENTERPRISE, elevated: false },
  [ORG.tailspin]: { family: PlanFamily.BUSINESS, elevated: false },
  [ORG.adatum]: { family: PlanFamily.ENTERPRISE, elevated: false },
};

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
