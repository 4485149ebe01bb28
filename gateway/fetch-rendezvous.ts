import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';

// SupportPicture's plan runs two branches side by side, cases then accounts (who opened each
// case) and billing then accounts (each partner's name). The two accounts fetches leave when
// their branch's first fetch returns, at different moments, so same-tick batching cannot merge
// them: the subgraph pays a whole request's fixed cost twice. A fetch that ends its branch loses
// nothing by waiting for its sibling branch's fetch to the same subgraph (the request ends when
// the slower branch does), so such fetches wait for each other and leave as one operation.

/** Fetches of one Parallel node that end their branches, to one subgraph, in two or more branches. */
interface Rendezvous {
  /** The operations that meet here. */
  members: Set<string>;
  /** The branches' other fetches: while one is in flight, a member may still come. */
  feeders: Set<string>;
}

interface Tail {
  fetch: FetchNode;
  /** Something in its branch runs before it, so it does not leave when the branch starts. */
  late: boolean;
}

/** The fetches that end a node: nothing in the node waits for them. */
function tails(node: PlanNode | undefined, late: boolean): Tail[] {
  switch (node?.kind) {
    case 'Fetch':
      return [{ fetch: node, late }];
    case 'Flatten':
      return tails(node.node, late);
    case 'Parallel':
      return node.nodes.flatMap((child) => tails(child, late));
    case 'Sequence':
      return tails(node.nodes.at(-1), late || node.nodes.length > 1);
    case 'Condition':
      return [...tails(node.ifClause, late), ...tails(node.elseClause, late)];
    default:
      return [];
  }
}

/** The node and every node under it. */
function nodesIn(node: PlanNode | undefined): PlanNode[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Flatten':
      return [node, ...nodesIn(node.node)];
    case 'Parallel':
    case 'Sequence':
      return [node, ...node.nodes.flatMap(nodesIn)];
    case 'Condition':
      return [node, ...nodesIn(node.ifClause), ...nodesIn(node.elseClause)];
    default:
      return [node];
  }
}

const fetchesIn = (node: PlanNode | undefined) =>
  nodesIn(node).filter((n): n is FetchNode => n.kind === 'Fetch');

function rendezvousOf(parallel: PlanNode & { kind: 'Parallel' }): Rendezvous[] {
  const byService = new Map<string, { members: Set<string>; branches: number }>();
  for (const branch of parallel.nodes) {
    const late = tails(branch, false).filter(({ fetch, late }) => late && fetch.requires);
    for (const service of new Set(late.map(({ fetch }) => fetch.serviceName))) {
      const entry = byService.get(service) ?? { members: new Set<string>(), branches: 0 };
      for (const { fetch } of late)
        if (fetch.serviceName === service) entry.members.add(fetch.operation);
      entry.branches += 1;
      byService.set(service, entry);
    }
  }
  const everyFetch = fetchesIn(parallel).map((fetch) => fetch.operation);
  return [...byService.values()]
    .filter(({ branches }) => branches > 1)
    .map(({ members }) => ({
      members,
      feeders: new Set(everyFetch.filter((operation) => !members.has(operation))),
    }));
}

/** Fetches are told apart by their operation text: a plan that repeats one gets no rendezvous. */
function planRendezvous(plan: QueryPlan): Rendezvous[] {
  const node = plan.node?.kind === 'Subscription' ? undefined : plan.node;
  const operations = fetchesIn(node).map((fetch) => fetch.operation);
  if (new Set(operations).size !== operations.length) return [];
  return nodesIn(node)
    .filter((n): n is PlanNode & { kind: 'Parallel' } => n.kind === 'Parallel')
    .flatMap(rendezvousOf);
}

/**
 * One client request's progress through its plan: which fetches have come to the data sources,
 * which are in flight. `mustWait` says whether a fetch should stay back for a sibling; after any
 * fetch returns, the waiting batches are asked again once the plan had a macrotask to send its
 * next fetches (the executor sends them in microtasks after a fetch's answer).
 */
export class PlanProgress {
  private readonly arrived = new Set<string>();
  private readonly inFlight = new Map<string, number>();
  private waiting: (() => void)[] = [];

  constructor(private readonly rendezvous: Rendezvous[]) {}

  arrive(operation: string): void {
    this.arrived.add(operation);
  }

  /** Counts the fetches in flight until their answer settles. */
  track<T>(operations: string[], answer: Promise<T>): Promise<T> {
    for (const operation of operations) {
      this.inFlight.set(operation, (this.inFlight.get(operation) ?? 0) + 1);
    }
    return answer.finally(() => {
      for (const operation of operations) {
        const left = (this.inFlight.get(operation) ?? 1) - 1;
        if (left > 0) this.inFlight.set(operation, left);
        else this.inFlight.delete(operation);
      }
      if (this.waiting.length > 0) setImmediate(() => this.wake());
    });
  }

  /** Whether a member of some rendezvous still expects a sibling that a fetch in flight may send. */
  mustWait(operation: string): boolean {
    return this.rendezvous.some(
      ({ members, feeders }) =>
        members.has(operation) &&
        [...members].some((member) => !this.arrived.has(member)) &&
        [...feeders].some((feeder) => this.inFlight.has(feeder)),
    );
  }

  /** Calls `recheck` once, after the next fetch of this request returns. */
  whenAFetchReturns(recheck: () => void): void {
    this.waiting.push(recheck);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const recheck of waiting) recheck();
  }
}

/**
 * The progress of each client request, found by its context object. Query plans come from the
 * gateway's plan cache, so each plan's rendezvous are worked out once.
 */
export function fetchRendezvous() {
  const byPlan = new WeakMap<QueryPlan, Rendezvous[]>();
  const byRequest = new WeakMap<object, PlanProgress>();
  return {
    /** For ApolloGateway's `experimental_didResolveQueryPlan`. */
    planResolved({
      queryPlan,
      requestContext,
    }: {
      queryPlan: QueryPlan;
      requestContext: { context: object };
    }) {
      let rendezvous = byPlan.get(queryPlan);
      if (!rendezvous) {
        rendezvous = planRendezvous(queryPlan);
        byPlan.set(queryPlan, rendezvous);
      }
      if (rendezvous.length > 0)
        byRequest.set(requestContext.context, new PlanProgress(rendezvous));
    },
    progressOf: (context: object): PlanProgress | undefined => byRequest.get(context),
  };
}

export type FetchRendezvous = ReturnType<typeof fetchRendezvous>;
