import { join } from 'node:path';
import { AuditEntry } from '../../lib/audit/audit-entry.entity';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import type { OrmOptions } from '../../lib/orm/create-orm';
import { Invoice } from './entities/invoice.entity';
import { InvoiceLine } from './entities/invoice-line.entity';
import { InvoiceNumberSeries } from './entities/invoice-number-series.entity';
import { LicenseChange } from './entities/license-change.entity';
import { Plan } from './entities/plan.entity';
import { PlanSubscription } from './entities/plan-subscription.entity';
import { billingMigrations } from './migrations';

export const BILLING_ENTITIES = [
  Plan,
  PlanSubscription,
  LicenseChange,
  Invoice,
  InvoiceLine,
  InvoiceNumberSeries,
  AuditEntry,
];

export function billingOrmOptions(
  config: Pick<SubgraphConfig, 'databaseUrl' | 'databaseSchema'>,
): OrmOptions {
  return {
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
    entities: BILLING_ENTITIES,
    migrations: billingMigrations,
    migrationsDir: join(__dirname, 'migrations'),
  };
}
