import type { Cloud } from '../../../lib/domain/enums';
import { PlanFamily } from '../../../lib/domain/enums';
import { CaseCategory, PartnerRequestArea, type Severity } from './case-enums';
import type { TargetScope } from './response-target';

// A partner's own Partner Center requests (003). The documents say partners file them, about
// technical, billing, and customer and subscription management problems; they give no targets
// for them. Ours: the clocks of the partner's cloud at the enterprise level (a CSP reseller is no
// small business), billing, customer and subscription management counted like billing and
// subscription cases, and no advanced agreement (so no severity A on 21Vianet).

/** Global local-business-week hours count in this zone: accounts keeps no zone for partners. */
export const PARTNER_TIME_ZONE = 'UTC';

export const categoryOfArea = (area: PartnerRequestArea): CaseCategory =>
  area === PartnerRequestArea.TECHNICAL
    ? CaseCategory.TECHNICAL
    : CaseCategory.BILLING_AND_SUBSCRIPTION;

export function partnerTargetScope(
  cloud: Cloud,
  area: PartnerRequestArea,
  severity: Severity,
): TargetScope {
  return {
    cloud,
    planFamily: PlanFamily.ENTERPRISE,
    elevated: false,
    advancedSupportAgreement: false,
    category: categoryOfArea(area),
    severity,
  };
}
