import type { Socket } from 'node:net';
import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

// Writes a subscription's results to its websocket as graphql-ws `next` messages, without
// graphql-ws' per-subscriber async iteration (a promise, a microtask and a stringify per client
// per event: with thousands of clients on one event, most of the fan-out's own time).
// A result is encoded once for every socket it goes to (keyed by the shared result object); each
// subscription keeps the encoded start of its message (`{"id":...,"type":"next","payload":`), so
// a delivery is one copy and one socket write.
//
// The websocket server runs without per-message compression, so ws' `bufferedAmount` is what the
// TCP socket has not yet handed to the kernel; its `drain` says when that is done.

export interface FrameWriter {
  /** True when the socket has taken everything written so far. */
  writable(): boolean;
  /** Calls `flush` once, when the socket has taken everything (or closed). */
  whenWritable(flush: () => void): void;
  write(result: ExecutionResult): void;
}

/** How a result is shown to clients (the gateway's error formatter). */
export type ResultFormat = (result: ExecutionResult) => ExecutionResult;

const CLOSE = Buffer.from('}');
const encodings = new WeakMap<ResultFormat, WeakMap<ExecutionResult, Buffer>>();
const waiters = new WeakMap<WebSocket, Set<() => void>>();

/** The frame writer of subscription `id` on `socket` (`raw`: the TCP socket it upgraded). */
export function socketFrames(
  socket: WebSocket,
  raw: Socket,
  id: string,
  format: ResultFormat,
): FrameWriter {
  const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  const open = () => socket.readyState === socket.OPEN;
  return {
    writable: () => !open() || socket.bufferedAmount === 0,
    whenWritable: (flush) => waitForDrain(socket, raw, flush),
    write: (result) => {
      if (!open()) return;
      const payload = encoded(result, format);
      const frame = Buffer.concat([head, payload, CLOSE], head.length + payload.length + 1);
      socket.send(frame, { binary: false });
    },
  };
}

/** The result as graphql-ws would send it (formatted, errors through toJSON), encoded once. */
function encoded(result: ExecutionResult, format: ResultFormat): Buffer {
  let cache = encodings.get(format);
  if (!cache) {
    cache = new WeakMap();
    encodings.set(format, cache);
  }
  let bytes = cache.get(result);
  if (!bytes) {
    const { errors, ...rest } = format(result);
    const shown = errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest;
    bytes = Buffer.from(JSON.stringify(shown));
    cache.set(result, bytes);
  }
  return bytes;
}

/** One `drain` and one `close` listener per socket, however many subscriptions wait on it. */
function waitForDrain(socket: WebSocket, raw: Socket, flush: () => void): void {
  let waiting = waiters.get(socket);
  if (!waiting) {
    const set = new Set<() => void>();
    waiting = set;
    waiters.set(socket, set);
    const release = () => {
      const flushes = [...set];
      set.clear();
      for (const f of flushes) f();
    };
    raw.on('drain', release);
    socket.once('close', release);
  }
  waiting.add(flush);
}
