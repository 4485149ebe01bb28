import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import { type DocumentNode, type ExecutionResult, GraphQLError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '../../lib/logging/logger';
import { VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import type { SignedViewer } from '../auth/viewer-directory';
import type { FederatedSubscriptionPlanner } from './federated-subscription-plan';

// Runs one client subscription: plan it, open `primary` as a graphql-ws subscription on the owning
// subgraph with the signed viewer context, and turn every upstream event into the client's full
// federated result. Transport-neutral: the websocket and SSE endpoints both consume this.

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
  /** HTTP URL of each subgraph's /graphql; its websocket is the same URL with ws(s). */
  subgraphUrls: Record<string, string>;
  log: Logger;
}

export interface LiveRequest {
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName?: string | null;
  caller: LiveCaller;
}

export const TOKEN_EXPIRED = 'The token has expired; subscribe again with a fresh one.';

export function createLiveExecutor(options: LiveExecutorOptions) {
  const { planner, serviceMap, log } = options;

  return function subscribe(request: LiveRequest): AsyncIterableIterator<ExecutionResult> {
    const plan = planner.plan(request.document, request.operationName);
    const { primary } = plan;
    const url = options.subgraphUrls[primary.serviceName]!.replace(/^http/, 'ws');
    const requestId = randomUUID();
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: { [VIEWER_HEADER]: request.caller.signed.token },
    });
    const variables = Object.fromEntries(
      (primary.variableUsages ?? [])
        .filter((name) => name in request.variables)
        .map((name) => [name, request.variables[name]]),
    );
    const upstream = client.iterate({
      query: primary.operation,
      variables,
      operationName: primary.operationName,
    });
    const expiry = request.caller.expiresAt
      ? setTimeout(
          () => void client.dispose(),
          Math.max(0, request.caller.expiresAt * 1000 - Date.now()),
        )
      : null;
    const expired = () =>
      request.caller.expiresAt !== null && request.caller.expiresAt * 1000 <= Date.now();

    const expiredError = () =>
      new GraphQLError(TOKEN_EXPIRED, { extensions: { code: 'UNAUTHENTICATED' } });

    async function* run(): AsyncGenerator<ExecutionResult> {
      try {
        for await (const event of upstream) {
          const signed = await request.caller.refresh();
          yield await planner.executeEvent(plan, event, {
            serviceMap,
            variables: request.variables,
            context: {
              viewer: signed.viewer,
              viewerToken: signed.token,
              requestId,
              log: log.child({ requestId }),
            },
          });
        }
        if (expired()) yield { errors: [expiredError()] };
      } catch (error) {
        yield { errors: expired() ? [expiredError()] : upstreamErrors(error) };
      } finally {
        if (expiry) clearTimeout(expiry);
        await client.dispose();
      }
    }
    const generator = run();
    return {
      next: () => generator.next(),
      // The client left: closing upstream ends a pending wait, then the generator can finish.
      return: async () => {
        await client.dispose();
        return generator.return(undefined);
      },
      throw: (error) => generator.throw(error),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };
}

/** What graphql-ws' client throws: GraphQL errors from the subgraph, or a close event. */
function upstreamErrors(error: unknown): GraphQLError[] {
  if (Array.isArray(error)) {
    return error.map(
      (e: { message?: string; extensions?: Record<string, unknown> }) =>
        new GraphQLError(e.message ?? 'Subscription failed.', { extensions: e.extensions }),
    );
  }
  return [
    new GraphQLError('Live updates are unavailable right now; resume with your last cursor.', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    }),
  ];
}
