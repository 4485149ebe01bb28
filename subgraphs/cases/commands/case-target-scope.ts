import type { CasesContext } from '../context';
import type { Severity } from '../domain/case-enums';
import { PARTNER_TIME_ZONE, partnerTargetScope } from '../domain/partner-request-rules';
import type { TargetScope } from '../domain/response-target';
import type { SupportCase } from '../entities/support-case.entity';
import { loadOrganizationSupport, targetScope } from '../peers/organization-support';

/**
 * The target rules of an existing case at a new severity, and the zone its calendar counts in:
 * a partner's own request follows the partner rules, any other case its organization's support.
 */
export async function caseTargetScope(
  ctx: CasesContext,
  kase: SupportCase,
  severity: Severity,
): Promise<{ scope: TargetScope; timeZone: string }> {
  if (kase.partnerRequestArea) {
    return {
      scope: partnerTargetScope(kase.cloud, kase.partnerRequestArea, severity),
      timeZone: PARTNER_TIME_ZONE,
    };
  }
  const support = await loadOrganizationSupport(ctx, kase.organizationId);
  return {
    scope: targetScope(support, kase.category, severity),
    timeZone: support.organization.timeZone,
  };
}
