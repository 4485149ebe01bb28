import type { Server } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { type ErrorFormatter, formatResult } from '../errors/graphql-errors';
import type { Logger } from '../logging/logger';
import type { Viewer } from '../viewer/viewer';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../viewer/viewer-token';

// Subscriptions on a subgraph's /graphql, over graphql-ws. Only the gateway connects: the
// connection's connectionParams carry the gateway's own signed service identity (as for its
// /internal calls), and the gateway multiplexes many users' subscriptions over a few connections,
// so each subscribe message carries its user's signed viewer context in
// `extensions["x-viewer-context"]`, verified per subscription.

export interface SubgraphWebSocketOptions<C> {
  server: Server;
  schema: GraphQLSchema;
  codec: ViewerTokenCodec;
  log: Logger;
  /** The subgraph's error formatter: a refusal reaches the gateway with its code. */
  formatError: ErrorFormatter;
  createContext: (viewer: Viewer, requestId: string) => C;
}

const refusal = (message: string) => [
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } }),
];

export function serveSubgraphWebSocket<C extends object>(
  options: SubgraphWebSocketOptions<C>,
): () => Promise<void> {
  const { codec } = options;
  const wss = new WebSocketServer({ server: options.server, path: '/graphql' });
  /** Per connection, the verified viewer of each subscription between subscribe and context. */
  const viewers = new WeakMap<object, Map<string, Viewer>>();
  const cleanup = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.[VIEWER_HEADER];
        if (typeof token !== 'string') return false;
        try {
          const identity = await codec.verify(token);
          if (identity.kind !== 'service') return false;
          viewers.set(ctx.extra, new Map());
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const token = payload.extensions?.[VIEWER_HEADER];
        if (typeof token !== 'string') {
          return refusal('Each subscription must carry the gateway-signed viewer context.');
        }
        try {
          viewers.get(ctx.extra)?.set(id, await codec.verify(token));
        } catch {
          return refusal('The viewer context is invalid or expired.');
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(options.formatError, result),
      context: (ctx, id) => {
        const pending = viewers.get(ctx.extra);
        const viewer = pending?.get(id);
        if (!viewer) throw new Error('Unauthenticated subscription.');
        pending!.delete(id);
        return options.createContext(viewer, id) as never;
      },
    },
    wss,
  );
  return async () => {
    await cleanup.dispose();
    await new Promise<void>((done) => wss.close(() => done()));
  };
}
