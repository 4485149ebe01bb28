import type { Server } from 'node:http';
import type { ServiceMap } from '@apollo/gateway';
import type { NextFunction, Request, Response } from 'express';
import { type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { UnauthenticatedError } from '../../lib/errors/domain-errors';
import {
  type ErrorFormatter,
  formatError,
  formatResult,
  requestStatusOf,
} from '../../lib/errors/graphql-errors';
import { sendHttpError } from '../../lib/http/http-errors';
import type { Logger } from '../../lib/logging/logger';
import { authenticate } from '../auth/authenticate';
import { authenticationFailure } from '../auth/authentication-failure';
import type { TokenVerifier } from '../auth/token-verifier';
import type { ViewerDirectory } from '../auth/viewer-directory';
import type { LiveMetrics } from '../observability/metrics';
import type { createOperationLimits } from '../security/operation-limits';
import type { SubgraphDataSource } from '../subgraph-data-source';
import { FederatedSubscriptionPlanner } from './federated-subscription-plan';
import {
  createLiveExecutor,
  type LiveCaller,
  type LiveTransport,
  TOKEN_EXPIRED,
  TOO_SLOW,
} from './live-executor';
import { createLiveOperationCheck } from './live-operation';
import { sendSharedFrames, sharedFrame } from './shared-frames';
import { sseTransport } from './sse-backpressure';
import { createUpstreamPool } from './upstream-pool';

// Subscriptions at the gateway's /graphql: graphql-ws (websocket upgrade) and graphql-sse
// (POST with Accept: text/event-stream, distinct connections mode). Both authenticate the
// caller's bearer token, refuse anonymous callers, and run the same federated executor.

export const KEEP_ALIVE_MS = 12_000;
/** Close code when the caller's token expires mid-connection (graphql-ws uses 4403 Forbidden). */
export const CLOSE_TOKEN_EXPIRED = 4403;
/** Close code for a client that fell LIVE_CLIENT_BUFFER results behind (as HTTP 429). */
export const CLOSE_TOO_SLOW = 4429;

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

interface LiveContext extends Record<PropertyKey, unknown> {
  caller: LiveCaller;
  transport: LiveTransport;
}

const ONLY_SUBSCRIPTIONS =
  'This endpoint streams subscriptions; send queries and mutations as HTTP POST.';

export function createLiveEndpoints(options: LiveEndpointsOptions) {
  const { verify, directory, log } = options;
  const formatted = <R extends Pick<ExecutionResult, 'errors'>>(result: R) =>
    formatResult(options.formatError, result);
  const refusal = (error: unknown) => formatError(options.formatError, error);
  const planner = new FederatedSubscriptionPlanner(options.supergraphSdl);
  const serviceMap: ServiceMap = Object.fromEntries(
    Object.keys(options.subgraphUrls).map((name) => [name, options.dataSource(name)]),
  );
  const { metrics } = options;
  const check = createLiveOperationCheck(planner.schema, options.limits, options.formatError);
  const pool = createUpstreamPool({
    urls: options.subgraphUrls,
    size: options.upstreamConnections,
    credentials: () => directory.service(),
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
    log,
  });

  /** From an Authorization value to a caller; anonymous and invalid tokens are refused. */
  async function callerOf(authorization: unknown): Promise<LiveCaller> {
    if (typeof authorization !== 'string' || !authorization) {
      throw new UnauthenticatedError('Live updates need "Authorization: Bearer <token>".');
    }
    const { viewer, token, expiresAt, signIn } = await authenticate(
      authorization,
      verify,
      directory,
    ).catch((error: unknown) => {
      if (!(error instanceof UnauthenticatedError)) log.warn({ err: error }, 'live sign-in failed');
      throw authenticationFailure(error);
    });
    return { signed: { viewer, token }, refresh: () => directory.resolve(signIn!), expiresAt };
  }

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

  const callers = new WeakMap<object, LiveCaller>();
  const sseHandler = createHandler<LiveContext>({
    schema: planner.schema,
    onSubscribe: async (req, params) => {
      try {
        callers.set(req.raw, await callerOf(req.raw.header('authorization')));
      } catch (error) {
        const refused = refusal(error);
        const status = requestStatusOf(refused.extensions.code);
        return [JSON.stringify({ errors: [refused] }), { status, statusText: '' }];
      }
      const checked = check(params);
      if (Array.isArray(checked)) return { data: null, errors: checked };
    },
    context: (req) => ({
      caller: callers.get(req.raw)!,
      transport: sseTransport(req.context.res),
    }),
    onNext: (_ctx, _req, result) => formatted(result),
    subscribe,
    execute,
  });

  /** Express middleware for /graphql: takes event-stream requests, passes everything else on. */
  const sse = (req: Request, res: Response, next: NextFunction) => {
    if (!req.header('accept')?.includes('text/event-stream')) return next();
    // graphql-sse answers these itself, without a code.
    const problem = paramsProblem(req.method === 'POST' ? req.body : req.query);
    if (problem) return sendHttpError(res, 400, 'BAD_REQUEST', problem);
    sseHandler(req, res).catch((error) => {
      log.error({ err: error }, 'live update stream failed');
      if (!res.headersSent) {
        sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error; try again later.');
      }
    });
  };

  /** Serves graphql-ws on the server's /graphql; returns the closer. */
  function attach(server: Server): () => Promise<void> {
    const wss = new WebSocketServer({ server, path: '/graphql' });
    wss.on('connection', (socket) => {
      metrics.connections.inc();
      sendSharedFrames(socket);
      socket.once('close', () => metrics.connections.dec());
    });
    const socketCallers = new WeakMap<object, LiveCaller>();
    const disposable = useServer(
      {
        schema: planner.schema,
        onConnect: async (ctx) => {
          try {
            const caller = await callerOf(ctx.connectionParams?.authorization);
            socketCallers.set(ctx.extra, caller);
            if (caller.expiresAt !== null) {
              const { socket } = ctx.extra;
              const timer = setTimeout(
                () => socket.close(CLOSE_TOKEN_EXPIRED, TOKEN_EXPIRED),
                Math.max(0, caller.expiresAt * 1000 - Date.now()),
              );
              socket.once('close', () => clearTimeout(timer));
            }
            return true;
          } catch {
            return false;
          }
        },
        onSubscribe: (_ctx, _id, payload) => {
          const checked = check(payload);
          if (Array.isArray(checked)) return checked;
          return {
            schema: planner.schema,
            document: checked,
            variableValues: payload.variables,
            operationName: payload.operationName,
          };
        },
        onNext: (ctx, id, _payload, _args, result) =>
          sharedFrame(ctx.extra.socket, id, formatted(result)),
        context: (ctx) =>
          ({
            caller: socketCallers.get(ctx.extra)!,
            transport: {
              name: 'graphql-ws',
              closesAtExpiry: true,
              // The close frame queues behind what the client has not read; ws destroys the
              // socket if the close handshake does not finish within its timeout (30 s).
              cutOff: (queue) => {
                queue.end();
                ctx.extra.socket.close(CLOSE_TOO_SLOW, TOO_SLOW);
              },
            },
          }) satisfies LiveContext,
        subscribe,
        execute,
      },
      wss,
      options.keepAliveMs ?? KEEP_ALIVE_MS,
    );
    return async () => {
      await disposable.dispose();
      await new Promise<void>((done) => wss.close(() => done()));
      await pool.dispose();
    };
  }

  return { sse, attach, planner };
}

/** What graphql-sse would refuse in a request's operation parameters, said with a code. */
function paramsProblem(params: { query?: unknown; variables?: unknown }): string | null {
  if (typeof params.query !== 'string' || !params.query) {
    return 'Send the subscription as "query", a string.';
  }
  const { variables } = params;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    // A GET carries its variables as JSON text; graphql-sse parses it.
    if (typeof variables !== 'string') return '"variables" must be an object.';
  }
  return null;
}
