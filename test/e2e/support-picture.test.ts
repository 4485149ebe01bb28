import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects';
import { type GraphQLResponse, type Stack, startStack } from '../support/stack';

const codes = (errors?: { extensions?: Record<string, unknown>; path?: unknown[] }[]) =>
  (errors ?? []).map((e) => `${(e.path ?? []).join('.')}:${e.extensions?.code}`).sort();

describe.each(testDialects())('SupportPicture across the three subgraphs (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  it("gives Contoso's global admin the whole picture from accounts, billing and cases", async () => {
    const { data, errors } = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-contoso' },
      'alice@contoso.example',
    );
    expect(errors).toBeUndefined();
    const org = data!.organization;
    expect(org).toMatchObject({
      id: 'org-contoso',
      name: 'Contoso',
      cloud: 'GLOBAL',
      timeZone: 'America/Los_Angeles',
      advancedSupportAgreement: false,
    });
    expect(org.registeredContacts).toEqual(
      expect.arrayContaining([
        { kind: 'PHONE', value: '+1 425 555 0100' },
        { kind: 'EMAIL', value: 'it@contoso.example' },
      ]),
    );
    const standard = org.subscriptions.find(
      (s: any) => s.plan.name === 'Microsoft 365 Business Standard',
    );
    expect(standard).toMatchObject({
      status: 'ACTIVE',
      channel: 'DIRECT',
      licenses: 25,
      assignedLicenses: 18,
      partner: null,
      plan: { family: 'BUSINESS' },
    });
    expect(standard.renewsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      org.subscriptions.find((s: any) => s.plan.name === 'Microsoft 365 Business Basic')?.status,
    ).toBe('TRIAL');
    expect(org.supportEntitlement).toEqual({
      planFamily: 'BUSINESS',
      elevated: false,
      supportedBy: 'PROVIDER',
      partner: null,
    });
    expect(org.cases.totalCount).toBeGreaterThanOrEqual(3);
    for (const { node } of org.cases.edges) {
      expect(node.openedBy.email).toMatch(/@contoso\.example$/);
      expect(['RUNNING', 'MET', 'BREACHED', 'NO_COMMITMENT']).toContain(node.responseClock.state);
    }
    expect(
      org.cases.edges.filter((e: any) => e.node.status === 'CLOSED').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('pages through every case exactly once, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data, errors }: GraphQLResponse = await stack.contract(
        'SupportPicture',
        { organizationId: 'org-contoso', first: 2, after },
        'alice@contoso.example',
      );
      expect(errors).toBeUndefined();
      const cases: any = data!.organization.cases;
      total = cases.totalCount;
      seen.push(...cases.edges.map((e: any) => e.node.openedAt));
      after = cases.pageInfo.hasNextPage ? cases.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("reports each tenant's entitlement from what it bought", async () => {
    const fabrikam = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-fabrikam' },
      'dan@fabrikam.example',
    );
    expect(fabrikam.data!.organization.supportEntitlement).toMatchObject({
      planFamily: 'ENTERPRISE',
      elevated: true,
      supportedBy: 'PROVIDER',
    });
    const tailspin = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-tailspin' },
      'mei@tailspin.example',
    );
    expect(tailspin.data!.organization.supportEntitlement).toEqual({
      planFamily: 'BUSINESS',
      elevated: false,
      supportedBy: 'PARTNER',
      partner: { id: 'partner-litware', name: 'Litware' },
    });
    expect(tailspin.data!.organization.subscriptions[0]).toMatchObject({
      channel: 'PARTNER',
      partner: { name: 'Litware' },
    });
  });

  it('lets a delegated partner agent see its customer, with the roles it was granted', async () => {
    const { data, errors } = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-tailspin' },
      'agent@litware.example',
    );
    expect(errors).toBeUndefined();
    expect(data!.organization.name).toBe('Tailspin');
    expect(data!.organization.cases.totalCount).toBeGreaterThan(0);
  });

  it('keeps the parts a role may not see null, with FORBIDDEN on their path', async () => {
    const bob = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-contoso' },
      'bob@contoso.example',
    );
    expect(bob.data!.organization).toMatchObject({
      name: 'Contoso',
      registeredContacts: null,
      subscriptions: null,
      supportEntitlement: null,
      cases: null,
    });
    expect(codes(bob.errors)).toEqual([
      'organization.cases:FORBIDDEN',
      'organization.registeredContacts:FORBIDDEN',
      'organization.subscriptions:FORBIDDEN',
      'organization.supportEntitlement:FORBIDDEN',
    ]);
    const wei = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-northwind' },
      'wei@northwind.example',
    );
    expect(codes(wei.errors)).toEqual(['organization.subscriptions:FORBIDDEN']);
    expect(wei.data!.organization.cases.totalCount).toBeGreaterThan(0);
    expect(wei.data!.organization.supportEntitlement.planFamily).toBe('ENTERPRISE');
  });
});
