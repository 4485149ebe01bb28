import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

// Serialises each event's result once for every websocket client of a shared subscription.
// graphql-ws stringifies `{ id, type: 'next', payload }` for every client: with thousands of
// clients on one event that (and the UTF-8 encoding of each copy) is most of the fan-out's time.
//
// How: `onNext` answers graphql-ws with a stand-in payload that serialises to a marker, and
// remembers the encoded result under the subscription id; the socket's `send` then swaps the
// marker for those bytes. Results are encoded once, keyed by the (shared) result object.
// graphql-ws writes the message's keys in the order id, type, payload; anything else, or a
// message without our marker, is sent untouched.

const MARKER = '\u0000shared-frame';
const TAIL = `,"type":"next","payload":${JSON.stringify(MARKER)}}`;
const HEAD = '{"id":';
const CLOSE = Buffer.from('}');
const MAX_SLOTS = 64;

const encoded = new WeakMap<ExecutionResult, Buffer>();
/** Per socket, by JSON-quoted subscription id: the frame's encoded start, and its pending result. */
interface Slot {
  head: Buffer;
  payload: Buffer | null;
}
const pending = new WeakMap<WebSocket, Map<string, Slot>>();

/** The result as graphql-ws would send it (errors through toJSON), encoded once. */
function encode(result: ExecutionResult): Buffer {
  let bytes = encoded.get(result);
  if (!bytes) {
    const { errors, ...rest } = result;
    const formatted = errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest;
    bytes = Buffer.from(JSON.stringify(formatted));
    encoded.set(result, bytes);
  }
  return bytes;
}

const standIn = { toJSON: () => MARKER } as unknown as FormattedExecutionResult;

/** graphql-ws' onNext for the socket's subscription `id`. */
export function sharedFrame(
  socket: WebSocket,
  id: string,
  result: ExecutionResult,
): FormattedExecutionResult {
  let frames = pending.get(socket);
  if (!frames) {
    frames = new Map();
    pending.set(socket, frames);
  }
  const quoted = JSON.stringify(id);
  const slot = frames.get(quoted);
  if (slot) slot.payload = encode(result);
  else {
    // A socket that subscribes and completes again and again must not grow a slot per id.
    if (frames.size >= MAX_SLOTS) forgetSent(frames);
    const head = Buffer.from(`${HEAD}${quoted},"type":"next","payload":`);
    frames.set(quoted, { head, payload: encode(result) });
  }
  return standIn;
}

/** Makes the socket's `send` put the encoded results in place of their markers. */
export function sendSharedFrames(socket: WebSocket): void {
  const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
  socket.send = ((data: unknown, ...rest: unknown[]) => {
    const frame = typeof data === 'string' ? swap(socket, data) : null;
    if (!frame) return send(data, ...rest);
    const callback = rest.find((r) => typeof r === 'function');
    return send(frame, { binary: false }, callback);
  }) as WebSocket['send'];
}

/** Drops the slots with nothing pending (a pending one is about to be sent). */
function forgetSent(frames: Map<string, Slot>): void {
  for (const [id, slot] of frames) if (!slot.payload) frames.delete(id);
}

function swap(socket: WebSocket, data: string): Buffer | null {
  if (!data.endsWith(TAIL) || !data.startsWith(HEAD)) return null;
  const slot = pending.get(socket)?.get(data.slice(HEAD.length, -TAIL.length));
  if (!slot?.payload) return null;
  const { head, payload } = slot;
  slot.payload = null;
  return Buffer.concat([head, payload, CLOSE], head.length + payload.length + 1);
}
