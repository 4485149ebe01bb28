import { Cloud } from '../../../lib/domain/enums';
import { SeverityNotAllowedError } from '../../../lib/errors/domain-errors';
import { CaseCategory, Severity } from './case-enums';

// Which severities a case may carry (domain.md, "Service requests"): A is for technical problems
// only, and on 21Vianet only under the advanced online service agreement; billing and
// subscription cases are at most B. Support may lower a severity, never raise it.

export interface SeverityScope {
  cloud: Cloud;
  category: CaseCategory;
  advancedSupportAgreement: boolean;
}

const RANK: Record<Severity, number> = { [Severity.A]: 3, [Severity.B]: 2, [Severity.C]: 1 };

/** True when `to` is a lower severity than `from` (A > B > C). */
export const isLowerSeverity = (from: Severity, to: Severity): boolean => RANK[to] < RANK[from];

/** Why this severity is refused for the case, in plain words; null when it is allowed. */
export function severityRefusal(scope: SeverityScope, severity: Severity): string | null {
  if (severity !== Severity.A) return null;
  if (scope.category === CaseCategory.BILLING_AND_SUBSCRIPTION) {
    return 'Billing and subscription cases are at most severity B: choose B or C.';
  }
  if (scope.category !== CaseCategory.TECHNICAL) {
    return 'Severity A is for technical problems that make a service unusable: choose B or C.';
  }
  if (scope.cloud === Cloud.CHINA_21VIANET && !scope.advancedSupportAgreement) {
    return (
      'Severity A on 21Vianet needs the advanced online service agreement, which this ' +
      'organization has not signed: choose B or C, or sign the agreement with 21Vianet.'
    );
  }
  return null;
}

export function assertSeverityAllowed(scope: SeverityScope, severity: Severity): void {
  const refusal = severityRefusal(scope, severity);
  if (refusal) throw new SeverityNotAllowedError(refusal);
}

/** 21Vianet's critical cases need a business-impact statement from the customer (000, 002). */
export const requiresBusinessImpact = (cloud: Cloud, severity: Severity): boolean =>
  cloud === Cloud.CHINA_21VIANET && severity === Severity.A;
