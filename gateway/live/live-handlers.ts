import type { ServiceMap } from '@apollo/gateway';
import { type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { type ErrorFormatter, formatError, formatResult } from '../../lib/errors/graphql-errors';
import type { Logger } from '../../lib/logging/logger';
import type { TokenVerifier } from '../auth/token-verifier';
import type { ViewerDirectory } from '../auth/viewer-directory';
import type { LiveMetrics } from '../observability/metrics';
import type { createOperationLimits } from '../security/operation-limits';
import type { SubgraphDataSource } from '../subgraph-data-source';
import { FederatedSubscriptionPlanner } from './federated-subscription-plan';
import { liveCallers } from './live-caller';
import { createLiveExecutor, type LiveCaller, type LiveTransport } from './live-executor';
import { createLiveOperationCheck } from './live-operation';
import { createUpstreamPool } from './upstream-pool';

// What both transports share: the schema, the operation check, the caller's sign-in, the
// federated executor, and how results and refusals are formatted.

export interface LiveEndpointsOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  /** The gateway's data source factory, so events get the same timeout and metrics as queries. */
  dataSource: (name: string) => SubgraphDataSource;
  verify: TokenVerifier;
  directory: ViewerDirectory;
  log: Logger;
  metrics: LiveMetrics;
  /** The operation limits of queries, applied to subscriptions too. */
  limits: ReturnType<typeof createOperationLimits>;
  /** The gateway's error formatter: subscriptions' errors are mapped as queries' are. */
  formatError: ErrorFormatter;
  /** graphql-ws connections to each subgraph (LIVE_UPSTREAM_CONNECTIONS). */
  upstreamConnections: number;
  /** Results a client may fall behind before it is cut off (LIVE_CLIENT_BUFFER). */
  clientBuffer: number;
  keepAliveMs?: number;
}

export interface LiveContext extends Record<PropertyKey, unknown> {
  caller: LiveCaller;
  transport: LiveTransport;
}

const ONLY_SUBSCRIPTIONS =
  'This endpoint streams subscriptions; send queries and mutations as HTTP POST.';

export type LiveHandlers = ReturnType<typeof createLiveHandlers>;

export function createLiveHandlers(options: LiveEndpointsOptions) {
  const { planner, pool, live } = federatedExecutor(options);
  const refusal = (error: unknown) => formatError(options.formatError, error);

  const subscribe = (args: ExecutionArgs) => {
    const { caller, transport } = args.contextValue as LiveContext;
    try {
      return live({
        document: args.document,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        operationName: args.operationName,
        caller,
        transport,
      });
    } catch (error) {
      return { errors: [refusal(error)] } satisfies ExecutionResult;
    }
  };
  const execute = (): ExecutionResult => ({
    errors: [new GraphQLError(ONLY_SUBSCRIPTIONS, { extensions: { code: 'BAD_REQUEST' } })],
  });

  return {
    planner,
    pool,
    schema: planner.schema,
    check: createLiveOperationCheck(planner.schema, options.limits, options.formatError),
    callerOf: liveCallers(options.verify, options.directory, options.log),
    formatted: <R extends Pick<ExecutionResult, 'errors'>>(result: R) =>
      formatResult(options.formatError, result),
    refusal,
    subscribe,
    execute,
  };
}

/** The supergraph's subscription planner, the upstream connections, and the executor on both. */
function federatedExecutor(options: LiveEndpointsOptions) {
  const { metrics } = options;
  const planner = new FederatedSubscriptionPlanner(options.supergraphSdl);
  const serviceMap: ServiceMap = Object.fromEntries(
    Object.keys(options.subgraphUrls).map((name) => [name, options.dataSource(name)]),
  );
  const pool = createUpstreamPool({
    urls: options.subgraphUrls,
    size: options.upstreamConnections,
    credentials: () => options.directory.service(),
    onConnectionsChange: (subgraph, delta) => metrics.upstreamConnections.inc({ subgraph }, delta),
    onSubscriptionsChange: (subgraph, delta) =>
      metrics.upstreamSubscriptions.inc({ subgraph }, delta),
  });
  const live = createLiveExecutor({
    planner,
    serviceMap,
    pool,
    clientBuffer: options.clientBuffer,
    metrics,
    log: options.log,
  });
  return { planner, pool, live };
}
