import { randomUUID } from 'node:crypto';
import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Cloud } from '../../../lib/domain/enums';
import type { BillingPeriod } from '../domain/billing-calendar';
import {
  type ComputedInvoice,
  dueDateOf,
  invoiceNumber,
  invoiceSeries,
} from '../domain/invoice-rules';
import { Invoice } from '../entities/invoice.entity';
import { InvoiceLine } from '../entities/invoice-line.entity';

// Issuing turns a period's computed lines into a numbered, immutable invoice.

// One statement on both databases: creates the series at 1 or increments it, and returns the
// value. On PostgreSQL the updated row stays locked until the transaction ends, so concurrent
// issuers take numbers one after the other; a rollback gives the number back.
const NEXT_NUMBER = `insert into invoice_number_series (series, last_value) values (?, 1)
  on conflict (series) do update set last_value = invoice_number_series.last_value + 1
  returning last_value`;

/** Takes the next number of a series; call it inside the transaction that stores the invoice. */
export async function takeInvoiceNumber(em: EntityManager, series: string): Promise<number> {
  const rows = await (em as SqlEntityManager).execute<{ last_value: number | string }[]>(
    NEXT_NUMBER,
    [series],
  );
  return Number(rows[0]!.last_value);
}

export interface IssueRequest {
  organizationId: string;
  cloud: Cloud;
  period: BillingPeriod;
  computed: ComputedInvoice;
  issuedAt: Date;
}

/**
 * Stores the invoice of one organization and period with its number, in a transaction of its
 * own. Null when another issuer got there first (the unique period constraint): that is not an
 * error, the period is invoiced once.
 */
export async function issueInvoice(
  em: EntityManager,
  request: IssueRequest,
): Promise<Invoice | null> {
  try {
    return await em.transactional(async (tx) => {
      const series = invoiceSeries(request.cloud, request.issuedAt);
      const number = invoiceNumber(series, await takeInvoiceNumber(tx, series));
      const invoice = tx.create(Invoice, {
        id: `inv-${randomUUID()}`,
        number,
        organizationId: request.organizationId,
        cloud: request.cloud,
        period: request.period.key,
        currency: request.computed.currency,
        totalAmount: request.computed.total,
        issuedAt: request.issuedAt,
        dueAt: dueDateOf(request.issuedAt),
      });
      request.computed.lines.forEach((line, position) => {
        tx.create(InvoiceLine, {
          id: `invl-${randomUUID()}`,
          invoice,
          position,
          subscriptionId: line.subscriptionId,
          planId: line.planId,
          planName: line.planName,
          unitPrice: line.unitPrice,
          licenseDays: line.licenseDays,
          amount: line.amount,
          segments: line.segments,
        });
      });
      return invoice;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return null;
    throw error;
  }
}
