import { ORG } from '../../../lib/demo/demo-tenants';
import { Cloud, PlanFamily } from '../../../lib/domain/enums';
import { CaseCategory, Severity } from '../domain/case-enums';
import type { OrganizationProfile } from '../entities/organization-profile.entity';

// Seed-only approximation of the contract's targets table: hours are counted straight through,
// ignoring the support calendars, which the response calendar module will own. Good enough to
// give the demo cases believable dueAt values; never used for a real case.

interface DemoSupport {
  family: PlanFamily;
  elevated: boolean;
}

/** What each demo customer bought (contract/README.md, "Demo tenants"). */
const DEMO_SUPPORT: Record<string, DemoSupport> = {
  [ORG.contoso]: { family: PlanFamily.BUSINESS, elevated: false },
  [ORG.fabrikam]: { family: PlanFamily.ENTERPRISE, elevated: true },
  [ORG.northwind]: { family: PlanFamily.ENTERPRISE, elevated: false },
  [ORG.tailspin]: { family: PlanFamily.BUSINESS, elevated: false },
  [ORG.adatum]: { family: PlanFamily.ENTERPRISE, elevated: false },
};

function targetHours(
  profile: OrganizationProfile,
  category: CaseCategory,
  severity: Severity,
): number | null {
  const technical = category === CaseCategory.TECHNICAL;
  if (profile.cloud === Cloud.CHINA_21VIANET) {
    if (!technical) return { A: null, B: 9, C: 27 }[severity];
    return { A: profile.advancedSupportAgreement ? 1 : null, B: 15, C: 45 }[severity];
  }
  if (!technical) return null;
  const support = DEMO_SUPPORT[profile.id];
  if (!support) throw new Error(`no demo support level for ${profile.id}`);
  if (support.elevated) return { A: 1, B: 2, C: 4 }[severity];
  if (support.family === PlanFamily.BUSINESS) return severity === Severity.A ? 1 : null;
  return { A: 1, B: 24, C: null }[severity];
}

export function demoDueAt(
  profile: OrganizationProfile,
  category: CaseCategory,
  severity: Severity,
  openedAt: Date,
): Date | null {
  const hours = targetHours(profile, category, severity);
  return hours === null ? null : new Date(openedAt.getTime() + hours * 3_600_000);
}
