import type { Server } from 'node:http';
import { type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logging/logger';
import type { Viewer } from '../viewer/viewer';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../viewer/viewer-token';

// Subscriptions on a subgraph's /graphql, over graphql-ws. Like HTTP requests they answer only the
// gateway: connectionParams must carry the gateway-signed viewer context under the same name as
// the HTTP header. Each subscription gets its own context from `createContext`.

export interface SubgraphWebSocketOptions<C> {
  server: Server;
  schema: GraphQLSchema;
  codec: ViewerTokenCodec;
  log: Logger;
  createContext: (viewer: Viewer, requestId: string) => C;
}

export function serveSubgraphWebSocket<C extends object>(
  options: SubgraphWebSocketOptions<C>,
): () => Promise<void> {
  const wss = new WebSocketServer({ server: options.server, path: '/graphql' });
  const viewers = new WeakMap<object, Viewer>();
  const cleanup = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.[VIEWER_HEADER];
        if (typeof token !== 'string') return false;
        try {
          viewers.set(ctx.extra, await options.codec.verify(token));
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx, id) => {
        const viewer = viewers.get(ctx.extra);
        if (!viewer) throw new Error('Unauthenticated connection.');
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
