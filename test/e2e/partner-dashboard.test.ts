import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

describe.each(testDialects())('PartnerDashboard (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  it('lists the customers with a valid delegation only: Tailspin, not Adatum (expired)', async () => {
    const { data, errors } = await stack.contract('PartnerDashboard', {}, 'agent@litware.example');
    expect(errors).toBeUndefined();
    const partner = data?.viewer.partner;
    expect(partner).toMatchObject({ id: 'partner-litware', name: 'Litware' });
    expect(typeof partner.escalationCount).toBe('number');
    expect(partner.customers.map((c: any) => c.organization.id)).toEqual(['org-tailspin']);
    const [tailspin] = partner.customers;
    expect([...tailspin.roles].sort()).toEqual(['BILLING_ADMIN', 'SERVICE_SUPPORT_ADMIN']);
    expect(Date.parse(tailspin.expiresAt)).toBeGreaterThan(Date.now());
    expect(tailspin.organization).toMatchObject({ name: 'Tailspin', cloud: 'CHINA_21VIANET' });
    expect(tailspin.organization.subscriptions[0]).toMatchObject({
      plan: { name: 'Microsoft 365 Business Basic' },
      status: 'ACTIVE',
    });
    const open = tailspin.organization.cases;
    expect(open.totalCount).toBe(open.edges.length);
    for (const { node } of open.edges) expect(node.status).not.toBe('CLOSED');
  });

  it('gives a customer admin no partner dashboard', async () => {
    const { data, errors } = await stack.contract('PartnerDashboard', {}, 'alice@contoso.example');
    expect(errors).toBeUndefined();
    expect(data?.viewer.partner).toBeNull();
  });
});
