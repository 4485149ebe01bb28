import { operationFromDocument, type Schema, Supergraph } from '@apollo/federation-internals';
import {
  buildOperationContext,
  executeQueryPlan,
  type GraphQLDataSource,
  type ServiceMap,
} from '@apollo/gateway';
import { type FetchNode, type PlanNode, QueryPlanner } from '@apollo/query-planner';
import {
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { LRUCache } from 'lru-cache';

// The one module that touches @apollo/gateway's internal shapes for subscriptions.
//
// @apollo/query-planner plans a subscription as { primary: Fetch on the owning subgraph, rest }.
// We run `primary` as a subscription ourselves (upstream.ts); for each event this module runs the
// plan [primary, rest] through the gateway's own executeQueryPlan, with the primary subgraph's
// data source answering `primary` with the event. The gateway's executor then fetches the entity
// fields of other subgraphs and shapes the response exactly as for a query.
//
// executeQueryPlan's request context is an internal shape (GatewayGraphQLRequestContext): we fill
// only what 2.14 reads (request.variables, context, logger, metrics). A minor Apollo upgrade may
// change it: test/unit/gateway/federated-subscription-plan.test.ts pins the behaviour.

type RequestContext = Parameters<typeof executeQueryPlan>[2];
type OperationContext = Parameters<typeof executeQueryPlan>[3];

export interface SubscriptionPlan {
  /** The subscription to open on the owning subgraph. */
  primary: FetchNode;
  /** What other subgraphs contribute to each event; absent when one subgraph has it all. */
  rest?: PlanNode;
  operationContext: OperationContext;
}

export interface EventExecution {
  /** Data sources of the supergraph's subgraphs, by name (the gateway's own entity fetching). */
  serviceMap: ServiceMap;
  /** The gateway context handed to data sources (signed viewer, request id). */
  context: Record<string, unknown>;
  variables: Record<string, unknown>;
}

export class FederatedSubscriptionPlanner {
  /** The API schema clients validate against (graphql-js). */
  readonly schema: GraphQLSchema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly api: Schema;
  private readonly planner: QueryPlanner;
  /** Plans by operation text: thousands of dashboards subscribe with the same few documents. */
  private readonly plans = new LRUCache<string, SubscriptionPlan>({ max: PLAN_CACHE_SIZE });

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.api = supergraph.apiSchema();
    this.schema = this.api.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** Plans a subscription operation; throws when the document is not one. */
  plan(document: DocumentNode, operationName?: string | null): SubscriptionPlan {
    const text = document.loc?.source.body;
    if (text === undefined) return this.build(document, operationName);
    const key = `${operationName ?? ''}\n${text}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = this.build(document, operationName);
      this.plans.set(key, plan);
    }
    return plan;
  }

  private build(document: DocumentNode, operationName?: string | null): SubscriptionPlan {
    const operationContext = buildOperationContext({
      schema: this.schema,
      operationDocument: document,
      operationName: operationName ?? undefined,
    });
    const operation = operationFromDocument(this.api, document, {
      operationName: operationName ?? undefined,
    });
    const plan = this.planner.buildQueryPlan(operation);
    if (plan.node?.kind !== 'Subscription') {
      throw new Error('Only subscription operations are planned here.');
    }
    return { primary: plan.node.primary, rest: plan.node.rest, operationContext };
  }

  /** Resolves one event of `primary` into the client's full, federated result. */
  async executeEvent(
    plan: SubscriptionPlan,
    event: FormattedExecutionResult<Record<string, unknown>, unknown>,
    execution: EventExecution,
  ): Promise<ExecutionResult> {
    if (!event.data) {
      return {
        errors: (event.errors ?? []).map(
          (e) => new GraphQLError(e.message, { extensions: e.extensions }),
        ),
      };
    }
    const { primary, rest } = plan;
    const upstream = execution.serviceMap[primary.serviceName];
    const answering: GraphQLDataSource = {
      process: (options) =>
        options.request.query === primary.operation
          ? Promise.resolve({
              data: event.data as Record<string, unknown>,
              errors: event.errors as never,
            })
          : upstream!.process(options),
    };
    const requestContext = {
      request: {
        variables: execution.variables,
        operationName: plan.operationContext.operation.name?.value,
      },
      context: execution.context,
      logger: silentLogger,
      metrics: {},
      operation: plan.operationContext.operation,
    } as unknown as RequestContext;
    const result = await executeQueryPlan(
      {
        kind: 'QueryPlan',
        node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary,
      },
      { ...execution.serviceMap, [primary.serviceName]: answering },
      requestContext,
      plan.operationContext,
      this.supergraphSchema,
      this.api,
    );
    return {
      data: result.data ?? null,
      ...(result.errors?.length ? { errors: result.errors as GraphQLError[] } : {}),
    };
  }
}

/** Distinct subscription documents kept planned; the least recently used goes first. */
const PLAN_CACHE_SIZE = 500;
const noop = () => {};
const silentLogger = { debug: noop, info: noop, warn: noop, error: noop };
