import type { EntityManager } from '@mikro-orm/core';
import { lazyLoaders } from '../../lib/orm/lazy-loaders';
import { loaderById, loaderGroupedBy, PLAIN_WHEN_READING } from '../../lib/orm/loaders';
import { Invoice } from './entities/invoice.entity';
import { InvoiceLine } from './entities/invoice-line.entity';
import { LicenseChange } from './entities/license-change.entity';
import { Plan } from './entities/plan.entity';
import { PlanSubscription } from './entities/plan-subscription.entity';
import { auditLogLoader } from './loaders/audit-log.loader';

// Plans and subscriptions are read through their properties and relation keys only, so queries
// get them as plain rows (lib/orm/read-only.ts).

export const createBillingLoaders = lazyLoaders<EntityManager>()({
  planById: (em) => loaderById(em, Plan, PLAIN_WHEN_READING),
  subscriptionsByOrganizationId: (em) =>
    loaderGroupedBy(
      em,
      PlanSubscription,
      'organizationId',
      (s) => s.organizationId,
      { createdAt: 'asc', id: 'asc' },
      PLAIN_WHEN_READING,
    ),
  licenseChangesByOrganizationId: (em) =>
    loaderGroupedBy(em, LicenseChange, 'organizationId', (c) => c.organizationId, {
      effectiveAt: 'asc',
      recordedAt: 'asc',
    }),
  invoicesByOrganizationId: (em) =>
    loaderGroupedBy(em, Invoice, 'organizationId', (i) => i.organizationId, { period: 'desc' }),
  linesByInvoiceId: (em) =>
    loaderGroupedBy(em, InvoiceLine, 'invoice', (l) => l.invoice.id, {
      position: 'asc',
    }),
  auditLog: (em) => auditLogLoader(em),
});

export type BillingLoaders = ReturnType<typeof createBillingLoaders>;
