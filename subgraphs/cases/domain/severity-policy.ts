import { Cloud } from '../../../lib/domain/enums';
import { BadUserInputError, SeverityNotAllowedError } from '../../../lib/errors/domain-errors';
import { CaseCategory, Severity } from './case-enums';

// Which severities a case may carry (domain.md, "Service requests"): A is for technical problems
// only, and on 21Vianet only under the advanced online service agreement; billing and
// subscription cases are at most B. Support assesses a case by raising or lowering it.

export interface SeverityScope {
  cloud: Cloud;
  category: CaseCategory;
  advancedSupportAgreement: boolean;
}

const RANK: Record<Severity, number> = { [Severity.A]: 3, [Severity.B]: 2, [Severity.C]: 1 };

/** True when `to` is a lower severity than `from` (A > B > C). */
export const isLowerSeverity = (from: Severity, to: Severity): boolean => RANK[to] < RANK[from];

/** Why severity A is out of reach for this case, in plain words; null when A is possible. */
export function ruleAgainstA(scope: SeverityScope): string | null {
  if (scope.category === CaseCategory.BILLING_AND_SUBSCRIPTION) {
    return 'Billing and subscription cases are at most severity B';
  }
  if (scope.category !== CaseCategory.TECHNICAL) {
    return 'Severity A is for technical problems that make a service unusable';
  }
  if (scope.cloud === Cloud.CHINA_21VIANET && !scope.advancedSupportAgreement) {
    return (
      'Severity A on 21Vianet needs the advanced online service agreement, which this ' +
      'organization has not signed'
    );
  }
  return null;
}

/** Why this severity is refused for the case, in plain words; null when it is allowed. */
export function severityRefusal(scope: SeverityScope, severity: Severity): string | null {
  if (severity !== Severity.A) return null;
  const rule = ruleAgainstA(scope);
  if (!rule) return null;
  const advice =
    scope.cloud === Cloud.CHINA_21VIANET && scope.category === CaseCategory.TECHNICAL
      ? 'choose B or C, or sign the agreement with 21Vianet.'
      : 'choose B or C.';
  return `${rule}: ${advice}`;
}

export function assertSeverityAllowed(scope: SeverityScope, severity: Severity): void {
  const refusal = severityRefusal(scope, severity);
  if (refusal) throw new SeverityNotAllowedError(refusal);
}

/** 21Vianet's critical cases need a business-impact statement from the customer (000, 002). */
export const requiresBusinessImpact = (cloud: Cloud, severity: Severity): boolean =>
  cloud === Cloud.CHINA_21VIANET && severity === Severity.A;

export interface SeverityChangeRequest {
  scope: SeverityScope;
  current: Severity;
  /** False while the case carries the customer's provisional request. */
  assessed: boolean;
  to: Severity;
  hasBusinessImpact: boolean;
  /** lowerSeverity's contract: only downwards. */
  lowerOnly: boolean;
}

/**
 * Support assesses a case: any severity the case may carry, up or down, once a reason is given.
 * Confirming the current severity is an assessment only while it is still provisional.
 */
export function assertSeverityChange(request: SeverityChangeRequest): void {
  const { scope, current, to } = request;
  if (request.lowerOnly && !isLowerSeverity(current, to)) {
    throw new BadUserInputError(
      `The case is severity ${current}: it can only be lowered (A, then B, then C).`,
      'severity',
    );
  }
  if (to === current && request.assessed) {
    throw new BadUserInputError(`The case is already severity ${current}.`, 'severity');
  }
  assertSeverityAllowed(scope, to);
  if (requiresBusinessImpact(scope.cloud, to) && !request.hasBusinessImpact) {
    throw new SeverityNotAllowedError(
      'Severity A on 21Vianet needs a business-impact statement from the customer, and this ' +
        'case was opened without one.',
    );
  }
}
