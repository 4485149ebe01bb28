import { once } from 'node:events';
import type { ExecutionResult } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FrameWriter, socketFrames } from '../../../../gateway/live/socket-frames';
import { openWsPair, type WsPair } from '../../../support/ws-pair';

// The frames the gateway writes itself, read by a real ws client: whole at every length the
// websocket header encodes differently, and in order with the frames ws sends on the same socket.

let pair: WsPair;
let frames: FrameWriter;

beforeEach(async () => {
  pair = await openWsPair();
  frames = socketFrames(pair.server, pair.request.socket, 'sub-1', (result) => result);
});

afterEach(() => pair.close());

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
    const arrived = await pair.messages(lengths.length);
    expect(arrived.map((m) => m.length)).toEqual(lengths);
    expect(arrived.map((m) => JSON.parse(m))).toEqual(
      results.map((payload) => ({ id: 'sub-1', type: 'next', payload })),
    );
    expect(pair.closeCode()).toBeNull();
  });

  it('keep their place among the frames ws sends itself', async () => {
    const pinged = once(pair.client, 'ping');
    frames.write({ data: { n: 1 } });
    pair.server.ping();
    pair.server.send('{"type":"pong"}');
    frames.write({ data: { n: 2 } });
    await pinged;
    expect(await pair.messages(3)).toEqual([
      '{"id":"sub-1","type":"next","payload":{"data":{"n":1}}}',
      '{"type":"pong"}',
      '{"id":"sub-1","type":"next","payload":{"data":{"n":2}}}',
    ]);
    expect(pair.closeCode()).toBeNull();
  });
});
