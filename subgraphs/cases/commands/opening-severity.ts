import { Cloud } from '../../../lib/domain/enums';
import type { CaseCategory, Severity } from '../domain/case-enums';
import { type ResponseTarget, responseTarget } from '../domain/response-target';
import {
  assessSeverity,
  type SeverityFacts,
  type StatedImpact,
} from '../domain/severity-assessment';
import type { SupportCase } from '../entities/support-case.entity';
import { type OrganizationSupport, targetScope } from '../peers/organization-support';

// The severity step of opening a case and of its preview (issue 12.1): the requested severity
// has passed the severity rules already; this decides what is assigned and the target for it.

export type SeverityColumns = Pick<
  SupportCase,
  | 'severity'
  | 'requestedSeverity'
  | 'severitySource'
  | 'severityReason'
  | 'impactUsersAffected'
  | 'impactServiceState'
  | 'impactWorkaroundExists'
>;

export interface OpeningSeverity {
  columns: SeverityColumns;
  assessed: boolean;
}

/** The assessment of a new case, as the columns that keep it. */
export function severityColumns(facts: SeverityFacts): OpeningSeverity {
  const assessment = assessSeverity(facts);
  return {
    columns: {
      severity: assessment.severity,
      requestedSeverity: facts.requested,
      severitySource: assessment.source,
      severityReason: assessment.reason,
      impactUsersAffected: facts.impact?.usersAffected ?? null,
      impactServiceState: facts.impact?.serviceState ?? null,
      impactWorkaroundExists: facts.impact?.workaroundExists ?? null,
    },
    assessed: assessment.assessed,
  };
}

/** What a case of this organization gets for what it asked and stated, and its target. */
export function openingSeverity(
  support: OrganizationSupport,
  category: CaseCategory,
  requested: Severity,
  impact: StatedImpact | null | undefined,
  hasBusinessImpact: boolean,
): OpeningSeverity & { target: ResponseTarget } {
  const { organization, entitlement } = support;
  const opening = severityColumns({
    cloud: organization.cloud,
    category,
    requested,
    impact: impact ?? null,
    elevated: entitlement.elevated && organization.cloud === Cloud.GLOBAL,
    advancedSupportAgreement: organization.advancedSupportAgreement,
    hasBusinessImpact,
  });
  const target = responseTarget(targetScope(support, category, opening.columns.severity));
  return { ...opening, target };
}
