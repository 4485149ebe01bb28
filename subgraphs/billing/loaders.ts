import type { EntityManager } from '@mikro-orm/core';
import { loaderById, loaderGroupedBy } from '../../lib/orm/loaders';
import { Invoice } from './entities/invoice.entity';
import { InvoiceLine } from './entities/invoice-line.entity';
import { LicenseChange } from './entities/license-change.entity';
import { Plan } from './entities/plan.entity';
import { PlanSubscription } from './entities/plan-subscription.entity';
import { auditLogLoader } from './loaders/audit-log.loader';

export function createBillingLoaders(em: EntityManager) {
  return {
    planById: loaderById(em, Plan),
    subscriptionsByOrganizationId: loaderGroupedBy(
      em,
      PlanSubscription,
      'organizationId',
      (s) => s.organizationId,
      { createdAt: 'asc', id: 'asc' },
    ),
    licenseChangesByOrganizationId: loaderGroupedBy(
      em,
      LicenseChange,
      'organizationId',
      (c) => c.organizationId,
      { effectiveAt: 'asc', recordedAt: 'asc' },
    ),
    invoicesByOrganizationId: loaderGroupedBy(
      em,
      Invoice,
      'organizationId',
      (i) => i.organizationId,
      { period: 'desc' },
    ),
    linesByInvoiceId: loaderGroupedBy(em, InvoiceLine, 'invoice', (l) => l.invoice.id, {
      position: 'asc',
    }),
    auditLog: auditLogLoader(em),
  };
}

export type BillingLoaders = ReturnType<typeof createBillingLoaders>;
