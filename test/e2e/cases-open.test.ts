import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { caseInput, codes, eventsOf, openCase } from '../support/cases';
import { testDialects } from '../support/dialects';
import { projectDocument } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// Opening a service request through the gateway, as the admin centre and partners do it, with
// every refusal the contract names.

const HOUR = 3_600_000;

describe.each(testDialects())('OpenCase (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const open = (email: string, organizationId: string, overrides: Record<string, unknown> = {}) =>
    stack.contract('OpenCase', { input: caseInput(organizationId, overrides) }, email);

  it("opens an elevated customer's case with a 2-hour clock and the next global number", async () => {
    const before = Date.now();
    const { data, errors } = await open('dan@fabrikam.example', 'org-fabrikam', {
      contact: {
        phone: '+49 30 5555 0100',
        email: 'dan@fabrikam.example',
        preferredMethod: 'PHONE',
      },
    });
    expect(errors).toBeUndefined();
    const kase = data!.openCase;
    expect(kase).toMatchObject({
      title: 'Manager cannot open a shared mailbox',
      category: 'TECHNICAL',
      severity: 'B',
      status: 'OPEN',
      idempotencyKey: null,
      contact: {
        phone: '+49 30 5555 0100',
        email: 'dan@fabrikam.example',
        preferredMethod: 'PHONE',
      },
      responseClock: { state: 'RUNNING' },
      organization: {
        id: 'org-fabrikam',
        name: 'Fabrikam',
        supportEntitlement: { planFamily: 'ENTERPRISE' },
      },
      openedBy: { email: 'dan@fabrikam.example' },
      onBehalfOf: null,
    });
    expect(kase.number).toMatch(/^GL-\d{6}$/);
    const openedAt = Date.parse(kase.openedAt);
    expect(openedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(kase.responseClock.dueAt) - openedAt).toBe(2 * HOUR);
    const events = await eventsOf(stack.subgraphs.cases.orm, kase.id);
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([['OPENED', 'user-dan']]);
  });

  it('numbers cases per cloud, one after the other', async () => {
    const first = await openCase(stack, 'alice@contoso.example', 'org-contoso');
    const second = await openCase(stack, 'dan@fabrikam.example', 'org-fabrikam');
    const china = await openCase(stack, 'hana@adatum.example', 'org-adatum', {
      contact: { phone: '+86 755 5555 0103', email: 'it@adatum.example', preferredMethod: 'EMAIL' },
    });
    const n = (number: string) => Number(number.slice(3));
    expect(n(second.number)).toBe(n(first.number) + 1);
    expect(china.number).toMatch(/^CN-\d{6}$/);
    // Seeded 21Vianet cases hold CN-000001 to CN-000008.
    expect(n(china.number)).toBeGreaterThan(8);
  });

  it('promises no response time on a Business plan for B, but still opens the case', async () => {
    const kase = await openCase(stack, 'alice@contoso.example', 'org-contoso');
    expect(kase.responseClock).toEqual({ state: 'NO_COMMITMENT', dueAt: null });
  });

  it('counts 21Vianet support hours for a Northwind B case, and 1 hour for A with the agreement', async () => {
    const b = await openCase(stack, 'wei@northwind.example', 'org-northwind');
    const target = await stack.contract(
      'ResponseTarget',
      {
        organizationId: 'org-northwind',
        category: 'TECHNICAL',
        severity: 'B',
        openedAt: b.openedAt,
      },
      'wei@northwind.example',
    );
    expect(b.responseClock.dueAt).toBe(target.data!.responseTarget.dueAt);
    const a = await openCase(stack, 'wei@northwind.example', 'org-northwind', {
      severity: 'A',
      businessImpact: 'Order intake stopped: the sales team cannot reach the orders mailbox.',
    });
    expect(Date.parse(a.responseClock.dueAt) - Date.parse(a.openedAt)).toBe(HOUR);
  });

  it("lets Northwind's billing admin open a billing case on 21Vianet's business week", async () => {
    const kase = await openCase(stack, 'zhang@northwind.example', 'org-northwind', {
      category: 'BILLING_AND_SUBSCRIPTION',
      topic: 'Renewing a subscription',
    });
    expect(kase.responseClock.state).toBe('RUNNING');
  });

  it('links a technical case to the open incident on its service', async () => {
    const exchange = await openCase(stack, 'alice@contoso.example', 'org-contoso', {
      topic: 'Exchange Online mail flow',
    });
    const teams = await openCase(stack, 'alice@contoso.example', 'org-contoso', {
      topic: 'Microsoft Teams meetings',
    });
    const billing = await openCase(stack, 'alice@contoso.example', 'org-contoso', {
      category: 'BILLING_AND_SUBSCRIPTION',
      topic: 'Exchange Online licences',
    });
    const related = async (id: string) =>
      (await stack.contract('CaseDetail', { id }, 'alice@contoso.example')).data!.case
        .relatedIncident;
    expect(await related(exchange.id)).toEqual({
      id: 'EX1047823',
      title: 'Some users may experience delays sending or receiving email',
      status: 'SERVICE_DEGRADATION',
    });
    // The global Teams incident has ended; billing questions are not incidents.
    expect(await related(teams.id)).toBeNull();
    expect(await related(billing.id)).toBeNull();
  });

  it("lets Litware's agent open a case for Tailspin, on Litware's behalf", async () => {
    const kase = await openCase(stack, 'agent@litware.example', 'org-tailspin', {
      contact: {
        phone: '+86 21 5555 0102',
        email: 'support@litware.example',
        preferredMethod: 'PHONE',
      },
    });
    expect(kase.onBehalfOf).toEqual({ id: 'partner-litware', name: 'Litware' });
    expect(kase.openedBy.email).toBe('agent@litware.example');
    expect(kase.organization.name).toBe('Tailspin');
  });

  it('sends Tailspin to Litware instead of opening a provider case (SUPPORT_THROUGH_PARTNER)', async () => {
    const response = await open('mei@tailspin.example', 'org-tailspin');
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'SUPPORT_THROUGH_PARTNER',
      partner: { id: 'partner-litware', name: 'Litware' },
    });
    expect(response.errors![0]!.message).toContain('Litware');
  });

  it.each([
    [
      'Adatum, A without the advanced agreement',
      'hana@adatum.example',
      'org-adatum',
      { severity: 'A', businessImpact: 'All users down.' },
    ],
    [
      'Northwind, billing A even with the agreement',
      'zhang@northwind.example',
      'org-northwind',
      { severity: 'A', category: 'BILLING_AND_SUBSCRIPTION', businessImpact: 'Cannot pay.' },
    ],
    [
      'Northwind, pre-sales A',
      'wei@northwind.example',
      'org-northwind',
      { severity: 'A', category: 'PRE_SALES', businessImpact: 'Urgent quote.' },
    ],
    [
      'Contoso, billing A',
      'alice@contoso.example',
      'org-contoso',
      { severity: 'A', category: 'BILLING_AND_SUBSCRIPTION' },
    ],
    [
      'Contoso, pre-sales A',
      'alice@contoso.example',
      'org-contoso',
      { severity: 'A', category: 'PRE_SALES' },
    ],
  ])('refuses %s with SEVERITY_NOT_ALLOWED', async (_label, email, organizationId, overrides) => {
    const response = await open(email, organizationId, overrides);
    expect(codes(response)).toEqual(['SEVERITY_NOT_ALLOWED']);
    expect(response.errors![0]!.message).toMatch(/choose B or C/);
  });

  it.each([
    ['bob, a member without admin role', 'bob@contoso.example', 'org-contoso', {}],
    ['li, a global reader', 'li@northwind.example', 'org-northwind', {}],
    [
      'wei, a service support admin, for billing',
      'wei@northwind.example',
      'org-northwind',
      { category: 'BILLING_AND_SUBSCRIPTION' },
    ],
    ['an admin of another organization', 'alice@contoso.example', 'org-fabrikam', {}],
    ['a partner agent without delegation', 'agent@litware.example', 'org-contoso', {}],
    ['a partner agent whose delegation expired', 'agent@litware.example', 'org-adatum', {}],
    ['a support engineer', 'engineer@support.microsoft.example', 'org-contoso', {}],
  ])('refuses %s with FORBIDDEN', async (_label, email, organizationId, overrides) => {
    expect(codes(await open(email, organizationId, overrides))).toEqual(['FORBIDDEN']);
  });

  it('refuses an anonymous caller and an unknown organization', async () => {
    expect(codes(await open(undefined as never, 'org-contoso'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await open('alice@contoso.example', 'org-nowhere'))).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['an empty description', { description: '' }, 'description'],
    ['a description over 10000 characters', { description: 'x'.repeat(10_001) }, 'description'],
    [
      'an invalid e-mail',
      { contact: { phone: '+1 425 555 0100', email: 'alice@', preferredMethod: 'EMAIL' } },
      'contact.email',
    ],
    [
      'a phone without country code',
      {
        contact: {
          phone: '425 555 0100',
          email: 'alice@contoso.example',
          preferredMethod: 'PHONE',
        },
      },
      'contact.phone',
    ],
    [
      'a phone that is not a number',
      {
        contact: {
          phone: 'call reception',
          email: 'alice@contoso.example',
          preferredMethod: 'PHONE',
        },
      },
      'contact.phone',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_label, overrides, field) => {
    const response = await open('alice@contoso.example', 'org-contoso', overrides);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions?.field).toBe(field);
  });

  it('asks for a business-impact statement on a 21Vianet severity A case', async () => {
    const response = await open('wei@northwind.example', 'org-northwind', { severity: 'A' });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions?.field).toBe('businessImpact');
  });

  it('leaves no case behind when it refuses one', async () => {
    const count = () => stack.subgraphs.cases.orm.em.fork().count(SupportCase);
    const before = await count();
    await open('hana@adatum.example', 'org-adatum', { severity: 'A', businessImpact: 'x' });
    await open('mei@tailspin.example', 'org-tailspin');
    await open('alice@contoso.example', 'org-contoso', { title: '' });
    expect(await count()).toBe(before);
  });

  it('returns the first case for a retried submit with the same key, per organization', async () => {
    const key = `retry-${dialect}-1`;
    const first = await openCase(stack, 'alice@contoso.example', 'org-contoso', {
      idempotencyKey: key,
    });
    const retry = await openCase(stack, 'carol@contoso.example', 'org-contoso', {
      idempotencyKey: key,
      title: 'A different title typed on retry',
    });
    expect(retry).toEqual(first);
    expect(first.idempotencyKey).toBe(key);
    const other = await openCase(stack, 'dan@fabrikam.example', 'org-fabrikam', {
      idempotencyKey: key,
    });
    expect(other.id).not.toBe(first.id);
    const stored = await stack.subgraphs.cases.orm.em
      .fork()
      .count(SupportCase, { idempotencyKey: key });
    expect(stored).toBe(2);
  });
});

describe.each(testDialects())('ResponseTarget (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const target = (email: string, variables: Record<string, unknown>) =>
    stack.contract('ResponseTarget', variables, email);

  it('counts a Friday-night Northwind B case in Beijing support hours', async () => {
    const { data, errors } = await target('wei@northwind.example', {
      organizationId: 'org-northwind',
      category: 'TECHNICAL',
      severity: 'B',
      openedAt: '2026-03-06T22:00:00+08:00',
    });
    expect(errors).toBeUndefined();
    expect(data!.responseTarget).toEqual({
      severity: 'B',
      committed: true,
      target: 'PT15H',
      calendar: 'CN_SUPPORT_DAY',
      dueAt: '2026-03-07T14:00:00.000Z',
      description:
        'First response within 1 business day (15 support hours, 09:00-24:00 Beijing time, every day of the year)',
    });
  });

  it("promises nothing for Contoso's B, on Contoso's local business week", async () => {
    const { data } = await target('alice@contoso.example', {
      organizationId: 'org-contoso',
      category: 'TECHNICAL',
      severity: 'B',
    });
    expect(data!.responseTarget).toEqual({
      severity: 'B',
      committed: false,
      target: null,
      calendar: 'LOCAL_BUSINESS_WEEK',
      dueAt: null,
      description:
        'No guaranteed response time; handled Monday to Friday, 09:00-17:00 America/Los_Angeles time',
    });
  });

  it("gives Fabrikam's elevated C 4 hours from now when openedAt is left out", async () => {
    const before = Date.now();
    const { data } = await target('dan@fabrikam.example', {
      organizationId: 'org-fabrikam',
      category: 'TECHNICAL',
      severity: 'C',
    });
    expect(data!.responseTarget).toMatchObject({
      target: 'PT4H',
      calendar: 'ALWAYS',
      description: 'First response within 4 hours, 24x7',
    });
    const due = Date.parse(data!.responseTarget.dueAt);
    expect(due).toBeGreaterThanOrEqual(before + 4 * HOUR - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 4 * HOUR);
  });

  it('shows a partner agent what the provider promises its customer', async () => {
    const { data, errors } = await target('agent@litware.example', {
      organizationId: 'org-tailspin',
      category: 'BILLING_AND_SUBSCRIPTION',
      severity: 'C',
      openedAt: '2026-03-06T17:00:00+08:00',
    });
    expect(errors).toBeUndefined();
    expect(data!.responseTarget).toMatchObject({
      target: 'PT27H',
      calendar: 'CN_BUSINESS_WEEK',
      dueAt: '2026-03-11T09:00:00.000Z',
    });
  });

  it('refuses what opening would refuse', async () => {
    const refusal = async (email: string, variables: Record<string, unknown>) =>
      codes(await target(email, variables));
    const adatumA = { organizationId: 'org-adatum', category: 'TECHNICAL', severity: 'A' };
    expect(await refusal('hana@adatum.example', adatumA)).toEqual(['SEVERITY_NOT_ALLOWED']);
    const tailspin = { organizationId: 'org-tailspin', category: 'TECHNICAL', severity: 'B' };
    const partner = await target('mei@tailspin.example', tailspin);
    expect(partner.errors![0]!.extensions).toMatchObject({
      code: 'SUPPORT_THROUGH_PARTNER',
      partner: { id: 'partner-litware', name: 'Litware' },
    });
    const contoso = { organizationId: 'org-contoso', category: 'TECHNICAL', severity: 'B' };
    expect(await refusal('bob@contoso.example', contoso)).toEqual(['FORBIDDEN']);
    expect(await refusal('dan@fabrikam.example', contoso)).toEqual(['FORBIDDEN']);
    const bad = { ...contoso, openedAt: 'yesterday' };
    expect(await refusal('alice@contoso.example', bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('follows billing the moment Contoso buys elevated support through the gateway: no copy goes stale', async () => {
    const contosoB = { organizationId: 'org-contoso', category: 'TECHNICAL', severity: 'B' };
    const before = await target('alice@contoso.example', contosoB);
    expect(before.data!.responseTarget.committed).toBe(false);

    // Bought through the gateway, as Contoso's billing admin would: billing is the only truth.
    const bought = await stack.query(
      projectDocument('PurchaseSubscription'),
      { organizationId: 'org-contoso', planId: 'plan-global-premier', licenses: 25 },
      { email: 'carol@contoso.example', operationName: 'PurchaseSubscription' },
    );
    expect(bought.errors).toBeUndefined();

    const after = await target('alice@contoso.example', contosoB);
    expect(after.data!.responseTarget).toMatchObject({ target: 'PT2H', calendar: 'ALWAYS' });
    const kase = await openCase(stack, 'alice@contoso.example', 'org-contoso');
    expect(Date.parse(kase.responseClock.dueAt) - Date.parse(kase.openedAt)).toBe(2 * HOUR);
  });
});
