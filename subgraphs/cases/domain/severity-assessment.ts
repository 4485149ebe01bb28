import { Cloud } from '../../../lib/domain/enums';
import {
  type CaseCategory,
  ServiceState,
  Severity,
  SeveritySource,
  UsersAffected,
} from './case-enums';
import { requiresBusinessImpact, ruleAgainstA } from './severity-policy';

// The severity support assigns when a case is opened (001, "Technical support case handling"):
// "Microsoft assigns a severity level to a case when it is opened, based on an assessment of the
// issue type and customer impact." The impact comes from the customer's answers; the issue type
// (the category) caps it; setting the severity oneself is a benefit of elevated support (001,
// "Elevated support options"). Pure: callers pass what accounts and billing say.

export interface StatedImpact {
  usersAffected: UsersAffected;
  serviceState: ServiceState;
  workaroundExists: boolean;
}

export interface SeverityFacts {
  cloud: Cloud;
  category: CaseCategory;
  requested: Severity;
  impact: StatedImpact | null;
  /** Elevated support of the global cloud (21Vianet sells none and keeps its own rules). */
  elevated: boolean;
  advancedSupportAgreement: boolean;
  /** The customer gave a business-impact statement (needed for A on 21Vianet). */
  hasBusinessImpact: boolean;
}

export interface SeverityAssessment {
  severity: Severity;
  /** False while the requested severity stands provisionally. */
  assessed: boolean;
  source: SeveritySource;
  /** Why, quoting the table row or the rule that decided. */
  reason: string;
}

/** Whether support (or an entitled customer) has decided the severity, not just the request. */
export const isAssessed = (source: SeveritySource): boolean => source !== SeveritySource.REQUESTED;

interface ImpactRow {
  usersAffected?: UsersAffected;
  serviceState?: ServiceState;
  workaroundExists?: boolean;
  severity: Severity;
  /** The words of 001's severity table this row stands on. */
  quote: string;
}

const { SINGLE_USER, MULTIPLE_USERS } = UsersAffected;
const { UNUSABLE, IMPAIRED, BARELY_AFFECTED } = ServiceState;

/**
 * 001's severity table as rows, first match wins; every combination of answers matches one.
 * A needs an outage for several users with no way around it; a workaround makes a service usable
 * but impaired (B); one user with a workaround is C's own example.
 */
export const IMPACT_TABLE: readonly ImpactRow[] = [
  {
    usersAffected: MULTIPLE_USERS,
    serviceState: UNUSABLE,
    workaroundExists: false,
    severity: Severity.A,
    quote:
      "One or more services aren't accessible or are unusable. [...] Multiple users or services " +
      'are affected.',
  },
  {
    serviceState: BARELY_AFFECTED,
    severity: Severity.C,
    quote:
      'The situation has minimal business impact. The issue is important but does not have a ' +
      'significant current service or productivity impact for the customer.',
  },
  {
    usersAffected: SINGLE_USER,
    workaroundExists: true,
    severity: Severity.C,
    quote: 'A single user is experiencing partial disruption, but an acceptable workaround exists.',
  },
  {
    serviceState: UNUSABLE,
    workaroundExists: true,
    severity: Severity.B,
    quote: 'The service is usable but in an impaired fashion.',
  },
  {
    usersAffected: SINGLE_USER,
    serviceState: UNUSABLE,
    severity: Severity.B,
    quote: 'A single user, customer, or service is partially affected.',
  },
  {
    serviceState: IMPAIRED,
    severity: Severity.B,
    quote:
      'The service is usable but in an impaired fashion. The situation has moderate business ' +
      'impact and can be dealt with during business hours.',
  },
];

const matches = (row: ImpactRow, impact: StatedImpact): boolean =>
  (row.usersAffected === undefined || row.usersAffected === impact.usersAffected) &&
  (row.serviceState === undefined || row.serviceState === impact.serviceState) &&
  (row.workaroundExists === undefined || row.workaroundExists === impact.workaroundExists);

/** The table row for these answers. */
export function impactRow(impact: StatedImpact): ImpactRow {
  const row = IMPACT_TABLE.find((r) => matches(r, impact));
  if (!row) throw new Error(`severity table has no row for ${JSON.stringify(impact)}`);
  return row;
}

/** What keeps a case that the table rates A at B: the issue type or 21Vianet's conditions. */
function capOnA(facts: SeverityFacts): string | null {
  const rule = ruleAgainstA(facts);
  if (rule) return rule;
  if (requiresBusinessImpact(facts.cloud, Severity.A) && !facts.hasBusinessImpact) {
    return 'Severity A on 21Vianet needs a business-impact statement, and none was given';
  }
  return null;
}

/** The severity a new case gets, and why. */
export function assessSeverity(facts: SeverityFacts): SeverityAssessment {
  if (facts.elevated && facts.cloud === Cloud.GLOBAL) {
    return {
      severity: facts.requested,
      assessed: true,
      source: SeveritySource.ELEVATED_SUPPORT,
      reason: 'Set by the organization: elevated support includes setting the severity (001).',
    };
  }
  if (!facts.impact) {
    return {
      severity: facts.requested,
      assessed: isAssessed(SeveritySource.REQUESTED),
      source: SeveritySource.REQUESTED,
      reason:
        'Provisional: the severity asked for stands until support assesses it; no impact was stated.',
    };
  }
  const row = impactRow(facts.impact);
  const cap = row.severity === Severity.A ? capOnA(facts) : null;
  return {
    severity: cap ? Severity.B : row.severity,
    assessed: true,
    source: SeveritySource.STATED_IMPACT,
    reason: cap
      ? `The stated impact reads as A ("${row.quote}", 001), but ${lowerFirst(cap)}: B.`
      : `Severity ${row.severity} from the stated impact: "${row.quote}" (001).`,
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
