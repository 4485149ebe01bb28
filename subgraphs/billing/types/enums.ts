import { registerEnumType } from 'type-graphql';
import { PlanKind, PurchaseChannel, SubscriptionStatus, SupportedBy } from '../domain/enums';

// Registered once per process, like lib/graphql/enums.ts; billing code imports enums from here.
registerEnumType(PlanKind, {
  name: 'PlanKind',
  description: 'A suite, a standalone service, or an elevated support add-on.',
});
registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });
registerEnumType(PurchaseChannel, {
  name: 'PurchaseChannel',
  description: 'Bought from the provider directly or through a partner (CSP reseller).',
});
registerEnumType(SupportedBy, {
  name: 'SupportedBy',
  description: 'Who gives the organization support: the provider itself or its partner.',
});

export { PlanKind, PurchaseChannel, SubscriptionStatus, SupportedBy };
