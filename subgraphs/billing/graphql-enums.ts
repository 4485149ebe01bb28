import { registerEnumType } from 'type-graphql';
import {
  InvoiceStatus,
  PlanKind,
  PurchaseChannel,
  SubscriptionStatus,
  SupportedBy,
} from './domain/enums';

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

registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description:
    'DRAFT while the month runs; ISSUED with a number; PAID; OVERDUE once unpaid past due.',
});

export { InvoiceStatus, PlanKind, PurchaseChannel, SubscriptionStatus, SupportedBy };
