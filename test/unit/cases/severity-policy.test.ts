import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../lib/domain/enums';
import { BadUserInputError, SeverityNotAllowedError } from '../../../lib/errors/domain-errors';
import { CaseCategory, Severity } from '../../../subgraphs/cases/domain/case-enums';
import {
  assertSeverityChange,
  type SeverityChangeRequest,
} from '../../../subgraphs/cases/domain/severity-policy';

// Support assesses a case's severity after opening (issue 12.1): up or down, within the rules
// that decide which severities a case may carry.

const { A, B, C } = Severity;

const request = (overrides: Partial<SeverityChangeRequest>): SeverityChangeRequest => ({
  scope: { cloud: Cloud.GLOBAL, category: CaseCategory.TECHNICAL, advancedSupportAgreement: false },
  current: B,
  assessed: true,
  to: A,
  hasBusinessImpact: false,
  lowerOnly: false,
  ...overrides,
});

describe('assertSeverityChange', () => {
  it('lets support raise and lower a global technical case', () => {
    expect(() => assertSeverityChange(request({ to: A }))).not.toThrow();
    expect(() => assertSeverityChange(request({ to: C }))).not.toThrow();
  });

  it('confirms a provisional severity, but not one already assessed', () => {
    expect(() => assertSeverityChange(request({ to: B, assessed: false }))).not.toThrow();
    expect(() => assertSeverityChange(request({ to: B }))).toThrow(BadUserInputError);
  });

  it('keeps lowerSeverity downwards only', () => {
    expect(() => assertSeverityChange(request({ to: A, lowerOnly: true }))).toThrow(
      BadUserInputError,
    );
    expect(() =>
      assertSeverityChange(request({ to: B, lowerOnly: true, assessed: false })),
    ).toThrow(BadUserInputError);
    expect(() => assertSeverityChange(request({ to: C, lowerOnly: true }))).not.toThrow();
  });

  it('never raises a billing case to A', () => {
    const scope = { ...request({}).scope, category: CaseCategory.BILLING_AND_SUBSCRIPTION };
    expect(() => assertSeverityChange(request({ scope }))).toThrow(SeverityNotAllowedError);
  });

  it('raises a 21Vianet case to A only with the agreement and a business-impact statement', () => {
    const china = { cloud: Cloud.CHINA_21VIANET, category: CaseCategory.TECHNICAL };
    const without = { ...china, advancedSupportAgreement: false };
    const withAgreement = { ...china, advancedSupportAgreement: true };
    expect(() =>
      assertSeverityChange(request({ scope: without, hasBusinessImpact: true })),
    ).toThrow(SeverityNotAllowedError);
    expect(() => assertSeverityChange(request({ scope: withAgreement }))).toThrow(
      SeverityNotAllowedError,
    );
    expect(() =>
      assertSeverityChange(request({ scope: withAgreement, hasBusinessImpact: true })),
    ).not.toThrow();
  });
});
