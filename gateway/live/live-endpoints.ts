import type { Server } from 'node:http';
import { createLiveHandlers, type LiveEndpointsOptions } from './live-handlers';
import { sseEndpoint } from './sse-endpoint';
import { attachWebSockets } from './ws-endpoint';

// Subscriptions at the gateway's /graphql: graphql-ws (websocket upgrade, ws-endpoint.ts) and
// graphql-sse (event-stream requests, sse-endpoint.ts). Both authenticate the caller's bearer
// token (live-caller.ts), refuse anonymous callers, and run the same federated executor
// (live-handlers.ts).

export type { LiveEndpointsOptions } from './live-handlers';

export function createLiveEndpoints(options: LiveEndpointsOptions) {
  const handlers = createLiveHandlers(options);
  /** Serves graphql-ws on the server's /graphql; returns the closer of both transports. */
  function attach(server: Server): () => Promise<void> {
    const closeSockets = attachWebSockets(server, handlers, options.metrics, options.keepAliveMs);
    return async () => {
      await closeSockets();
      await handlers.pool.dispose();
    };
  }
  return { sse: sseEndpoint(handlers, options.log), attach, planner: handlers.planner };
}
