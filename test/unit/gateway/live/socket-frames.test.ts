import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionResult } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type FrameWriter, socketFrames } from '../../../../gateway/live/socket-frames';

// The frames the gateway writes itself, read by a real ws client: whole at every length the
// websocket header encodes differently, and in order with the frames ws sends on the same socket.

let wss: WebSocketServer;
let server: WebSocket;
let frames: FrameWriter;
let client: WebSocket;
let received: string[];
let closed: number | null;

beforeEach(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection');
  const own = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  client = own;
  received = [];
  closed = null;
  own.on('message', (data) => received.push(String(data)));
  // A protocol error closes the client (1002); the previous test's client closes late.
  own.on('close', (code) => {
    if (client === own) closed = code;
  });
  const [socket, request] = (await accepted) as [WebSocket, IncomingMessage];
  server = socket;
  frames = socketFrames(server, request.socket, 'sub-1', (result) => result);
});

afterEach(async () => {
  client.terminate();
  await new Promise((done) => wss.close(done));
});

async function messages(count: number): Promise<string[]> {
  while (received.length < count && closed === null) await new Promise((r) => setTimeout(r, 5));
  return received.splice(0, count);
}

/** A result whose whole graphql-ws message is `length` bytes long. */
function resultOfMessageLength(length: number): ExecutionResult {
  const empty = JSON.stringify({ id: 'sub-1', type: 'next', payload: { data: { t: '' } } });
  return { data: { t: 'x'.repeat(length - empty.length) } };
}

describe('frames written beside ws', () => {
  it('arrive whole at every length class of the websocket header', async () => {
    const lengths = [125, 126, 127, 65_535, 65_536, 70_000];
    const results = lengths.map(resultOfMessageLength);
    for (const result of results) frames.write(result);
    const arrived = await messages(lengths.length);
    expect(arrived.map((m) => m.length)).toEqual(lengths);
    expect(arrived.map((m) => JSON.parse(m))).toEqual(
      results.map((payload) => ({ id: 'sub-1', type: 'next', payload })),
    );
    expect(closed).toBeNull();
  });

  it('keep their place among the frames ws sends itself', async () => {
    const pinged = once(client, 'ping');
    frames.write({ data: { n: 1 } });
    server.ping();
    server.send('{"type":"pong"}');
    frames.write({ data: { n: 2 } });
    await pinged;
    expect(await messages(3)).toEqual([
      '{"id":"sub-1","type":"next","payload":{"data":{"n":1}}}',
      '{"type":"pong"}',
      '{"id":"sub-1","type":"next","payload":{"data":{"n":2}}}',
    ]);
    expect(closed).toBeNull();
  });
});
