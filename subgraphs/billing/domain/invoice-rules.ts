import { Cloud } from '../../../lib/domain/enums';
import { addDays, type BillingPeriod } from './billing-calendar';
import { InvoiceStatus } from './enums';
import { type LicenseStep, type ProratedLine, prorate } from './proration';

// Monthly invoices (domain.md, "understanding the bill"): what a period costs, what an invoice
// is called, and where it stands.

/** (ours) Net 30: an issued invoice is due 30 days after it was issued. */
export const PAYMENT_TERMS_DAYS = 30;

export const dueDateOf = (issuedAt: Date): Date => addDays(issuedAt, PAYMENT_TERMS_DAYS);

export function invoiceStatus(
  invoice: { issuedAt: Date | null; dueAt: Date | null; paidAt?: Date | null },
  now: Date,
): InvoiceStatus {
  if (!invoice.issuedAt || !invoice.dueAt) return InvoiceStatus.DRAFT;
  if (invoice.paidAt) return InvoiceStatus.PAID;
  return now.getTime() > invoice.dueAt.getTime() ? InvoiceStatus.OVERDUE : InvoiceStatus.ISSUED;
}

/**
 * Invoice numbers run per cloud (each is billed by its own operator) and calendar year of issue:
 * `INV-GL-2026-000042`, `INV-CN-2026-000007`. The series is what the number sequence counts.
 */
export const invoiceSeries = (cloud: Cloud, issuedAt: Date): string =>
  `${cloud === Cloud.GLOBAL ? 'GL' : 'CN'}-${issuedAt.getUTCFullYear()}`;

export const invoiceNumber = (series: string, value: number): string =>
  `INV-${series}-${String(value).padStart(6, '0')}`;

/** What one subscription is billed in a period: its list price and its paid-licence history. */
export interface SubscriptionCharge {
  subscriptionId: string;
  planId: string;
  planName: string;
  /** Monthly price per licence, minor units of `currency`. */
  unitPrice: number;
  currency: string;
  steps: readonly LicenseStep[];
}

export interface ComputedLine extends ProratedLine {
  subscriptionId: string;
  planId: string;
  planName: string;
  unitPrice: number;
}

export interface ComputedInvoice {
  currency: string;
  lines: ComputedLine[];
  total: number;
}

/** The lines of one organization's period; null when nothing was billed in it. */
export function computeInvoice(
  period: BillingPeriod,
  charges: readonly SubscriptionCharge[],
): ComputedInvoice | null {
  const lines = charges
    .map((c) => ({
      subscriptionId: c.subscriptionId,
      planId: c.planId,
      planName: c.planName,
      unitPrice: c.unitPrice,
      currency: c.currency,
      ...prorate(period, c.unitPrice, c.steps),
    }))
    .filter((line) => line.licenseDays > 0);
  if (lines.length === 0) return null;
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size > 1) {
    // An organization lives in one cloud and each cloud sells in one currency.
    throw new Error(`one invoice cannot mix currencies: ${[...currencies].join(', ')}`);
  }
  return {
    currency: lines[0]!.currency,
    lines: lines.map(({ currency: _currency, ...line }) => line),
    total: lines.reduce((sum, l) => sum + l.amount, 0),
  };
}
