import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FederatedSubscriptionPlanner } from '../../../gateway/live/federated-subscription-plan';
import { contractDocument } from '../../support/operations';

// Pins what gateway/live relies on in @apollo/gateway's internals: the planner's SubscriptionNode
// and executeQueryPlan run over [primary, rest] with the primary answered by the event.

const supergraph = readFileSync(
  join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'),
  'utf8',
);
const planner = new FederatedSubscriptionPlanner(supergraph);
const document = parse(contractDocument('CaseEvents'));

function source(answer: (options: GraphQLDataSourceProcessOptions) => Record<string, unknown>) {
  const seen: GraphQLDataSourceProcessOptions[] = [];
  const ds: GraphQLDataSource = {
    process: async (options) => {
      seen.push(options);
      return { data: answer(options) };
    },
  };
  return { ds, seen };
}

describe('FederatedSubscriptionPlanner', () => {
  it('plans CaseEvents as a cases subscription plus entity fetches', () => {
    const plan = planner.plan(document, 'CaseEvents');
    expect(plan.primary.serviceName).toBe('cases');
    expect(plan.primary.operation).toMatch(/^subscription/);
    expect(plan.primary.variableUsages?.sort()).toEqual(['after', 'organizationId']);
    expect(plan.rest).toBeDefined();
  });

  it('plans a document once however often it is subscribed, and refuses the same query again', () => {
    const again = parse(contractDocument('CaseEvents'));
    expect(planner.plan(again, 'CaseEvents')).toBe(planner.plan(document, 'CaseEvents'));
    const renamed = parse(contractDocument('CaseEvents').replace('CaseEvents(', 'Other('));
    expect(planner.plan(renamed, 'Other')).not.toBe(planner.plan(document, 'CaseEvents'));
    expect(() => planner.plan(parse('query { __typename }'))).toThrow(/subscription/);
    expect(() => planner.plan(parse('query { __typename }'))).toThrow(/subscription/);
  });

  it('refuses to plan a query', () => {
    expect(() => planner.plan(parse('query { __typename }'))).toThrow(/subscription/);
  });

  it('resolves one event through the other subgraphs, with the gateway context', async () => {
    const plan = planner.plan(document, 'CaseEvents');
    const organization = { __typename: 'Organization', id: 'org-contoso' };
    const cases = source(() => {
      throw new Error('the primary fetch must be answered by the event');
    });
    const accounts = source(() => ({ _entities: [{ name: 'Contoso', cloud: 'GLOBAL' }] }));
    const billing = source(() => ({
      _entities: [{ supportEntitlement: { planFamily: 'ENTERPRISE' } }],
    }));
    const event = {
      data: {
        caseEvents: {
          cursor: 'Y2U6MQ',
          kind: 'OPENED',
          at: '2026-01-01T00:00:00.000Z',
          case: {
            id: 'case-1',
            number: 'GL-000001',
            status: 'OPEN',
            severity: 'B',
            responseClock: { state: 'RUNNING', dueAt: null },
            organization,
          },
        },
      },
    };
    const context = { viewerToken: 'signed', requestId: 'r1' };
    const result = await planner.executeEvent(plan, event, {
      serviceMap: { cases: cases.ds, accounts: accounts.ds, billing: billing.ds },
      context,
      variables: { organizationId: 'org-contoso' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      caseEvents: {
        ...event.data.caseEvents,
        case: {
          ...event.data.caseEvents.case,
          organization: {
            id: 'org-contoso',
            name: 'Contoso',
            supportEntitlement: { planFamily: 'ENTERPRISE' },
          },
        },
      },
    });
    expect(cases.seen).toHaveLength(0);
    expect(accounts.seen[0]!.context).toBe(context);
    expect(accounts.seen[0]!.request.variables?.representations).toEqual([
      { __typename: 'Organization', id: 'org-contoso' },
    ]);
    // billing's supportEntitlement @requires the cloud, which accounts supplied first.
    expect(billing.seen[0]!.request.variables?.representations).toEqual([
      { __typename: 'Organization', id: 'org-contoso', cloud: 'GLOBAL' },
    ]);
  });

  it('passes subgraph errors of an event through', async () => {
    const plan = planner.plan(document, 'CaseEvents');
    const result = await planner.executeEvent(
      plan,
      { errors: [{ message: 'You may not see the cases of organization "org-x".' }] },
      { serviceMap: {}, context: {}, variables: {} },
    );
    expect(result.errors?.[0]?.message).toMatch(/org-x/);
  });
});
