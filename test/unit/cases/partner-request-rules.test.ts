import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../lib/domain/enums';
import { SeverityNotAllowedError } from '../../../lib/errors/domain-errors';
import {
  CaseCategory,
  PartnerRequestArea,
  Severity,
  SupportCalendar,
} from '../../../subgraphs/cases/domain/case-enums';
import {
  categoryOfArea,
  partnerTargetScope,
} from '../../../subgraphs/cases/domain/partner-request-rules';
import { responseTarget } from '../../../subgraphs/cases/domain/response-target';

const { TECHNICAL, BILLING, CUSTOMER_MANAGEMENT, SUBSCRIPTION_MANAGEMENT } = PartnerRequestArea;

describe("a partner's own requests (issue 12.6)", () => {
  it('counts billing, customer and subscription management like billing and subscription cases', () => {
    expect(categoryOfArea(TECHNICAL)).toBe(CaseCategory.TECHNICAL);
    for (const area of [BILLING, CUSTOMER_MANAGEMENT, SUBSCRIPTION_MANAGEMENT]) {
      expect(categoryOfArea(area)).toBe(CaseCategory.BILLING_AND_SUBSCRIPTION);
    }
  });

  it.each([
    [Cloud.CHINA_21VIANET, TECHNICAL, Severity.B, 'PT15H', SupportCalendar.CN_SUPPORT_DAY],
    [
      Cloud.CHINA_21VIANET,
      CUSTOMER_MANAGEMENT,
      Severity.B,
      'PT9H',
      SupportCalendar.CN_BUSINESS_WEEK,
    ],
    [Cloud.GLOBAL, TECHNICAL, Severity.B, 'PT24H', SupportCalendar.ALWAYS],
    [Cloud.GLOBAL, BILLING, Severity.C, null, SupportCalendar.LOCAL_BUSINESS_WEEK],
  ] as const)('%s %s %s: %s on %s', (cloud, area, severity, target, calendar) => {
    expect(responseTarget(partnerTargetScope(cloud, area, severity))).toEqual({ target, calendar });
  });

  it('refuses severity A on 21Vianet (no advanced agreement) and on billing everywhere', () => {
    const target = (cloud: Cloud, area: PartnerRequestArea) => () =>
      responseTarget(partnerTargetScope(cloud, area, Severity.A));
    expect(target(Cloud.CHINA_21VIANET, TECHNICAL)).toThrow(SeverityNotAllowedError);
    expect(target(Cloud.GLOBAL, BILLING)).toThrow(SeverityNotAllowedError);
    expect(target(Cloud.GLOBAL, TECHNICAL)()).toEqual({ target: 'PT1H', calendar: 'ALWAYS' });
  });
});
