import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { type PlanNode, type QueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fetchRendezvous } from '../../../gateway/fetch-rendezvous';

// Which fetches of the contract operations' real query plans wait for a sibling branch, and when
// a waiting fetch is let go: at once when its siblings came, or once the branches that could
// still send one have nothing in flight.

const supergraph = Supergraph.build(readFileSync('schema/supergraph.graphql', 'utf8'));
const planner = new QueryPlanner(supergraph);

function planOf(file: string, name: string): QueryPlan {
  const document = parse(readFileSync(`contract/operations/${file}`, 'utf8'));
  return planner.buildQueryPlan(
    operationFromDocument(supergraph.schema, document, { operationName: name }),
  );
}

/** Each fetch's operation by its subgraph and the path it is flattened at ('' at the root). */
function fetchesOf(node: PlanNode | undefined, path = ''): Record<string, string> {
  switch (node?.kind) {
    case 'Fetch':
      return { [`${node.serviceName}@${path}`]: node.operation };
    case 'Flatten':
      return fetchesOf(node.node, node.path.join('.'));
    case 'Sequence':
    case 'Parallel':
      return Object.assign({}, ...node.nodes.map((child) => fetchesOf(child, path)));
    default:
      return {};
  }
}

/** A fetch in flight until `settle` is called. */
function inFlight() {
  let settle!: () => void;
  const answer = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return { answer, settle };
}

const macrotask = () => new Promise((resolve) => setImmediate(resolve));

describe('fetch rendezvous', () => {
  const plan = planOf('support-picture.graphql', 'SupportPicture');
  const fetch = fetchesOf(plan.node as PlanNode);
  const openers = fetch['accounts@organization.cases.edges.@.node.openedBy'];
  const subscriptionPartners = fetch['accounts@organization.subscriptions.@.partner'];
  const entitlementPartner = fetch['accounts@organization.supportEntitlement.partner'];

  function startedPicture() {
    const rendezvous = fetchRendezvous();
    const context = {};
    rendezvous.planResolved({ queryPlan: plan, requestContext: { context } });
    const progress = rendezvous.progressOf(context);
    if (!progress) throw new Error('SupportPicture has a rendezvous');
    const cases = inFlight();
    const billing = inFlight();
    const tracked = [
      progress.track([fetch['cases@organization']], cases.answer),
      progress.track([fetch['billing@organization']], billing.answer),
    ];
    return { progress, cases, billing, tracked };
  }

  it("holds SupportPicture's partner fetches for the case openers' while cases is in flight", async () => {
    const { progress, cases, billing, tracked } = startedPicture();
    billing.settle();
    progress.arrive(subscriptionPartners);
    progress.arrive(entitlementPartner);
    expect(progress.mustWait(subscriptionPartners)).toBe(true);
    expect(progress.mustWait(entitlementPartner)).toBe(true);
    cases.settle();
    await Promise.all(tracked);
    progress.arrive(openers);
    for (const member of [openers, subscriptionPartners, entitlementPartner]) {
      expect(progress.mustWait(member)).toBe(false);
    }
  });

  it('lets them go after cases returns with no opener to ask for', async () => {
    const { progress, cases, billing, tracked } = startedPicture();
    billing.settle();
    progress.arrive(subscriptionPartners);
    let rechecked = false;
    progress.whenAFetchReturns(() => {
      rechecked = true;
    });
    await tracked[1];
    await macrotask();
    // Billing's return wakes the waiting batch, but cases is still in flight.
    expect(rechecked).toBe(true);
    expect(progress.mustWait(subscriptionPartners)).toBe(true);
    cases.settle();
    await tracked[0];
    expect(progress.mustWait(subscriptionPartners)).toBe(false);
  });

  it('never holds the fetches that start a request or its branches', () => {
    const { progress } = startedPicture();
    for (const name of ['accounts@', 'cases@organization', 'billing@organization']) {
      expect(progress.mustWait(fetch[name])).toBe(false);
    }
  });

  it('gives plans whose same-subgraph fetches leave together no rendezvous', () => {
    for (const [file, name] of [
      ['case-detail.graphql', 'CaseDetail'],
      ['partner-dashboard.graphql', 'PartnerDashboard'],
      ['open-case.graphql', 'OpenCase'],
      ['response-target.graphql', 'ResponseTarget'],
    ]) {
      const rendezvous = fetchRendezvous();
      const context = {};
      rendezvous.planResolved({ queryPlan: planOf(file, name), requestContext: { context } });
      expect(rendezvous.progressOf(context), name).toBeUndefined();
    }
  });
});
