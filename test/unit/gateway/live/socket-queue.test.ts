import { type ExecutionResult, GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientQueue } from '../../../../gateway/live/client-queue';
import { socketFrames } from '../../../../gateway/live/socket-frames';
import { createSocketQueue } from '../../../../gateway/live/socket-queue';
import { openWsPair, type WsPair } from '../../../support/ws-pair';

// Over a real websocket: results reach the client as graphql-ws `next` messages, in order; a
// client that stops reading makes results wait, and past the limit it is cut off.

let pair: WsPair;

beforeEach(async () => {
  pair = await openWsPair();
});

afterEach(() => pair.close());

const shown = (result: ExecutionResult) => result;

function queueOf(id: string, limit: number) {
  const seen = { overflowed: 0, closed: 0 };
  const frames = socketFrames(pair.server, pair.request.socket, id, shown);
  const queue = createSocketQueue(
    {
      limit,
      onOverflow: (q: ClientQueue) => {
        seen.overflowed++;
        q.end();
      },
      onClose: () => {
        seen.closed++;
      },
    },
    frames,
  );
  return { queue, seen };
}

const messages = async (count: number): Promise<unknown[]> =>
  (await pair.messages(count)).map((text) => JSON.parse(text));

describe('a socket queue', () => {
  it('writes one result to several subscriptions as graphql-ws would', async () => {
    const a = queueOf('a"1', 10);
    const b = queueOf('b', 10);
    const result: ExecutionResult = { data: { caseEvents: { cursor: 'c1', note: 'é "quoted"' } } };
    a.queue.push(result);
    b.queue.push(result);
    expect(await messages(2)).toEqual([
      { id: 'a"1', type: 'next', payload: result },
      { id: 'b', type: 'next', payload: result },
    ]);
  });

  it('formats errors through toJSON, with their codes, and ends after the last result', async () => {
    const { queue, seen } = queueOf('c', 10);
    const reading = queue.next();
    const error = new GraphQLError('Too slow', { extensions: { code: 'RATE_LIMITED' } });
    queue.push({ data: { n: 1 } });
    queue.end({ errors: [error] });
    expect(await reading).toEqual({ done: true, value: undefined });
    expect(seen.closed).toBe(1);
    expect(await messages(2)).toEqual([
      { id: 'c', type: 'next', payload: { data: { n: 1 } } },
      {
        id: 'c',
        type: 'next',
        payload: { errors: [{ message: 'Too slow', extensions: { code: 'RATE_LIMITED' } }] },
      },
    ]);
  });

  it('holds results while the client does not read, and cuts it off past the limit', async () => {
    const { queue, seen } = queueOf('slow', 3);
    const reading = queue.next();
    pair.client.pause();
    const bulky = (n: number): ExecutionResult => ({ data: { n, text: 'x'.repeat(1 << 20) } });
    let pushed = 0;
    while (seen.overflowed === 0) {
      expect(pushed, 'never held back').toBeLessThan(200);
      queue.push(bulky(++pushed));
    }
    expect(await reading).toEqual({ done: true, value: undefined });
    pair.client.resume();
    // What was written before the cut-off arrives whole and in order; the held results do not.
    const written = pushed - 4;
    const arrived = (await messages(written)) as { payload: { data: { n: number } } }[];
    expect(arrived.map((m) => m.payload.data.n)).toEqual(
      Array.from({ length: written }, (_, i) => i + 1),
    );
  });

  it('writes what it held once the client reads again', async () => {
    const { queue, seen } = queueOf('paused', 50);
    pair.client.pause();
    const bulky = (n: number): ExecutionResult => ({ data: { n, text: 'x'.repeat(1 << 20) } });
    let pushed = 0;
    while (pair.server.bufferedAmount === 0) queue.push(bulky(++pushed));
    for (let i = 0; i < 5; i++) queue.push(bulky(++pushed));
    pair.client.resume();
    const arrived = (await messages(pushed)) as { payload: { data: { n: number } } }[];
    expect(arrived.map((m) => m.payload.data.n)).toEqual(
      Array.from({ length: pushed }, (_, i) => i + 1),
    );
    expect(seen.overflowed).toBe(0);
  });
});
