import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { codes, eventsOf } from '../support/cases';
import { AGENT, CN_ENGINEER, GLOBAL_ENGINEER } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import {
  currentCursor,
  type Subscription,
  subscribeCaseEvents,
  type Transport,
  until,
} from '../support/live';
import { projectDocument } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// Issue 12.6 through the gateway: a partner's own Partner Center requests (003), opened, listed
// and followed by its agents with the same clocks and events as a customer's case.

const TRANSPORTS: Transport[] = ['graphql-ws', 'graphql-sse'];

const request = (overrides: Record<string, unknown> = {}) => ({
  partnerId: 'partner-litware',
  area: 'CUSTOMER_MANAGEMENT',
  topic: 'Partner Center customer list',
  title: 'An accepted invitation does not show the customer',
  description: 'Fabrikam accepted the reseller invitation an hour ago; the list stays empty.',
  severity: 'B',
  contact: { phone: '+86 10 5555 0199', email: 'agent@litware.example', preferredMethod: 'EMAIL' },
  ...overrides,
});

describe.each(testDialects())("a partner's own requests (%s)", (dialect) => {
  let stack: Stack;
  const live: Subscription[] = [];
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(async () => {
    for (const s of live) s.stop();
    await stack?.stop();
  });

  const run = (operationName: string, variables: Record<string, unknown>, email: string) =>
    stack.query(projectDocument(operationName), variables, { email, operationName });
  const openRequest = async (overrides: Record<string, unknown> = {}) => {
    const response = await run('OpenPartnerRequest', { input: request(overrides) }, AGENT);
    expect(response.errors).toBeUndefined();
    return response.data!.openPartnerRequest;
  };

  it('opens a numbered 21Vianet request owned by Litware, on the billing clock', async () => {
    const opened = await openRequest();
    expect(opened).toMatchObject({
      category: 'BILLING_AND_SUBSCRIPTION',
      partnerRequestArea: 'CUSTOMER_MANAGEMENT',
      severity: 'B',
      status: 'OPEN',
      organization: null,
      requestingPartner: { id: 'partner-litware', name: 'Litware' },
      responseClock: { state: 'RUNNING' },
      openedBy: { email: AGENT },
    });
    expect(opened.number).toMatch(/^CN-\d{6}$/);
    const events = await eventsOf(stack.subgraphs.cases.orm, opened.id);
    expect(events.map((e) => [e.kind, e.organizationId])).toEqual([['OPENED', 'partner-litware']]);
  });

  it('lists its requests (the seeded one included), newest first, and filters open ones', async () => {
    const opened = await openRequest({ area: 'TECHNICAL', severity: 'C' });
    const { data, errors } = await run('PartnerRequests', {}, AGENT);
    expect(errors).toBeUndefined();
    const requests = data!.viewer.partner.requests;
    expect(requests.edges[0].node).toMatchObject({
      id: opened.id,
      partnerRequestArea: 'TECHNICAL',
    });
    expect(requests.edges.map((e: any) => e.node.id)).toContain('case-litware-1');
    expect(requests.totalCount).toBe(requests.edges.length);
  });

  it('is followed like a case: support answers, the clock stops, the agent closes it', async () => {
    const opened = await openRequest();
    const answer = await stack.contract(
      'AddCaseNote',
      { caseId: opened.id, body: 'The customer list refreshes hourly; check again at 10:00.' },
      CN_ENGINEER,
    );
    expect(answer.errors).toBeUndefined();
    const detail = await stack.contract('CaseDetail', { id: opened.id }, AGENT);
    expect(detail.data!.case.responseClock.state).toBe('MET');
    expect(detail.data!.case.organization).toBeNull();
    const closed = await stack.contract(
      'SetCaseStatus',
      { caseId: opened.id, status: 'CLOSED' },
      AGENT,
    );
    expect(closed.data!.setCaseStatus.status).toBe('CLOSED');
    const open = await run('PartnerRequests', { open: true }, AGENT);
    const ids = open.data!.viewer.partner.requests.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(opened.id);
  });

  it("keeps Litware's requests from customers, other clouds' engineers and other partners' ids", async () => {
    const opened = await openRequest();
    for (const email of ['mei@tailspin.example', 'alice@contoso.example', GLOBAL_ENGINEER]) {
      expect(codes(await stack.contract('CaseDetail', { id: opened.id }, email)), email).toEqual([
        'FORBIDDEN',
      ]);
    }
    const asEngineer = await run('PartnerRequestOfCase', { id: opened.id }, CN_ENGINEER);
    expect(asEngineer.data!.case.requestingPartner.requests.totalCount).toBeGreaterThan(0);
    const forOther = await run('OpenPartnerRequest', { input: request() }, 'mei@tailspin.example');
    expect(codes(forOther)).toEqual(['FORBIDDEN']);
    const unknown = await run(
      'OpenPartnerRequest',
      { input: request({ partnerId: 'partner-nowhere' }) },
      AGENT,
    );
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });

  it("lets 21Vianet support lower a request's severity on the partner's clock", async () => {
    const opened = await openRequest({ area: 'BILLING' });
    const lowered = await stack.contract(
      'LowerSeverity',
      { caseId: opened.id, severity: 'C', reason: 'Invoices are readable; only the PDF is late.' },
      CN_ENGINEER,
    );
    expect(lowered.errors).toBeUndefined();
    const target = await stack.subgraphs.cases.orm.em
      .fork()
      .findOneOrFail(SupportCase, { id: opened.id });
    expect([target.severity, target.responseTarget, target.responseCalendar]).toEqual([
      'C',
      'PT27H',
      'CN_BUSINESS_WEEK',
    ]);
    const refused = await stack.contract(
      'LowerSeverity',
      { caseId: opened.id, severity: 'C', reason: 'Not mine to lower.' },
      AGENT,
    );
    expect(codes(refused)).toEqual(['FORBIDDEN']);
  });

  it('refuses severity A to a 21Vianet partner without the advanced agreement', async () => {
    const response = await run(
      'OpenPartnerRequest',
      { input: request({ area: 'TECHNICAL', severity: 'A' }) },
      AGENT,
    );
    expect(codes(response)).toEqual(['SEVERITY_NOT_ALLOWED']);
  });

  it('returns the first request for a retried submit with the same idempotency key', async () => {
    const first = await openRequest({ idempotencyKey: `litware-${dialect}-retry` });
    const again = await openRequest({ idempotencyKey: `litware-${dialect}-retry` });
    expect(again.id).toBe(first.id);
  });

  it("shows 21Vianet's engineer the partner's requests in its cloud-wide feed, without an organization", async () => {
    const after = await currentCursor(stack);
    const engineer = subscribeCaseEvents(stack, 'graphql-ws', await stack.token(CN_ENGINEER), {
      after,
    });
    live.push(engineer);
    const opened = await openRequest();
    await until(() => engineer.events.some((e) => e.case.id === opened.id));
    const event = engineer.events.find((e) => e.case.id === opened.id)!;
    expect(event.kind).toBe('OPENED');
    expect(event.case.organization).toBeNull();
    expect(engineer.errors).toEqual([]);
  });

  describe.each(TRANSPORTS)('live, over %s', (transport) => {
    it("delivers the partner's request events to its agent with partnerId, not to a customer", async () => {
      const after = await currentCursor(stack);
      const subscribe = async (email: string, variables: Record<string, unknown>) => {
        const s = subscribeCaseEvents(
          stack,
          transport,
          await stack.token(email),
          variables,
          projectDocument('PartnerRequestEvents'),
        );
        live.push(s);
        return s;
      };
      const agent = await subscribe(AGENT, { partnerId: 'partner-litware', after });
      const customer = await subscribe('mei@tailspin.example', {
        partnerId: 'partner-litware',
        after,
      });
      const opened = await openRequest();
      await stack.contract(
        'AddCaseNote',
        { caseId: opened.id, body: 'Looking into it.' },
        CN_ENGINEER,
      );
      await until(() => agent.events.length >= 3).catch(() => {
        throw new Error(`agent got ${JSON.stringify([agent.events, agent.errors])}`);
      });
      expect(agent.events.map((e) => e.kind)).toEqual(['OPENED', 'NOTE_ADDED', 'FIRST_RESPONSE']);
      const last = agent.events.at(-1)! as any;
      expect(last.case).toMatchObject({
        id: opened.id,
        requestingPartner: { id: 'partner-litware' },
        responseClock: { state: 'MET' },
      });
      await until(() => customer.errors.length > 0 || customer.completed);
      expect(customer.events).toEqual([]);
      expect(customer.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
      ]);
    });
  });
});
