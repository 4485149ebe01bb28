import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../lib/audit/audit-entry.entity';
import { Cloud } from '../../lib/domain/enums';
import { createOrm } from '../../lib/orm/create-orm';
import { issueInvoice } from '../../subgraphs/billing/commands/issue-invoice.command';
import { runBillingCycle } from '../../subgraphs/billing/commands/run-billing-cycle.command';
import { billingOrmOptions } from '../../subgraphs/billing/database';
import { periodFromKey } from '../../subgraphs/billing/domain/billing-calendar';
import { SubscriptionStatus } from '../../subgraphs/billing/domain/enums';
import { Invoice } from '../../subgraphs/billing/entities/invoice.entity';
import { PlanSubscription } from '../../subgraphs/billing/entities/plan-subscription.entity';
import { seedBilling } from '../../subgraphs/billing/seed';
import { TEST_PG_URL, testDialects } from '../support/dialects';
import { dropTestSchema } from '../support/pg-schema';

// The billing cycle on a fresh billing database seeded 70 days ago, so that time has passed:
// trials ended, terms came due, months closed. And invoice numbering with issuers racing.

const DAY = 86_400_000;
const numberOf = (invoice: Invoice) => Number(invoice.number.slice(-6));
const seriesOf = (invoice: Invoice) => invoice.number.slice(4, 11);

describe.each(testDialects())('billing cycle and invoice numbers (%s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'billing-cycle-'));
  const schema = `t_${randomBytes(4).toString('hex')}_billing`;
  let orm: MikroORM;
  const now = new Date();
  const seededAt = new Date(now.getTime() - 70 * DAY);

  beforeAll(async () => {
    const databaseUrl = dialect === 'postgresql' ? TEST_PG_URL : join(dir, 'billing.sqlite');
    ({ orm } = await createOrm(billingOrmOptions({ databaseUrl, databaseSchema: schema })));
    await seedBilling(orm.em.fork(), seededAt);
  });
  afterAll(async () => {
    await orm?.close();
    if (dialect === 'postgresql') await dropTestSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('expires the ended trial, renews the due auto-renewing term, and audits both as system', async () => {
    const result = await runBillingCycle(orm.em.fork(), now);
    expect(result.settled).toBeGreaterThanOrEqual(2);
    const em = orm.em.fork();
    const trial = await em.findOneOrFail(PlanSubscription, 'sub-contoso-business-basic-trial');
    expect(trial.status).toBe(SubscriptionStatus.EXPIRED);
    // Fabrikam's E3 term ended 5 days ago with auto-renewal on: a new annual term from its end.
    const e3 = await em.findOneOrFail(PlanSubscription, 'sub-fabrikam-e3');
    expect(e3.status).toBe(SubscriptionStatus.ACTIVE);
    expect(Math.round((e3.termStart.getTime() - now.getTime()) / DAY)).toBe(-5);
    expect(Math.round((e3.termEnd.getTime() - e3.termStart.getTime()) / DAY)).toBeGreaterThan(364);
    const audit = await em.find(AuditEntry, { actorId: 'system' }, { orderBy: { target: 'asc' } });
    expect(audit.map((a) => [a.target, a.action])).toEqual(
      expect.arrayContaining([
        ['sub-contoso-business-basic-trial', 'subscription.expired'],
        ['sub-fabrikam-e3', 'subscription.autoRenewed'],
      ]),
    );
  });

  it('has invoiced every closed month exactly once, and a second run changes nothing', async () => {
    const lastClosed = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    const invoices = await orm.em.fork().find(Invoice, {}, { orderBy: { period: 'asc' } });
    for (const organizationId of ['org-contoso', 'org-fabrikam', 'org-adatum']) {
      const periods = invoices
        .filter((i) => i.organizationId === organizationId)
        .map((i) => i.period);
      expect(periods.at(-1), organizationId).toBe(lastClosed);
      // Consecutive months, none twice.
      periods.slice(1).forEach((period, i) => {
        expect(periodFromKey(periods[i]!).end.getTime()).toBe(
          periodFromKey(period).start.getTime(),
        );
      });
    }
    expect(await runBillingCycle(orm.em.fork(), now)).toEqual({ settled: 0, issued: 0 });
    expect(await orm.em.fork().count(Invoice)).toBe(invoices.length);
  });

  it('numbers each series without gaps and never twice', async () => {
    const invoices = await orm.em.fork().find(Invoice, {});
    const bySeries = new Map<string, number[]>();
    for (const invoice of invoices) {
      bySeries.set(seriesOf(invoice), [
        ...(bySeries.get(seriesOf(invoice)) ?? []),
        numberOf(invoice),
      ]);
    }
    for (const [series, numbers] of bySeries) {
      expect(
        numbers.sort((a, b) => a - b),
        series,
      ).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('hands out unique, gapless numbers and one invoice per period when issuers race', async () => {
    const periods = ['2031-01', '2031-02', '2031-03', '2031-04', '2031-05', '2031-06'];
    const computed = {
      currency: 'USD',
      total: 1250,
      lines: [
        {
          subscriptionId: 'sub-race',
          planId: 'plan-global-business-standard',
          planName: 'Microsoft 365 Business Standard',
          unitPrice: 1250,
          licenseDays: 30,
          amount: 1250,
          segments: [],
        },
      ],
    };
    // Every period twice, each issuer on its own connection.
    const results = await Promise.all(
      [...periods, ...periods].map((key) =>
        issueInvoice(orm.em.fork(), {
          organizationId: 'org-race',
          cloud: Cloud.GLOBAL,
          period: periodFromKey(key),
          computed,
          issuedAt: new Date('2031-07-01T00:00:00Z'),
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(periods.length);
    const stored = await orm.em.fork().find(Invoice, { organizationId: 'org-race' });
    expect(stored.map((i) => i.period).sort()).toEqual(periods);
    expect(stored.map((i) => i.number).sort()).toEqual(
      periods.map((_, i) => `INV-GL-2031-${String(i + 1).padStart(6, '0')}`),
    );
  });
});
