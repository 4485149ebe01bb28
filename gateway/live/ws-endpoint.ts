import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { LiveMetrics } from '../observability/metrics';
import { type LiveCaller, type LiveTransport, TOKEN_EXPIRED, TOO_SLOW } from './live-executor';
import type { LiveContext, LiveHandlers } from './live-handlers';
import { type FrameWriter, type ResultFormat, socketFrames } from './socket-frames';

export const KEEP_ALIVE_MS = 12_000;
/** Close code when the caller's token expires mid-connection (graphql-ws uses 4403 Forbidden). */
export const CLOSE_TOKEN_EXPIRED = 4403;
/** Close code for a client that fell LIVE_CLIENT_BUFFER results behind (as HTTP 429). */
export const CLOSE_TOO_SLOW = 4429;

/** Serves graphql-ws on the server's /graphql; returns the closer. */
export function attachWebSockets(
  server: Server,
  handlers: LiveHandlers,
  metrics: LiveMetrics,
  keepAliveMs = KEEP_ALIVE_MS,
): () => Promise<void> {
  const { check, schema } = handlers;
  const formatted: ResultFormat = (result) => handlers.formatted(result);
  // Uncompressed, so socket-frames.ts may write whole frames beside ws (and cases' events are a
  // few hundred bytes, where deflate costs more CPU than it saves).
  const wss = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false });
  wss.on('connection', (socket) => {
    metrics.connections.inc();
    socket.once('close', () => metrics.connections.dec());
  });
  const callers = new WeakMap<object, LiveCaller>();
  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          const caller = await handlers.callerOf(ctx.connectionParams?.authorization);
          callers.set(ctx.extra, caller);
          closeAtExpiry(ctx.extra.socket, caller);
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (_ctx, _id, payload) => {
        const checked = check(payload);
        if (Array.isArray(checked)) return checked;
        return {
          schema,
          document: checked,
          variableValues: payload.variables,
          operationName: payload.operationName,
        };
      },
      // A subscription's events are written by its queue (socket-queue.ts); what graphql-ws sends
      // itself (a refusal, a query's BAD_REQUEST) is formatted here.
      onNext: (_ctx, _id, _payload, _args, result) => handlers.formatted(result),
      context: (ctx, id) =>
        ({
          caller: callers.get(ctx.extra)!,
          transport: wsTransport(
            ctx.extra.socket,
            socketFrames(ctx.extra.socket, ctx.extra.request.socket, id, formatted),
          ),
        }) satisfies LiveContext,
      subscribe: handlers.subscribe,
      execute: handlers.execute,
    },
    wss,
    keepAliveMs,
  );
  return async () => {
    await disposable.dispose();
    await new Promise<void>((done) => wss.close(() => done()));
  };
}

/** Closes the socket (4403) when the caller's token expires. */
function closeAtExpiry(socket: WebSocket, caller: LiveCaller): void {
  if (caller.expiresAt === null) return;
  const timer = setTimeout(
    () => socket.close(CLOSE_TOKEN_EXPIRED, TOKEN_EXPIRED),
    Math.max(0, caller.expiresAt * 1000 - Date.now()),
  );
  socket.once('close', () => clearTimeout(timer));
}

function wsTransport(socket: WebSocket, frames: FrameWriter): LiveTransport {
  return {
    name: 'graphql-ws',
    closesAtExpiry: true,
    frames,
    // The close frame queues behind what the client has not read; ws destroys the
    // socket if the close handshake does not finish within its timeout (30 s).
    cutOff: (queue) => {
      queue.end();
      socket.close(CLOSE_TOO_SLOW, TOO_SLOW);
    },
  };
}
