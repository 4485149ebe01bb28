import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  type BillingClient,
  billingClient,
  CAROL,
  codeOf,
  DAN,
  MEI,
} from '../support/billing';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// The subscription lifecycle of billing-actions.graphql, through the gateway, for the demo
// tenants: each transition once allowed and once refused with its code.

const DAY = 86_400_000;
const STANDARD = 'sub-contoso-business-standard';
const CONTOSO_TRIAL = 'sub-contoso-business-basic-trial';
const daysFromNow = (iso: string) => (Date.parse(iso) - Date.now()) / DAY;

describe.each(testDialects())('subscription lifecycle through the gateway (%s)', (dialect) => {
  let stack: Stack;
  let billing: BillingClient;
  beforeAll(async () => {
    stack = await startStack(dialect);
    billing = billingClient(stack);
  });
  afterAll(() => stack?.stop());

  describe('StartTrial', () => {
    it('starts a 30-day trial of 25 licences for Contoso, once per plan', async () => {
      const started = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId: 'plan-global-e3' },
        CAROL,
      );
      expect(started.errors).toBeUndefined();
      expect(started.data!.startTrial).toMatchObject({
        status: 'TRIAL',
        plan: { id: 'plan-global-e3' },
      });
      const trial = await billing.subscription('org-contoso', started.data!.startTrial.id, ALICE);
      expect(trial).toMatchObject({
        licenses: 25,
        channel: 'DIRECT',
        autoRenew: false,
        renewsOn: null,
        cancellationAllowedUntil: null,
      });
      expect(daysFromNow(trial.termEnd)).toBeCloseTo(30, 1);

      const again = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId: 'plan-global-e3' },
        ALICE,
      );
      expect(codeOf(again)).toBe('INVALID_TRANSITION');
      expect(again.errors![0]!.message).toMatch(/one trial per plan.*convertTrial/);
    });

    it('refuses a second trial of a plan whose trial was already used (Business Basic)', async () => {
      const response = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId: 'plan-global-business-basic' },
        ALICE,
      );
      expect(codeOf(response)).toBe('INVALID_TRANSITION');
      expect(response.data).toBeNull();
    });

    it('refuses a trial of a plan already bought (Business Standard)', async () => {
      const response = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId: 'plan-global-business-standard' },
        ALICE,
      );
      expect(codeOf(response)).toBe('INVALID_TRANSITION');
      expect(response.errors![0]!.message).toMatch(/already subscribes.*changeLicenses/);
    });

    it.each([
      ['a plan without trial', 'plan-global-premier', 'BAD_USER_INPUT'],
      ["a plan of the other cloud (21Vianet's E3)", 'plan-cn-e3', 'BAD_USER_INPUT'],
      ['an unknown plan', 'plan-global-e9', 'NOT_FOUND'],
      ['a malformed plan id', 'plan global e3; drop table', 'BAD_USER_INPUT'],
    ])('refuses %s', async (_case, planId, code) => {
      const response = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId },
        ALICE,
      );
      expect(codeOf(response)).toBe(code);
    });
  });

  describe('ConvertTrial', () => {
    it('refuses fewer licences than assigned, naming both numbers', async () => {
      const response = await billing.run(
        'ConvertTrial',
        { subscriptionId: CONTOSO_TRIAL, licenses: 1 },
        ALICE,
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.message).toMatch(/has 2 licences assigned.*down to 1/);
      expect(await billing.subscription('org-contoso', CONTOSO_TRIAL, ALICE)).toMatchObject({
        status: 'TRIAL',
        licenses: 25,
      });
    });

    it('turns the Business Basic trial into a paid subscription with the same id', async () => {
      const response = await billing.run(
        'ConvertTrial',
        { subscriptionId: CONTOSO_TRIAL, licenses: 10 },
        CAROL,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.convertTrial).toEqual({
        id: CONTOSO_TRIAL,
        status: 'ACTIVE',
        licenses: 10,
      });
      const paid = await billing.subscription('org-contoso', CONTOSO_TRIAL, ALICE);
      expect(paid.autoRenew).toBe(true);
      expect(daysFromNow(paid.termEnd)).toBeGreaterThan(364);
      expect(daysFromNow(paid.cancellationAllowedUntil)).toBeCloseTo(7, 1);
    });

    it('refuses to convert what is not a running trial', async () => {
      for (const subscriptionId of [CONTOSO_TRIAL, STANDARD]) {
        const response = await billing.run('ConvertTrial', { subscriptionId, licenses: 30 }, ALICE);
        expect(codeOf(response)).toBe('INVALID_TRANSITION');
        expect(response.errors![0]!.message).toMatch(/already paid/);
      }
    });
  });

  describe('ChangeLicenses', () => {
    it('adds licences to Business Standard', async () => {
      const response = await billing.run(
        'ChangeLicenses',
        { subscriptionId: STANDARD, licenses: 30 },
        ALICE,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.changeLicenses).toEqual({
        id: STANDARD,
        licenses: 30,
        assignedLicenses: 18,
      });
    });

    it('never goes below the assigned licences, and says both numbers', async () => {
      const response = await billing.run(
        'ChangeLicenses',
        { subscriptionId: STANDARD, licenses: 17 },
        ALICE,
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.message).toContain('18 licences assigned');
      expect(response.errors![0]!.message).toContain('down to 17');
      expect(response.errors![0]!.extensions!.field).toBe('licenses');
    });

    it.each([
      ['zero licences', STANDARD, 0, 'BAD_USER_INPUT'],
      ['negative licences', STANDARD, -3, 'BAD_USER_INPUT'],
      ['absurdly many licences', STANDARD, 10_000_000, 'BAD_USER_INPUT'],
      ['more than GraphQL Int holds', STANDARD, 2 ** 31, 'BAD_USER_INPUT'],
      ['an unknown subscription', 'sub-contoso-nothing', 30, 'NOT_FOUND'],
      ['a malformed subscription id', '../sub-contoso', 30, 'BAD_USER_INPUT'],
    ])('refuses %s', async (_case, subscriptionId, licenses, code) => {
      const response = await billing.run('ChangeLicenses', { subscriptionId, licenses }, ALICE);
      expect(codeOf(response)).toBe(code);
    });

    it('refuses to change the licences of a trial: they are fixed until converted', async () => {
      const trial = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId: 'plan-global-apps-for-business' },
        ALICE,
      );
      const response = await billing.run(
        'ChangeLicenses',
        { subscriptionId: trial.data!.startTrial.id, licenses: 30 },
        ALICE,
      );
      expect(codeOf(response)).toBe('INVALID_TRANSITION');
      expect(response.errors![0]!.message).toMatch(/fixed 25 licences.*convertTrial/);
    });
  });

  it('runs concurrent changes to one subscription one after the other: no lost update', async () => {
    const initial = (await billing.subscription('org-contoso', STANDARD, ALICE)).licenses;
    const counts = [40, 41, 42, 43, 44];
    const responses = await Promise.all(
      counts.map((licenses) =>
        billing.run('ChangeLicenses', { subscriptionId: STANDARD, licenses }, ALICE),
      ),
    );
    expect(responses.map((r) => r.errors)).toEqual(counts.map(() => undefined));
    const changes = (await billing.auditLog('org-contoso', ALICE))
      .filter((e) => e.target === STANDARD && e.action === 'subscription.licensesChanged')
      .slice(0, counts.length);
    // Each change saw the state the previous one left (no two saw the same), and the log lists
    // them in the order they were applied: one chain from the initial count through all five.
    const chain = [...changes].reverse();
    expect(new Set(chain.map((c) => c.before.licenses)).size).toBe(counts.length);
    expect(chain[0].before.licenses).toBe(initial);
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i].before.licenses).toBe(chain[i - 1].after.licenses);
    }
    expect(chain.map((c) => c.after.licenses).sort()).toEqual(counts);
    const final = await billing.subscription('org-contoso', STANDARD, ALICE);
    expect(final.licenses).toBe(chain.at(-1).after.licenses);
  });

  describe('RenewSubscription', () => {
    it("extends Fabrikam's E3 term by a year, but only one year ahead", async () => {
      const before = await billing.subscription('org-fabrikam', 'sub-fabrikam-e3', DAN);
      const renewed = await billing.run(
        'RenewSubscription',
        { subscriptionId: 'sub-fabrikam-e3' },
        DAN,
      );
      expect(renewed.errors).toBeUndefined();
      expect(renewed.data!.renewSubscription.status).toBe('ACTIVE');
      const next = new Date(`${before.renewsOn}T00:00:00Z`);
      next.setUTCFullYear(next.getUTCFullYear() + 1);
      expect(renewed.data!.renewSubscription.renewsOn).toBe(next.toISOString().slice(0, 10));

      const again = await billing.run(
        'RenewSubscription',
        { subscriptionId: 'sub-fabrikam-e3' },
        DAN,
      );
      expect(codeOf(again)).toBe('INVALID_TRANSITION');
      expect(again.errors![0]!.message).toMatch(/already renewed until/);
    });

    it('refuses to renew a trial', async () => {
      const trial = await billing.run(
        'StartTrial',
        { organizationId: 'org-fabrikam', planId: 'plan-global-e1' },
        DAN,
      );
      const response = await billing.run(
        'RenewSubscription',
        { subscriptionId: trial.data!.startTrial.id },
        DAN,
      );
      expect(codeOf(response)).toBe('INVALID_TRANSITION');
      expect(response.errors![0]!.message).toMatch(/trials do not renew/);
    });
  });

  describe('CancelSubscription', () => {
    it('refuses to cancel Business Standard after its cancellation window', async () => {
      const response = await billing.run('CancelSubscription', { subscriptionId: STANDARD }, ALICE);
      expect(codeOf(response)).toBe('INVALID_TRANSITION');
      expect(response.errors![0]!.message).toMatch(/cancellation window .* closed.*setAutoRenew/);
      expect((await billing.subscription('org-contoso', STANDARD, ALICE)).status).toBe('ACTIVE');
    });

    it('refuses to cancel a trial: trials end by themselves', async () => {
      // Contoso's seed already holds an Exchange Online trial (contract demo table).
      const trial = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId: 'plan-global-sharepoint-online-plan-1' },
        ALICE,
      );
      const response = await billing.run(
        'CancelSubscription',
        { subscriptionId: trial.data!.startTrial.id },
        ALICE,
      );
      expect(codeOf(response)).toBe('INVALID_TRANSITION');
      expect(response.errors![0]!.message).toMatch(/is a trial/);
    });

    it('cancels a subscription bought this week, once', async () => {
      const bought = await billing.run(
        'PurchaseSubscription',
        { organizationId: 'org-contoso', planId: 'plan-global-f1', licenses: 5 },
        CAROL,
      );
      expect(bought.errors).toBeUndefined();
      const subscriptionId = bought.data!.purchaseSubscription.id;
      const canceled = await billing.run('CancelSubscription', { subscriptionId }, CAROL);
      expect(canceled.errors).toBeUndefined();
      expect(canceled.data!.cancelSubscription).toEqual({ id: subscriptionId, status: 'CANCELED' });
      const after = await billing.subscription('org-contoso', subscriptionId, ALICE);
      expect(after).toMatchObject({ status: 'CANCELED', autoRenew: false, renewsOn: null });

      const again = await billing.run('CancelSubscription', { subscriptionId }, CAROL);
      expect(codeOf(again)).toBe('INVALID_TRANSITION');
      expect(again.errors![0]!.message).toMatch(/was canceled/);
    });
  });

  describe('setAutoRenew (what to do when the cancellation window has closed)', () => {
    it('turns auto-renewal off so the term simply ends', async () => {
      const response = await billing.run(
        'SetAutoRenew',
        { subscriptionId: 'sub-fabrikam-professional-direct', autoRenew: false },
        DAN,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.setAutoRenew).toMatchObject({ autoRenew: false, status: 'ACTIVE' });
    });
  });

  describe('PurchaseSubscription', () => {
    it('refuses a plan of the other cloud: 21Vianet sells no elevated support add-on', async () => {
      const response = await billing.run(
        'PurchaseSubscription',
        { organizationId: 'org-tailspin', planId: 'plan-global-premier', licenses: 40 },
        MEI,
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.message).toMatch(/sold in the GLOBAL cloud.*CHINA_21VIANET/);
    });

    it('makes Contoso elevated once it buys Professional Direct', async () => {
      const before = await billing.run(
        'SupportEntitlement',
        { organizationId: 'org-contoso' },
        ALICE,
      );
      expect(before.data!.organization.supportEntitlement).toMatchObject({ elevated: false });
      const bought = await billing.run(
        'PurchaseSubscription',
        { organizationId: 'org-contoso', planId: 'plan-global-professional-direct', licenses: 30 },
        ALICE,
      );
      expect(bought.data!.purchaseSubscription).toMatchObject({
        status: 'ACTIVE',
        channel: 'DIRECT',
        licenses: 30,
        autoRenew: true,
        plan: { kind: 'ELEVATED_SUPPORT' },
      });
      const after = await billing.run(
        'SupportEntitlement',
        { organizationId: 'org-contoso' },
        ALICE,
      );
      // The add-on elevates support; it grants no plan family of its own.
      expect(after.data!.organization.supportEntitlement).toEqual({
        ...before.data!.organization.supportEntitlement,
        elevated: true,
      });

      const twice = await billing.run(
        'PurchaseSubscription',
        { organizationId: 'org-contoso', planId: 'plan-global-professional-direct', licenses: 5 },
        ALICE,
      );
      expect(codeOf(twice)).toBe('INVALID_TRANSITION');
    });
  });
});
