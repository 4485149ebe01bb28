import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../lib/domain/enums';
import {
  CaseCategory,
  ServiceState,
  Severity,
  SeveritySource,
  UsersAffected,
} from '../../../subgraphs/cases/domain/case-enums';
import {
  assessSeverity,
  IMPACT_TABLE,
  impactRow,
  type SeverityFacts,
  type StatedImpact,
} from '../../../subgraphs/cases/domain/severity-assessment';

// Issue 12.1: support assigns the severity from the issue type and the stated impact (001's
// table); elevated support sets it; without an impact the request stands provisionally.

const { SINGLE_USER, MULTIPLE_USERS } = UsersAffected;
const { UNUSABLE, IMPAIRED, BARELY_AFFECTED } = ServiceState;
const { A, B, C } = Severity;
const { GLOBAL, CHINA_21VIANET } = Cloud;
const { TECHNICAL, BILLING_AND_SUBSCRIPTION, PRE_SALES } = CaseCategory;

const impact = (
  usersAffected: UsersAffected,
  serviceState: ServiceState,
  workaroundExists: boolean,
): StatedImpact => ({ usersAffected, serviceState, workaroundExists });

const facts = (overrides: Partial<SeverityFacts>): SeverityFacts => ({
  cloud: GLOBAL,
  category: TECHNICAL,
  requested: B,
  impact: null,
  elevated: false,
  advancedSupportAgreement: false,
  hasBusinessImpact: false,
  ...overrides,
});

describe("the severity table (001, 'Technical support case handling')", () => {
  it.each([
    [MULTIPLE_USERS, UNUSABLE, false, A, "aren't accessible or are unusable"],
    [MULTIPLE_USERS, UNUSABLE, true, B, 'usable but in an impaired fashion'],
    [MULTIPLE_USERS, IMPAIRED, false, B, 'usable but in an impaired fashion'],
    [MULTIPLE_USERS, IMPAIRED, true, B, 'usable but in an impaired fashion'],
    [MULTIPLE_USERS, BARELY_AFFECTED, false, C, 'minimal business impact'],
    [MULTIPLE_USERS, BARELY_AFFECTED, true, C, 'minimal business impact'],
    [SINGLE_USER, UNUSABLE, false, B, 'A single user, customer, or service is partially affected'],
    [SINGLE_USER, UNUSABLE, true, C, 'an acceptable workaround exists'],
    [SINGLE_USER, IMPAIRED, false, B, 'usable but in an impaired fashion'],
    [SINGLE_USER, IMPAIRED, true, C, 'an acceptable workaround exists'],
    [SINGLE_USER, BARELY_AFFECTED, false, C, 'minimal business impact'],
    [SINGLE_USER, BARELY_AFFECTED, true, C, 'minimal business impact'],
  ] as const)('%s, %s, workaround %s: %s', (users, service, workaround, severity, words) => {
    const row = impactRow(impact(users, service, workaround));
    expect(row.severity).toBe(severity);
    expect(row.quote).toContain(words);
  });

  it('uses every row for some answer', () => {
    const answers = [SINGLE_USER, MULTIPLE_USERS].flatMap((u) =>
      [UNUSABLE, IMPAIRED, BARELY_AFFECTED].flatMap((s) =>
        [false, true].map((w) => impactRow(impact(u, s, w))),
      ),
    );
    expect(new Set(answers).size).toBe(IMPACT_TABLE.length);
  });
});

describe('assessSeverity', () => {
  it('assigns what the table says, not what was asked: a Business customer asking A', () => {
    const result = assessSeverity(
      facts({ requested: A, impact: impact(SINGLE_USER, IMPAIRED, false) }),
    );
    expect(result).toMatchObject({
      severity: B,
      assessed: true,
      source: SeveritySource.STATED_IMPACT,
    });
    expect(result.reason).toContain('Severity B from the stated impact');
  });

  it('raises a modest request when the impact is critical', () => {
    const result = assessSeverity(
      facts({ requested: C, impact: impact(MULTIPLE_USERS, UNUSABLE, false) }),
    );
    expect(result.severity).toBe(A);
  });

  it('lets the requested severity stand provisionally without an impact', () => {
    expect(assessSeverity(facts({ requested: A }))).toMatchObject({
      severity: A,
      assessed: false,
      source: SeveritySource.REQUESTED,
    });
  });

  it('assigns what an organization with elevated support asks for, whatever the impact', () => {
    const result = assessSeverity(
      facts({ requested: A, elevated: true, impact: impact(SINGLE_USER, BARELY_AFFECTED, true) }),
    );
    expect(result).toMatchObject({
      severity: A,
      assessed: true,
      source: SeveritySource.ELEVATED_SUPPORT,
    });
  });

  it('keeps billing and pre-sales at B however critical the impact', () => {
    const critical = impact(MULTIPLE_USERS, UNUSABLE, false);
    for (const category of [BILLING_AND_SUBSCRIPTION, PRE_SALES]) {
      const result = assessSeverity(facts({ category, impact: critical }));
      expect(result.severity).toBe(B);
      expect(result.reason).toContain('reads as A');
    }
  });

  describe('21Vianet keeps its own rules', () => {
    const critical = impact(MULTIPLE_USERS, UNUSABLE, false);
    const china = (overrides: Partial<SeverityFacts>) =>
      assessSeverity(facts({ cloud: CHINA_21VIANET, impact: critical, ...overrides }));

    it('assigns A with the advanced agreement and a business-impact statement', () => {
      expect(china({ advancedSupportAgreement: true, hasBusinessImpact: true }).severity).toBe(A);
    });

    it('assigns B without the agreement', () => {
      const result = china({ hasBusinessImpact: true });
      expect(result.severity).toBe(B);
      expect(result.reason).toContain('advanced online service agreement');
    });

    it('assigns B without a business-impact statement', () => {
      const result = china({ advancedSupportAgreement: true });
      expect(result.severity).toBe(B);
      expect(result.reason).toContain('business-impact statement');
    });

    it('ignores an elevated flag: 21Vianet sells no elevated support', () => {
      const result = china({ elevated: true, requested: C, hasBusinessImpact: true });
      expect(result.source).toBe(SeveritySource.STATED_IMPACT);
    });
  });
});
