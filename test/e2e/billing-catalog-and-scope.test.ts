import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud } from '../../lib/domain/enums';
import { createServiceClient } from '../../lib/federation/service-client';
import { createViewerTokenCodec } from '../../lib/viewer/viewer-token';
import { Organization } from '../../subgraphs/accounts/entities/organization.entity';
import {
  ALICE,
  type BillingClient,
  billingClient,
  CN_ENGINEER,
  codeOf,
  GLOBAL_ENGINEER,
} from '../support/billing';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// The public plan catalog, and the cloud billing receives from accounts through federation
// (@requires(fields: "cloud")) so that support engineers are scoped by the organization's cloud
// even when it has bought nothing yet.

describe.each(testDialects())('plan catalog and cloud scope (%s)', (dialect) => {
  let stack: Stack;
  let billing: BillingClient;
  beforeAll(async () => {
    stack = await startStack(dialect);
    billing = billingClient(stack);
  });
  afterAll(() => stack?.stop());

  it('answers Plans without sign-in: the global catalog in USD, add-ons included', async () => {
    const { data, errors } = await billing.run('Plans', { cloud: 'GLOBAL' });
    expect(errors).toBeUndefined();
    const byName = new Map(data!.plans.map((p: any) => [p.name, p]));
    const families = Object.fromEntries(data!.plans.map((p: any) => [p.name, p.family]));
    expect(families).toMatchObject({
      'Microsoft 365 Business Basic': 'BUSINESS',
      'Microsoft 365 Apps for business': 'BUSINESS',
      'Microsoft 365 Business Standard': 'BUSINESS',
      'Office 365 E1': 'ENTERPRISE',
      'Office 365 E3': 'ENTERPRISE',
      'Office 365 Government G2': 'ENTERPRISE',
      'Office 365 US Government E3': 'ENTERPRISE',
      'Office 365 Education': 'ENTERPRISE',
      'Office 365 F1': 'FRONTLINE',
      'Office 365 US Government K1': 'FRONTLINE',
    });
    expect(byName.get('Office 365 E3')).toMatchObject({
      trialAvailable: true,
      pricePerLicenseMonth: { amount: 2300, currency: 'USD' },
    });
    for (const plan of data!.plans) {
      expect(plan.pricePerLicenseMonth.currency).toBe('USD');
      expect(Number.isInteger(plan.pricePerLicenseMonth.amount)).toBe(true);
    }
  });

  it('sells standalone plans (enterprise support) and elevated add-ons without trial', async () => {
    const { data } = await billing.run('PlanCatalog', { cloud: 'GLOBAL' });
    const kinds = data!.plans.map((p: any) => [p.name, p.kind, p.family, p.trialAvailable]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['Exchange Online (Plan 1)', 'STANDALONE', 'ENTERPRISE', true],
        ['Professional Direct support', 'ELEVATED_SUPPORT', 'ENTERPRISE', false],
        ['Premier support', 'ELEVATED_SUPPORT', 'ENTERPRISE', false],
      ]),
    );
  });

  it('prices the 21Vianet catalog in CNY, without government plans or add-ons', async () => {
    const { data } = await billing.run('PlanCatalog', { cloud: 'CHINA_21VIANET' });
    expect(data!.plans.length).toBeGreaterThan(5);
    for (const plan of data!.plans) {
      expect(plan).toMatchObject({ cloud: 'CHINA_21VIANET' });
      expect(plan.pricePerLicenseMonth.currency).toBe('CNY');
      expect(plan.kind).not.toBe('ELEVATED_SUPPORT');
      expect(plan.name).not.toMatch(/Government/);
    }
    expect(data!.plans.find((p: any) => p.name === 'Office 365 E3').pricePerLicenseMonth).toEqual({
      amount: 14800,
      currency: 'CNY',
    });
  });

  it('refuses an unknown cloud as bad input', async () => {
    const response = await billing.run('Plans', { cloud: 'MOON' });
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(response));
  });

  describe('an organization that has bought nothing yet', () => {
    beforeAll(async () => {
      const em = stack.subgraphs.accounts.orm.em.fork();
      em.create(Organization, {
        id: 'org-wingtip',
        name: 'Wingtip Toys',
        cloud: Cloud.CHINA_21VIANET,
        timeZone: 'Asia/Shanghai',
        advancedSupportAgreement: false,
        provider: false,
        createdAt: new Date(),
      });
      await em.flush();
    });

    it('is in scope for an engineer of its cloud, who sees pre-sales support only', async () => {
      const { data, errors } = await billing.run(
        'SupportEntitlement',
        { organizationId: 'org-wingtip' },
        CN_ENGINEER,
      );
      expect(errors).toBeUndefined();
      expect(data!.organization.supportEntitlement).toEqual({
        planFamily: null,
        elevated: false,
        supportedBy: 'PROVIDER',
      });
    });

    it('stays out of scope for an engineer of the other cloud', async () => {
      const response = await billing.run(
        'SupportEntitlement',
        { organizationId: 'org-wingtip' },
        GLOBAL_ENGINEER,
      );
      expect(response.data?.organization ?? null).toBeNull();
      expect(codeOf(response)).toBe('FORBIDDEN');
    });
  });

  it("scopes engineers by the organization's cloud for organizations with subscriptions too", async () => {
    const cn = await billing.run(
      'SupportEntitlement',
      { organizationId: 'org-northwind' },
      CN_ENGINEER,
    );
    expect(cn.data!.organization.supportEntitlement.planFamily).toBe('ENTERPRISE');
    const global = await billing.run(
      'SupportEntitlement',
      { organizationId: 'org-fabrikam' },
      CN_ENGINEER,
    );
    expect(codeOf(global)).toBe('FORBIDDEN');
  });

  // How cases reads the entitlement where no @requires can carry it (root fields such as
  // responseTarget and openCase): as the internal service identity, through billing's _entities.
  it('answers the service identity with the entitlement, fresh after a purchase', async () => {
    const billingSubgraph = createServiceClient(
      stack.subgraphs.billing.url,
      createViewerTokenCodec(stack.internalSecret),
    );
    const ENTITLEMENT = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Organization { supportEntitlement { planFamily elevated supportedBy partner { id } } }
      }
    }`;
    const read = async (id: string) =>
      (
        await billingSubgraph.query<{ _entities: { supportEntitlement: unknown }[] }>(ENTITLEMENT, {
          representations: [{ __typename: 'Organization', id }],
        })
      )._entities[0]!.supportEntitlement;
    expect(await read('org-tailspin')).toEqual({
      planFamily: 'BUSINESS',
      elevated: false,
      supportedBy: 'PARTNER',
      partner: { id: 'partner-litware' },
    });
    expect(await read('org-contoso')).toMatchObject({ elevated: false });
    await billing.run(
      'PurchaseSubscription',
      { organizationId: 'org-contoso', planId: 'plan-global-premier', licenses: 25 },
      ALICE,
    );
    expect(await read('org-contoso')).toMatchObject({ planFamily: 'BUSINESS', elevated: true });
  });
});
