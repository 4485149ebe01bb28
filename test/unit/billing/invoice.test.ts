import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../lib/domain/enums';
import {
  addMonths,
  periodFromKey,
  periodOf,
} from '../../../subgraphs/billing/domain/billing-calendar';
import { InvoiceStatus } from '../../../subgraphs/billing/domain/enums';
import {
  computeInvoice,
  invoiceNumber,
  invoiceSeries,
  invoiceStatus,
  type SubscriptionCharge,
} from '../../../subgraphs/billing/domain/invoice-rules';
import {
  billedSegments,
  divideRoundHalfUp,
  prorate,
} from '../../../subgraphs/billing/domain/proration';

const JUNE = periodFromKey('2026-06'); // 30 days
const at = (iso: string) => new Date(iso);

const charge = (
  subscriptionId: string,
  unitPrice: number,
  steps: [string, number][],
  currency = 'USD',
): SubscriptionCharge => ({
  subscriptionId,
  planId: `plan-${subscriptionId}`,
  planName: subscriptionId,
  unitPrice,
  currency,
  steps: steps.map(([iso, licenses]) => ({ at: at(iso), licenses })),
});

describe('an invoice with a mid-month licence change', () => {
  // Office 365 E3 at $23.00: 20 licences since May, 25 from June 15 (14:30 UTC) on; plus
  // Professional Direct at $2.00 for 20 licences the whole month.
  const invoice = computeInvoice(JUNE, [
    charge('sub-e3', 2300, [
      ['2026-05-03T09:00:00Z', 20],
      ['2026-06-15T14:30:00Z', 25],
    ]),
    charge('sub-pd', 200, [['2026-01-01T00:00:00Z', 20]]),
  ])!;

  it('bills each licence count by the days it was held, the day of the change at the new count', () => {
    expect(invoice.lines[0]!.segments).toEqual([
      { from: '2026-06-01', to: '2026-06-14', licenses: 20, days: 14 },
      { from: '2026-06-15', to: '2026-06-30', licenses: 25, days: 16 },
    ]);
    expect(invoice.lines[0]!.licenseDays).toBe(20 * 14 + 25 * 16);
  });

  it('prorates to the minor unit: 2300 x 680 / 30 = 52133.33 -> 52133 cents', () => {
    expect(invoice.lines.map((l) => [l.subscriptionId, l.amount])).toEqual([
      ['sub-e3', 52_133],
      ['sub-pd', 4_000],
    ]);
  });

  it('totals the lines in the one currency', () => {
    expect(invoice.total).toBe(56_133);
    expect(invoice.currency).toBe('USD');
  });
});

describe('proration', () => {
  it.each<[string, string, [string, number][], number]>([
    ['a whole 31-day month at 10 licences', '2026-07', [['2026-06-20T00:00:00Z', 10]], 12_500],
    ['a whole 28-day February', '2026-02', [['2026-01-01T00:00:00Z', 10]], 12_500],
    [
      'bought on the 29th of February (leap year)',
      '2028-02',
      [['2028-02-29T23:59:00Z', 29]],
      1_250,
    ],
    [
      'canceled on the 11th: 10 days billed',
      '2026-06',
      [
        ['2026-05-01T00:00:00Z', 3],
        ['2026-06-11T08:00:00Z', 0],
      ],
      1_250,
    ],
    [
      'a trial converted on the 21st: 10 days billed',
      '2026-06',
      [['2026-06-21T16:00:00Z', 6]],
      2_500,
    ],
    [
      'two changes on one day: the last counts',
      '2026-06',
      [
        ['2026-06-01T08:00:00Z', 100],
        ['2026-06-01T09:00:00Z', 30],
      ],
      37_500,
    ],
    ['a change after the period: not billed yet', '2026-06', [['2026-07-02T00:00:00Z', 30]], 0],
  ])('%s', (_name, key, steps, expected) => {
    const result = prorate(
      periodFromKey(key),
      1250,
      steps.map(([iso, licenses]) => ({ at: at(iso), licenses })),
    );
    expect(result.amount).toBe(expected);
  });

  it('rounds half up, on integers', () => {
    expect([1n, 3n, 5n, 7n, 8n].map((n) => divideRoundHalfUp(n, 2n))).toEqual([1n, 2n, 3n, 4n, 4n]);
    expect(divideRoundHalfUp(5n, 4n)).toBe(1n);
    expect(divideRoundHalfUp(7n, 4n)).toBe(2n);
    // 15 cents for one licence-day of a 30-day month is 0.5 cent: billed as 1.
    expect(prorate(JUNE, 15, [{ at: at('2026-06-30T00:00:00Z'), licenses: 1 }]).amount).toBe(1);
  });

  it('stays exact at the largest size: 50,000 licences at CNY 148.00 over 31 days', () => {
    const july = periodFromKey('2026-07');
    const result = prorate(july, 14_800, [
      { at: at('2026-06-01T00:00:00Z'), licenses: 49_999 },
      { at: at('2026-07-17T00:00:00Z'), licenses: 50_000 },
    ]);
    // (49,999 x 16 + 50,000 x 15) x 14,800 / 31 = 22,939,763,200 / 31 = 739,992,361.29...
    expect(result.licenseDays).toBe(1_549_984);
    expect(result.amount).toBe(739_992_361);
  });

  it('refuses a price that is not integer minor units', () => {
    expect(() => prorate(JUNE, 12.5, [])).toThrow(/integer of minor units/);
  });

  it('leaves unbilled days out of the segments', () => {
    expect(
      billedSegments(JUNE, [
        { at: at('2026-06-10T00:00:00Z'), licenses: 5 },
        { at: at('2026-06-12T00:00:00Z'), licenses: 0 },
        { at: at('2026-06-20T00:00:00Z'), licenses: 5 },
      ]),
    ).toEqual([
      { from: '2026-06-10', to: '2026-06-11', licenses: 5, days: 2 },
      { from: '2026-06-20', to: '2026-06-30', licenses: 5, days: 11 },
    ]);
  });
});

describe('computeInvoice', () => {
  it('is null when nothing was billed in the period', () => {
    expect(computeInvoice(JUNE, [charge('sub-x', 1250, [['2026-07-01T00:00:00Z', 5]])])).toBeNull();
    expect(computeInvoice(JUNE, [])).toBeNull();
  });

  it('never mixes currencies on one invoice', () => {
    expect(() =>
      computeInvoice(JUNE, [
        charge('a', 100, [['2026-06-01T00:00:00Z', 1]], 'USD'),
        charge('b', 100, [['2026-06-01T00:00:00Z', 1]], 'CNY'),
      ]),
    ).toThrow(/cannot mix currencies/);
  });
});

describe('invoice status', () => {
  const issuedAt = at('2026-07-01T00:00:00Z');
  const dueAt = at('2026-07-31T00:00:00Z');
  it.each<[string, Parameters<typeof invoiceStatus>[0], Date, InvoiceStatus]>([
    ['not issued', { issuedAt: null, dueAt: null, paidAt: null }, issuedAt, InvoiceStatus.DRAFT],
    [
      'issued, before due',
      { issuedAt, dueAt, paidAt: null },
      at('2026-07-31T00:00:00Z'),
      InvoiceStatus.ISSUED,
    ],
    [
      'issued, past due',
      { issuedAt, dueAt, paidAt: null },
      at('2026-07-31T00:00:01Z'),
      InvoiceStatus.OVERDUE,
    ],
    [
      'paid late',
      { issuedAt, dueAt, paidAt: at('2026-08-10T00:00:00Z') },
      at('2026-09-01T00:00:00Z'),
      InvoiceStatus.PAID,
    ],
  ])('%s', (_name, invoice, now, expected) => {
    expect(invoiceStatus(invoice, now)).toBe(expected);
  });
});

describe('invoice numbers', () => {
  it('run per cloud and year of issue', () => {
    expect(invoiceSeries(Cloud.GLOBAL, at('2026-12-31T23:59:59Z'))).toBe('GL-2026');
    expect(invoiceSeries(Cloud.CHINA_21VIANET, at('2027-01-01T00:00:00Z'))).toBe('CN-2027');
    expect(invoiceNumber('GL-2026', 42)).toBe('INV-GL-2026-000042');
  });
});

describe('billing calendar', () => {
  it('adds months clamped to the end of shorter months', () => {
    expect(addMonths(at('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(at('2028-02-29T10:00:00Z'), 12).toISOString()).toBe(
      '2029-02-28T10:00:00.000Z',
    );
    expect(addMonths(at('2026-03-15T00:00:00Z'), -3).toISOString()).toBe(
      '2025-12-15T00:00:00.000Z',
    );
  });

  it('takes the UTC month of an instant as its period', () => {
    expect(periodOf(at('2026-06-30T23:59:59Z'))).toMatchObject({ key: '2026-06', days: 30 });
    expect(periodOf(at('2026-07-01T00:00:00Z'))).toMatchObject({ key: '2026-07', days: 31 });
  });
});
