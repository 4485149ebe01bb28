import {
  type BillingPeriod,
  isoDay,
  nextPeriod,
  periodFromKey,
  periodOf,
  periodsBetween,
} from '../domain/billing-calendar';
import { InvoiceStatus } from '../domain/enums';
import {
  type ComputedInvoice,
  computeInvoice,
  invoiceStatus,
  type SubscriptionCharge,
} from '../domain/invoice-rules';
import type { Invoice } from '../entities/invoice.entity';
import type { InvoiceLine } from '../entities/invoice-line.entity';
import type { InvoiceLineView, InvoiceView } from '../types/invoice.type';
import { firstBilledAt } from './billing-charges';

// What Organization.invoices shows: the issued invoices as stored, and a DRAFT for every period
// from the last issued one up to the running month, computed from the licence history.

const lastDayOf = (period: BillingPeriod) => isoDay(new Date(period.end.getTime() - 1));

export function issuedInvoiceView(
  invoice: Invoice,
  lines: readonly InvoiceLine[],
  now: Date,
): InvoiceView {
  const period = periodFromKey(invoice.period);
  return {
    id: invoice.id,
    number: invoice.number,
    periodStart: isoDay(period.start),
    periodEnd: lastDayOf(period),
    status: invoiceStatus(invoice, now),
    total: { amount: invoice.totalAmount, currency: invoice.currency },
    issuedAt: invoice.issuedAt,
    dueOn: isoDay(invoice.dueAt),
    paidAt: invoice.paidAt ?? null,
    lines: lines.map((l) => lineView(l, invoice.currency)),
  };
}

type LineData = Pick<
  InvoiceLine,
  'subscriptionId' | 'planName' | 'unitPrice' | 'licenseDays' | 'amount' | 'segments'
>;

const lineView = (l: LineData, currency: string): InvoiceLineView => ({
  subscriptionId: l.subscriptionId,
  planName: l.planName,
  unitPrice: { amount: l.unitPrice, currency },
  licenseDays: l.licenseDays,
  amount: { amount: l.amount, currency },
  segments: l.segments,
});

function draftView(
  organizationId: string,
  period: BillingPeriod,
  computed: ComputedInvoice,
): InvoiceView {
  return {
    id: `draft-${organizationId}-${period.key}`,
    number: null,
    periodStart: isoDay(period.start),
    periodEnd: lastDayOf(period),
    status: InvoiceStatus.DRAFT,
    total: { amount: computed.total, currency: computed.currency },
    issuedAt: null,
    dueOn: null,
    paidAt: null,
    lines: computed.lines.map((l) => lineView(l, computed.currency)),
  };
}

/** Periods not invoiced yet, oldest first: after the last issued one (or from the first bill). */
export function uninvoicedPeriods(
  lastIssuedPeriod: string | null,
  charges: readonly SubscriptionCharge[],
  until: BillingPeriod,
): BillingPeriod[] {
  const firstBill = firstBilledAt(charges);
  if (!firstBill) return [];
  const first = lastIssuedPeriod
    ? nextPeriod(periodFromKey(lastIssuedPeriod))
    : periodOf(firstBill);
  return first.start <= until.start ? periodsBetween(first, until) : [];
}

export function draftInvoiceViews(
  organizationId: string,
  lastIssuedPeriod: string | null,
  charges: readonly SubscriptionCharge[],
  now: Date,
): InvoiceView[] {
  return uninvoicedPeriods(lastIssuedPeriod, charges, periodOf(now)).flatMap((period) => {
    const computed = computeInvoice(period, charges);
    return computed ? [draftView(organizationId, period, computed)] : [];
  });
}
