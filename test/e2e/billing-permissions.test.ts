import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Delegation } from '../../subgraphs/accounts/entities/delegation.entity';
import {
  AGENT,
  ALICE,
  type BillingClient,
  BOB,
  billingClient,
  CAROL,
  CN_ENGINEER,
  codeOf,
  DAN,
  HANA,
  LI,
  MEI,
  WEI,
  ZHANG,
} from '../support/billing';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// Who may change what an organization bought (domain.md, "Accounts and roles"): its global and
// billing admins, and the partner that sold a subscription through a valid delegation holding
// BILLING_ADMIN. Every change is audited in the same transaction; a refusal changes nothing.

const STANDARD = 'sub-contoso-business-standard';
const TAILSPIN_BASIC = 'sub-tailspin-business-basic';

describe.each(testDialects())('who may change billing (%s)', (dialect) => {
  let stack: Stack;
  let billing: BillingClient;
  beforeAll(async () => {
    stack = await startStack(dialect);
    billing = billingClient(stack);
  });
  afterAll(() => stack?.stop());

  it.each([
    ['alice, global admin', ALICE, 26],
    ['carol, billing admin', CAROL, 27],
  ])('lets %s change Contoso, and audits it with the actor', async (_who, email, licenses) => {
    const response = await billing.run(
      'ChangeLicenses',
      { subscriptionId: STANDARD, licenses },
      email,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.changeLicenses.licenses).toBe(licenses);
    const [latest] = await billing.auditLog('org-contoso', ALICE);
    expect(latest).toMatchObject({
      action: 'subscription.licensesChanged',
      actorEmail: email,
      target: STANDARD,
      before: { licenses: licenses - 1 },
      after: { licenses },
    });
  });

  it.each([
    ['bob (no admin role) on Contoso', BOB, STANDARD, 'FORBIDDEN'],
    ['dan (Fabrikam) on Contoso', DAN, STANDARD, 'FORBIDDEN'],
    ['li (global reader) on Northwind', LI, 'sub-northwind-e3', 'FORBIDDEN'],
    ['wei (service support admin) on Northwind', WEI, 'sub-northwind-e3', 'FORBIDDEN'],
    ['the 21Vianet engineer on Northwind', CN_ENGINEER, 'sub-northwind-e3', 'FORBIDDEN'],
    ['the Litware agent on Adatum (expired delegation)', AGENT, 'sub-adatum-e1', 'FORBIDDEN'],
    ['an anonymous caller', undefined, STANDARD, 'UNAUTHENTICATED'],
  ])('refuses %s, and changes nothing', async (_who, email, subscriptionId, code) => {
    const organizationId = subscriptionId.includes('contoso')
      ? 'org-contoso'
      : subscriptionId.includes('adatum')
        ? 'org-adatum'
        : 'org-northwind';
    const admin = { 'org-contoso': ALICE, 'org-adatum': HANA, 'org-northwind': ZHANG }[
      organizationId
    ];
    const before = await billing.subscriptions(organizationId, admin);
    const auditBefore = await billing.auditLog(organizationId, admin);
    for (const [operation, variables] of [
      ['ChangeLicenses', { subscriptionId, licenses: 200 }],
      ['RenewSubscription', { subscriptionId }],
      ['CancelSubscription', { subscriptionId }],
      ['StartTrial', { organizationId, planId: 'plan-global-f1' }],
    ] as const) {
      const response = await billing.run(operation, variables, email);
      expect(codeOf(response), operation).toBe(code);
      expect(response.data).toBeNull();
    }
    expect(await billing.subscriptions(organizationId, admin)).toEqual(before);
    expect(await billing.auditLog(organizationId, admin)).toEqual(auditBefore);
  });

  it('lets zhang (billing admin) change Northwind in the 21Vianet cloud', async () => {
    const response = await billing.run(
      'ChangeLicenses',
      { subscriptionId: 'sub-northwind-e3', licenses: 310 },
      ZHANG,
    );
    expect(response.data!.changeLicenses.licenses).toBe(310);
  });

  it('lets li (global reader) read subscriptions, invoices and the audit log, and nothing more', async () => {
    const picture = await billing.run('BillingDetails', { organizationId: 'org-northwind' }, LI);
    expect(picture.errors).toBeUndefined();
    expect(picture.data!.organization.subscriptions.length).toBeGreaterThan(0);
    const invoices = await billing.run('Invoices', { organizationId: 'org-northwind' }, LI);
    expect(invoices.errors).toBeUndefined();
    expect(invoices.data!.organization.invoices.length).toBeGreaterThan(0);
    expect(await billing.auditLog('org-northwind', LI)).toContainEqual(
      expect.objectContaining({ actorEmail: ZHANG, action: 'subscription.licensesChanged' }),
    );
  });

  it('keeps the invoices and billing audit log from those without billing rights', async () => {
    for (const [email, organizationId] of [
      [BOB, 'org-contoso'],
      [WEI, 'org-northwind'],
      [CN_ENGINEER, 'org-northwind'],
    ] as const) {
      const invoices = await billing.run('Invoices', { organizationId }, email);
      expect(invoices.data?.organization?.invoices ?? null, email).toBeNull();
      expect(codeOf(invoices), email).toBe('FORBIDDEN');
      const audit = await billing.run('BillingAuditLog', { organizationId }, email);
      expect(audit.data?.organization?.billingAuditLog ?? null, email).toBeNull();
      expect(codeOf(audit), email).toBe('FORBIDDEN');
    }
  });

  describe('the Litware agent, delegated BILLING_ADMIN by Tailspin', () => {
    it("changes Tailspin's subscription bought through Litware", async () => {
      const response = await billing.run(
        'ChangeLicenses',
        { subscriptionId: TAILSPIN_BASIC, licenses: 45 },
        AGENT,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.changeLicenses.licenses).toBe(45);
      const [latest] = await billing.auditLog('org-tailspin', MEI);
      expect(latest).toMatchObject({ actorEmail: AGENT, target: TAILSPIN_BASIC });
    });

    it('buys for Tailspin through Litware', async () => {
      const bought = await billing.run(
        'PurchaseSubscription',
        { organizationId: 'org-tailspin', planId: 'plan-cn-f1', licenses: 12 },
        AGENT,
      );
      expect(bought.errors).toBeUndefined();
      expect(bought.data!.purchaseSubscription).toMatchObject({
        channel: 'PARTNER',
        partner: { id: 'partner-litware', name: 'Litware' },
      });
    });

    it('may not change what Tailspin bought directly', async () => {
      const direct = await billing.run(
        'PurchaseSubscription',
        { organizationId: 'org-tailspin', planId: 'plan-cn-exchange-online-plan-1', licenses: 10 },
        MEI,
      );
      expect(direct.data!.purchaseSubscription).toMatchObject({ channel: 'DIRECT', partner: null });
      const response = await billing.run(
        'ChangeLicenses',
        { subscriptionId: direct.data!.purchaseSubscription.id, licenses: 11 },
        AGENT,
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.errors![0]!.message).toMatch(/bought this directly/);
      // The organization's own admin still may, whoever sold it.
      const own = await billing.run(
        'ChangeLicenses',
        { subscriptionId: TAILSPIN_BASIC, licenses: 46 },
        MEI,
      );
      expect(own.data!.changeLicenses.licenses).toBe(46);
    });

    it('may not buy for an organization that delegates nothing to Litware', async () => {
      const response = await billing.run(
        'StartTrial',
        { organizationId: 'org-contoso', planId: 'plan-global-e1' },
        AGENT,
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
    });
  });

  it('starts one trial when the same trial is asked for twice at once; the other is refused', async () => {
    const auditBefore = await billing.auditLog('org-fabrikam', DAN);
    const responses = await Promise.all(
      [0, 1, 2].map(() =>
        billing.run(
          'StartTrial',
          { organizationId: 'org-fabrikam', planId: 'plan-global-business-standard' },
          DAN,
        ),
      ),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.filter((r) => codeOf(r) === 'INVALID_TRANSITION')).toHaveLength(2);
    const trials = (await billing.subscriptions('org-fabrikam', DAN)).filter(
      (s) => s.plan.id === 'plan-global-business-standard',
    );
    expect(trials).toHaveLength(1);
    const audit = await billing.auditLog('org-fabrikam', DAN);
    expect(audit.length - auditBefore.length).toBe(1);
  });

  it('buys a plan once when the same purchase is sent twice at once', async () => {
    const responses = await Promise.all(
      [0, 1].map(() =>
        billing.run(
          'PurchaseSubscription',
          { organizationId: 'org-fabrikam', planId: 'plan-global-premier', licenses: 500 },
          DAN,
        ),
      ),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.map(codeOf).filter(Boolean)).toEqual(['INVALID_TRANSITION']);
    const premier = (await billing.subscriptions('org-fabrikam', DAN)).filter(
      (s) => s.plan.id === 'plan-global-premier',
    );
    expect(premier).toHaveLength(1);
  });
});

describe.each(testDialects())('a delegation that ends (%s)', (dialect) => {
  let stack: Stack;
  let billing: BillingClient;
  beforeAll(async () => {
    stack = await startStack(dialect);
    billing = billingClient(stack);
  });
  afterAll(() => stack?.stop());

  it("stops the Litware agent's changes the moment it ends, even with a cached viewer", async () => {
    const endsAt = new Date(Date.now() + 1_500);
    const em = stack.subgraphs.accounts.orm.em.fork();
    await em.nativeUpdate(Delegation, { id: 'delegation-litware-tailspin' }, { endsAt });

    const before = await billing.run(
      'ChangeLicenses',
      { subscriptionId: TAILSPIN_BASIC, licenses: 41 },
      AGENT,
    );
    expect(before.data!.changeLicenses.licenses).toBe(41);

    await new Promise((resolve) => setTimeout(resolve, endsAt.getTime() - Date.now() + 50));
    const after = await billing.run(
      'ChangeLicenses',
      { subscriptionId: TAILSPIN_BASIC, licenses: 42 },
      AGENT,
    );
    expect(codeOf(after)).toBe('FORBIDDEN');
    expect((await billing.subscription('org-tailspin', TAILSPIN_BASIC, MEI)).licenses).toBe(41);
  });
});
