import { describe, expect, it } from 'vitest';
import { PlanFamily } from '../../../lib/domain/enums';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import { CaseCategory } from '../../../subgraphs/cases/domain/case-enums';
import {
  assertCategoryAvailable,
  partnerToContact,
} from '../../../subgraphs/cases/domain/support-routing';

describe('who takes a provider case', () => {
  const throughLitware = { supportedBy: 'PARTNER' as const, partner: { id: 'partner-litware' } };

  it('is the provider for its own customers', () => {
    expect(partnerToContact({ supportedBy: 'PROVIDER', partner: null }, null)).toBeNull();
  });

  it('sends a partner-supported organization to its partner', () => {
    expect(partnerToContact(throughLitware, null)).toBe('partner-litware');
  });

  it('lets the supporting partner open the provider case itself', () => {
    expect(partnerToContact(throughLitware, 'partner-litware')).toBeNull();
  });

  it('does not let another partner bypass the supporting one', () => {
    expect(partnerToContact(throughLitware, 'partner-other')).toBe('partner-litware');
  });
});

describe('categories without a plan', () => {
  it('leaves pre-sales and buying questions open, refuses technical ones', () => {
    expect(() => assertCategoryAvailable(null, CaseCategory.PRE_SALES)).not.toThrow();
    expect(() =>
      assertCategoryAvailable(null, CaseCategory.BILLING_AND_SUBSCRIPTION),
    ).not.toThrow();
    expect(() => assertCategoryAvailable(null, CaseCategory.TECHNICAL)).toThrow(BadUserInputError);
    expect(() =>
      assertCategoryAvailable(PlanFamily.BUSINESS, CaseCategory.TECHNICAL),
    ).not.toThrow();
  });
});
