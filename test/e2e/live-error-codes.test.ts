import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../support/demo-users';
import { type Subscription, settle, subscribeCaseEvents, until } from '../support/live';
import { contractDocument } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

// Every refusal a subscription can meet carries the contract's code, on both transports, exactly
// as the same refusal of a query does: the gateway maps live errors with the formatter of queries.

const codes = (sub: Subscription) =>
  sub.errors.map((e) => (e as { extensions?: { code?: unknown } }).extensions?.code);

describe.each(['graphql-ws', 'graphql-sse'] as const)('subscription refusals (%s)', (transport) => {
  let stack: Stack;
  const open: Subscription[] = [];
  beforeAll(async () => {
    stack = await startStack('sqlite');
  });
  afterAll(async () => {
    for (const sub of open) sub.stop();
    await stack?.stop();
  });

  it.each([
    ['an organization alice may not see', 'FORBIDDEN', { organizationId: 'org-fabrikam' }],
    ['an organization that does not exist', 'NOT_FOUND', { organizationId: 'org-nowhere' }],
    ['a cursor this API never issued', 'BAD_USER_INPUT', { after: 'not-a-cursor' }],
  ])('refuses %s with %s', async (_name, code, variables) => {
    const sub = subscribeCaseEvents(stack, transport, await stack.token(ALICE), variables);
    open.push(sub);
    await until(() => sub.errors.length > 0);
    await settle();
    expect(sub.events).toEqual([]);
    expect(codes(sub)).toEqual([code]);
    expect(JSON.stringify(sub.errors)).not.toMatch(/stack|node_modules|\.ts:\d+/);
  });

  it('answers an operation name the document lacks with OPERATION_RESOLUTION_FAILURE', async () => {
    const query = 'subscription Mine { caseEvents { cursor } }';
    const token = await stack.token(ALICE);
    const sub = subscribeCaseEvents(stack, transport, token, {}, query, 'Theirs');
    open.push(sub);
    await until(() => sub.errors.length > 0);
    expect(codes(sub)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });

  it('answers a validation error with GRAPHQL_VALIDATION_FAILED', async () => {
    const query = 'subscription { caseEvents { nope } }';
    const sub = subscribeCaseEvents(stack, transport, await stack.token(ALICE), {}, query);
    open.push(sub);
    await until(() => sub.errors.length > 0);
    expect(codes(sub)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('an event stream asked for without a valid token (graphql-sse)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite');
  });
  afterAll(() => stack?.stop());

  it('refuses a request without an operation with 400 and BAD_REQUEST', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ variables: {} }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions?: { code?: string } }[] };
    expect(body.errors.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
  });

  it.each([
    ['no token', undefined],
    ['a forged token', 'Bearer not.a.jwt'],
  ])('refuses %s with 401 and UNAUTHENTICATED', async (_name, authorization) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query: contractDocument('CaseEvents'), operationName: 'CaseEvents' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions?: { code?: string } }[] };
    expect(body.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
