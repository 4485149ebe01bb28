import { PlanFamily } from '../../../lib/domain/enums';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import { CaseCategory } from './case-enums';

// Who gives the organization support (domain.md, "Subscriptions and billing"): an organization
// that bought everything through a partner is supported by that partner, which may still open a
// provider case on its behalf; one without any plan gets pre-sales help only.

export interface Routing {
  supportedBy: 'PROVIDER' | 'PARTNER';
  partner: { id: string } | null;
}

/**
 * The partner the request must go to instead of the provider, or null when the provider takes
 * it: either the organization is the provider's own customer, or its partner is the one asking.
 */
export function partnerToContact(routing: Routing, actingPartnerId: string | null): string | null {
  if (routing.supportedBy !== 'PARTNER' || !routing.partner) return null;
  return routing.partner.id === actingPartnerId ? null : routing.partner.id;
}

/** Without a trial or paid plan there is no technical support yet: pre-sales and buying only. */
export function assertCategoryAvailable(
  planFamily: PlanFamily | null,
  category: CaseCategory,
): void {
  if (planFamily === null && category === CaseCategory.TECHNICAL) {
    throw new BadUserInputError(
      'This organization has no trial or paid subscription yet, so support covers pre-sales ' +
        'and buying questions: open a PRE_SALES or BILLING_AND_SUBSCRIPTION case, or start a trial.',
      'category',
    );
  }
}
