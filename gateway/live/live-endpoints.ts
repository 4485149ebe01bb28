import type { Server } from 'node:http';
import type { ServiceMap } from '@apollo/gateway';
import type { NextFunction, Request, Response } from 'express';
import { type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { DomainError } from '../../lib/errors/domain-errors';
import type { Logger } from '../../lib/logging/logger';
import { authenticate } from '../auth/authenticate';
import type { TokenVerifier } from '../auth/token-verifier';
import type { ViewerDirectory } from '../auth/viewer-directory';
import type { SubgraphDataSource } from '../subgraph-data-source';
import { FederatedSubscriptionPlanner } from './federated-subscription-plan';
import { createLiveExecutor, type LiveCaller, TOKEN_EXPIRED } from './live-executor';

// Subscriptions at the gateway's /graphql: graphql-ws (websocket upgrade) and graphql-sse
// (POST with Accept: text/event-stream, distinct connections mode). Both authenticate the
// caller's bearer token, refuse anonymous callers, and run the same federated executor.

export const KEEP_ALIVE_MS = 12_000;
/** Close code when the caller's token expires mid-connection (graphql-ws uses 4403 Forbidden). */
export const CLOSE_TOKEN_EXPIRED = 4403;

export interface LiveEndpointsOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  /** The gateway's data source factory, so events get the same timeout and metrics as queries. */
  dataSource: (name: string) => SubgraphDataSource;
  verify: TokenVerifier;
  directory: ViewerDirectory;
  log: Logger;
  keepAliveMs?: number;
}

interface LiveContext extends Record<PropertyKey, unknown> {
  caller: LiveCaller;
}

const ONLY_SUBSCRIPTIONS =
  'This endpoint streams subscriptions; send queries and mutations as HTTP POST.';

export function createLiveEndpoints(options: LiveEndpointsOptions) {
  const { verify, directory, log } = options;
  const planner = new FederatedSubscriptionPlanner(options.supergraphSdl);
  const serviceMap: ServiceMap = Object.fromEntries(
    Object.keys(options.subgraphUrls).map((name) => [name, options.dataSource(name)]),
  );
  const live = createLiveExecutor({ planner, serviceMap, subgraphUrls: options.subgraphUrls, log });

  /** From an Authorization value to a caller; anonymous and invalid tokens are refused. */
  async function callerOf(authorization: unknown): Promise<LiveCaller> {
    if (typeof authorization !== 'string' || !authorization) {
      throw new GraphQLError('Live updates need "Authorization: Bearer <token>".', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const { viewer, token, expiresAt } = await authenticate(authorization, verify, directory);
    const email = viewer.email!;
    return { signed: { viewer, token }, refresh: () => directory.resolve(email), expiresAt };
  }

  const subscribe = (args: ExecutionArgs) => {
    try {
      return live({
        document: args.document,
        variables: (args.variableValues ?? {}) as Record<string, unknown>,
        operationName: args.operationName,
        caller: (args.contextValue as LiveContext).caller,
      });
    } catch (error) {
      return { errors: [asGraphQLError(error)] } satisfies ExecutionResult;
    }
  };
  const execute = (): ExecutionResult => ({
    errors: [new GraphQLError(ONLY_SUBSCRIPTIONS, { extensions: { code: 'BAD_REQUEST' } })],
  });

  const callers = new WeakMap<object, LiveCaller>();
  const sseHandler = createHandler<LiveContext>({
    schema: planner.schema,
    onSubscribe: async (req) => {
      try {
        callers.set(req.raw, await callerOf(req.raw.header('authorization')));
      } catch (error) {
        const body = JSON.stringify({ errors: [asGraphQLError(error).toJSON()] });
        return [body, { status: 401, statusText: 'Unauthorized' }];
      }
    },
    context: (req) => ({ caller: callers.get(req.raw)! }),
    subscribe,
    execute,
  });

  /** Express middleware for /graphql: takes event-stream requests, passes everything else on. */
  const sse = (req: Request, res: Response, next: NextFunction) => {
    if (!req.header('accept')?.includes('text/event-stream')) return next();
    sseHandler(req, res).catch((error) => {
      log.error({ err: error }, 'live update stream failed');
      if (!res.headersSent) res.status(500).end();
    });
  };

  /** Serves graphql-ws on the server's /graphql; returns the closer. */
  function attach(server: Server): () => Promise<void> {
    const wss = new WebSocketServer({ server, path: '/graphql' });
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
        context: (ctx) => ({ caller: socketCallers.get(ctx.extra)! }) satisfies LiveContext,
        subscribe,
        execute,
      },
      wss,
      options.keepAliveMs ?? KEEP_ALIVE_MS,
    );
    return async () => {
      await disposable.dispose();
      await new Promise<void>((done) => wss.close(() => done()));
    };
  }

  return { sse, attach, planner };
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, { extensions: { code: error.code } });
  }
  return new GraphQLError(error instanceof Error ? error.message : 'Subscription failed.');
}
