import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import { type DocumentNode, type ExecutionResult, GraphQLError, print } from 'graphql';
import { isConnectionLost, liveUnavailable } from '../../lib/federation/subgraph-availability';
import type { Logger } from '../../lib/logging/logger';
import type { SignedViewer } from '../auth/viewer-directory';
import type { LiveMetrics } from '../observability/metrics';
import { type ClientQueue, type ClientQueueOptions, createClientQueue } from './client-queue';
import { createEventExecutionMemo } from './event-execution-memo';
import type { FederatedSubscriptionPlanner, SubscriptionPlan } from './federated-subscription-plan';
import { cursorOnlyVariables, replaysFromCursor } from './replay-cursor';
import { createSharedSubscription, factsOf, type SharedSubscription } from './shared-subscription';
import type { FrameWriter } from './socket-frames';
import { createSocketQueue } from './socket-queue';
import type { UpstreamPool } from './upstream-pool';

// Runs client subscriptions: plan each, share one upstream subscription (over the bounded
// connection pool) and one federated execution per event among identical subscriptions, and give
// every client its own bounded queue. Transport-neutral: the websocket and SSE endpoints both
// consume this.

export interface LiveCaller {
  /** The signed viewer; `refresh` re-resolves it (delegations may change, signatures expire). */
  signed: SignedViewer;
  refresh: () => Promise<SignedViewer>;
  /** Seconds since epoch when the caller's token expires. */
  expiresAt: number | null;
}

export interface LiveExecutorOptions {
  planner: FederatedSubscriptionPlanner;
  serviceMap: ServiceMap;
  pool: UpstreamPool;
  /** Results a client may fall behind before it is cut off. */
  clientBuffer: number;
  metrics: LiveMetrics;
  log: Logger;
}

export interface LiveRequest {
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName?: string | null;
  caller: LiveCaller;
  transport: LiveTransport;
}

/** What the executor needs of the client's connection. */
export interface LiveTransport {
  name: 'graphql-ws' | 'graphql-sse';
  /** Ends the client's stream as too slow (TOO_SLOW), its queue already dropped. */
  cutOff: (queue: ClientQueue) => void;
  /** See ClientQueueOptions.ready. */
  ready?: () => Promise<void>;
  /** The connection itself closes when the token expires (websocket 4403); else the stream ends. */
  closesAtExpiry?: boolean;
  /** Results are written to the connection as they come (websocket); else the transport reads them. */
  frames?: FrameWriter;
}

/**
 * How long a shared subscription executes events with the viewer its last refresh gave. The
 * directory hands out signed contexts at most half their life (2 minutes) old; 15 s more keeps
 * them valid at the subgraphs.
 */
const SIGNED_VIEWER_REUSE_MS = 15_000;

/** How long an event's result is kept for subscriptions whose upstream delivers it later. */
const EXECUTION_KEEP_MS = 2_000;

export const TOKEN_EXPIRED = 'The token has expired; subscribe again with a fresh one.';
export const TOO_SLOW = 'Too slow: resume with your last cursor.';

export function createLiveExecutor(options: LiveExecutorOptions) {
  const { planner, metrics, log } = options;
  const shared = new Map<string, SharedSubscription>();
  const executions = createEventExecutionMemo(EXECUTION_KEEP_MS);

  function open(
    plan: SubscriptionPlan,
    request: LiveRequest,
    resolvedBy: string,
    key: string | null,
  ) {
    const { primary } = plan;
    const requestId = randomUUID();
    const variables = Object.fromEntries(
      (primary.variableUsages ?? [])
        .filter((name) => name in request.variables)
        .map((name) => [name, request.variables[name]]),
    );
    const subscription: SharedSubscription = createSharedSubscription({
      opened: request.caller.signed,
      refresh: request.caller.refresh,
      open: (sink) =>
        options.pool.subscribe(
          primary.serviceName,
          { query: primary.operation, variables, operationName: primary.operationName },
          request.caller.signed.token,
          sink,
        ),
      execute: (event, signed) =>
        executions.execute(
          `${resolvedBy}\n${factsOf(signed.viewer)}\n${JSON.stringify(event)}`,
          () => {
            metrics.executions.inc();
            return planner.executeEvent(plan, event, {
              serviceMap: options.serviceMap,
              variables: request.variables,
              context: {
                viewer: signed.viewer,
                viewerToken: signed.token,
                requestId,
                log: log.child({ requestId }),
              },
            });
          },
        ),
      reuseMs: SIGNED_VIEWER_REUSE_MS,
      failure: upstreamErrors,
      onEmpty: () => {
        if (key && shared.get(key) === subscription) shared.delete(key);
      },
      onDelivered: (count) => metrics.delivered.inc(count),
    });
    if (key) shared.set(key, subscription);
    return subscription;
  }

  return function subscribe(request: LiveRequest): AsyncIterableIterator<ExecutionResult> {
    const plan = planner.plan(request.document, request.operationName);
    const resolvedBy = resultKey(request);
    // A cursor replays history for this client alone; live-only subscriptions can be shared.
    const key = replaysFromCursor(request.document, request.variables) ? null : resolvedBy;
    const subscription = (key && shared.get(key)) || open(plan, request, resolvedBy, key);
    const expiry =
      request.caller.expiresAt === null || request.transport.closesAtExpiry
        ? null
        : setTimeout(
            () => queue.end({ errors: [expiredError()] }),
            Math.max(0, request.caller.expiresAt * 1000 - Date.now()),
          );
    const queueOptions: ClientQueueOptions = {
      limit: options.clientBuffer,
      ready: request.transport.ready,
      onOverflow: (q) => {
        metrics.cutOff.inc({ transport: request.transport.name });
        request.transport.cutOff(q);
      },
      onClose: () => {
        if (expiry) clearTimeout(expiry);
        metrics.subscriptions.dec();
        subscription.leave(queue);
      },
    };
    const { frames } = request.transport;
    const queue = frames
      ? createSocketQueue(queueOptions, frames)
      : createClientQueue(queueOptions);
    metrics.subscriptions.inc();
    subscription.join(queue);
    return queue;
  };
}

/**
 * What decides an event's result besides the event: the viewer, the document and the variables
 * without the cursor, which only decides where the upstream starts.
 */
function resultKey(request: LiveRequest): string {
  const cursor = cursorOnlyVariables(request.document);
  return JSON.stringify([
    request.caller.signed.viewer.email,
    request.operationName ?? null,
    sourceOf(request.document),
    Object.entries(request.variables).filter(([name]) => !cursor.has(name)),
  ]);
}

/** The operation's text as sent (cheaper than printing), printed when built in code. */
const sourceOf = (document: DocumentNode) => document.loc?.source.body ?? print(document);

const expiredError = () =>
  new GraphQLError(TOKEN_EXPIRED, { extensions: { code: 'UNAUTHENTICATED' } });

/** What graphql-ws' client fails with: GraphQL errors from the subgraph, or a lost connection. */
function upstreamErrors(error: unknown): GraphQLError[] {
  if (isConnectionLost(error)) return [liveUnavailable()];
  return (error as { message?: string; extensions?: Record<string, unknown> }[]).map(
    (e) => new GraphQLError(e.message ?? 'Subscription failed.', { extensions: e.extensions }),
  );
}
