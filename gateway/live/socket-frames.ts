import type { Socket } from 'node:net';
import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

// Writes a subscription's results to its websocket as graphql-ws `next` messages, without
// graphql-ws' per-subscriber async iteration (a promise, a microtask and a stringify per client
// per event: with thousands of clients on one event, most of the fan-out's own time).
// A result is encoded once for every socket it goes to (keyed by the shared result object); each
// subscription keeps the encoded start of its message (`{"id":...,"type":"next","payload":`), so
// a delivery is one copy and one write of a whole websocket frame to the TCP socket. ws' `send`
// wrote the frame's header and body as two buffers through a corked writev: with thousands of
// subscribers on one event that path was 15% of the fan-out's CPU (bench/OPTIMISATIONS.md).
//
// Writing beside ws keeps frames whole and in order because ws writes every frame of its own
// (pings, pongs, graphql-ws' other messages, the close frame) at once: it queues frames only while
// compressing one or reading a Blob, and the server has no per-message compression and sends no
// Blob. For the same reason ws' `bufferedAmount` is what the TCP socket has not yet handed to the
// kernel, counting these frames too; the socket's `drain` says when that is done.

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
      raw.write(textFrame(head, encoded(result, format), CLOSE));
    },
  };
}

/** One unmasked, final text frame (RFC 6455 5.2) holding `parts` one after another. */
function textFrame(...parts: Buffer[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.length;
  const header = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81;
  if (header === 2) frame[1] = length;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  let at = header;
  for (const part of parts) at += part.copy(frame, at);
  return frame;
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
