import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  type BillingClient,
  billingClient,
  DAN,
  HANA,
  MEI,
  ZHANG,
} from '../support/billing';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// Monthly invoices through the gateway: the seeded history of the demo tenants, and the running
// month's draft following the licence changes made today, prorated by the day.

const STANDARD = 'sub-contoso-business-standard';
const daysIn = (periodEnd: string) => Number(periodEnd.slice(8, 10));
/** The amount a user would compute by hand: price x licence-days / days, to the nearest cent. */
const prorated = (price: number, licenseDays: number, days: number) =>
  Math.round((price * licenseDays) / days);

describe.each(testDialects())('invoices through the gateway (%s)', (dialect) => {
  let stack: Stack;
  let billing: BillingClient;
  beforeAll(async () => {
    stack = await startStack(dialect);
    billing = billingClient(stack);
  });
  afterAll(() => stack?.stop());

  it("lists Contoso's running draft, then three issued months, newest first", async () => {
    const { data, errors } = await billing.run(
      'Invoices',
      { organizationId: 'org-contoso' },
      ALICE,
    );
    expect(errors).toBeUndefined();
    const invoices = data!.organization.invoices;
    expect(invoices).toHaveLength(4);
    const [draft, ...issued] = invoices;
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(draft).toMatchObject({ number: null, status: 'DRAFT', periodStart: `${thisMonth}-01` });
    expect(issued.map((i: any) => i.status.replace('OVERDUE', 'ISSUED'))).toEqual([
      'ISSUED',
      'PAID',
      'PAID',
    ]);
    for (const invoice of invoices) {
      expect(invoice.total.currency).toBe('USD');
      expect(Number.isInteger(invoice.total.amount)).toBe(true);
    }
    for (const invoice of issued) expect(invoice.number).toMatch(/^INV-GL-\d{4}-\d{6}$/);
    const starts = invoices.map((i: any) => i.periodStart);
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it("bills last month's mid-month change from 20 to 25 licences by the day", async () => {
    const [, lastMonth] = await billing.invoices('org-contoso', ALICE);
    const days = daysIn(lastMonth.periodEnd);
    const [line] = lastMonth.lines;
    expect(line).toMatchObject({ subscriptionId: STANDARD, unitPrice: { amount: 1250 } });
    expect(line.segments).toEqual([
      expect.objectContaining({ licenses: 20, days: 14 }),
      expect.objectContaining({ licenses: 25, days: days - 14 }),
    ]);
    const licenseDays = 20 * 14 + 25 * (days - 14);
    expect(line.licenseDays).toBe(licenseDays);
    expect(lastMonth.total).toEqual({
      amount: prorated(1250, licenseDays, days),
      currency: 'USD',
    });
    expect(lastMonth.status).toBe(
      Date.parse(`${lastMonth.dueOn}T00:00:00Z`) < Date.now() ? 'OVERDUE' : 'ISSUED',
    );
  });

  it("prorates today's licence change into this month's draft", async () => {
    const response = await billing.run(
      'ChangeLicenses',
      { subscriptionId: STANDARD, licenses: 35 },
      ALICE,
    );
    expect(response.errors).toBeUndefined();
    const [draft] = await billing.invoices('org-contoso', ALICE);
    const days = daysIn(draft.periodEnd);
    const today = new Date().getUTCDate();
    const line = draft.lines.find((l: any) => l.subscriptionId === STANDARD);
    const licenseDays = 25 * (today - 1) + 35 * (days - today + 1);
    expect(line.licenseDays).toBe(licenseDays);
    expect(line.amount.amount).toBe(prorated(1250, licenseDays, days));
    expect(line.segments.at(-1)).toMatchObject({ licenses: 35, to: draft.periodEnd });
  });

  it('adds a converted trial to the draft from the day it became paid', async () => {
    await billing.run(
      'ConvertTrial',
      { subscriptionId: 'sub-contoso-business-basic-trial', licenses: 10 },
      ALICE,
    );
    const [draft] = await billing.invoices('org-contoso', ALICE);
    const days = daysIn(draft.periodEnd);
    const today = new Date().getUTCDate();
    const line = draft.lines.find(
      (l: any) => l.subscriptionId === 'sub-contoso-business-basic-trial',
    );
    expect(line).toMatchObject({
      planName: 'Microsoft 365 Business Basic',
      unitPrice: { amount: 600 },
    });
    expect(line.licenseDays).toBe(10 * (days - today + 1));
    expect(draft.total.amount).toBe(
      draft.lines.reduce((sum: number, l: any) => sum + l.amount.amount, 0),
    );
  });

  it('bills every demo tenant in the currency of its cloud, with numbers never shared', async () => {
    const tenants = [
      ['org-contoso', ALICE, 'USD', 'GL'],
      ['org-fabrikam', DAN, 'USD', 'GL'],
      ['org-northwind', ZHANG, 'CNY', 'CN'],
      ['org-tailspin', MEI, 'CNY', 'CN'],
      ['org-adatum', HANA, 'CNY', 'CN'],
    ] as const;
    const numbers: string[] = [];
    for (const [organizationId, email, currency, series] of tenants) {
      const invoices = await billing.invoices(organizationId, email);
      expect(invoices.length, organizationId).toBeGreaterThanOrEqual(3);
      for (const invoice of invoices) {
        expect(invoice.total.currency, organizationId).toBe(currency);
        if (invoice.number) {
          expect(invoice.number).toContain(`INV-${series}-`);
          numbers.push(invoice.number);
        }
      }
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("shows Fabrikam's E3 and Professional Direct as two lines of one invoice", async () => {
    const [, lastMonth] = await billing.invoices('org-fabrikam', DAN);
    const days = daysIn(lastMonth.periodEnd);
    expect(lastMonth.lines.map((l: any) => [l.planName, l.amount.amount])).toEqual([
      ['Office 365 E3', prorated(2300, 500 * days, days)],
      ['Professional Direct support', prorated(200, 500 * days, days)],
    ]);
    expect(lastMonth.total.amount).toBe((2300 + 200) * 500);
  });

  it("shows Adatum's oldest invoice, left unpaid past its due date, as OVERDUE", async () => {
    const invoices = await billing.invoices('org-adatum', HANA);
    const oldest = invoices.at(-1);
    expect(oldest).toMatchObject({ status: 'OVERDUE', paidAt: null, total: { currency: 'CNY' } });
    expect(Date.parse(`${oldest.dueOn}T00:00:00Z`)).toBeLessThan(Date.now());
  });
});
