import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type ClientQueue, createClientQueue } from '../../../../gateway/live/client-queue';

const result = (n: number): ExecutionResult => ({ data: { n } });

function queueOf(limit: number) {
  const seen = { overflowed: 0, closed: 0 };
  const queue = createClientQueue({
    limit,
    onOverflow: (q: ClientQueue) => {
      seen.overflowed++;
      q.end({ errors: [] });
    },
    onClose: () => {
      seen.closed++;
    },
  });
  return { queue, seen };
}

describe('a client queue', () => {
  it('hands results over in order, waiting for the next when empty', async () => {
    const { queue } = queueOf(10);
    queue.push(result(1));
    expect(await queue.next()).toEqual({ done: false, value: result(1) });
    const pending = queue.next();
    queue.push(result(2));
    expect(await pending).toEqual({ done: false, value: result(2) });
  });

  it('drops what is queued and ends with the overflow result once past its limit', async () => {
    const { queue, seen } = queueOf(2);
    for (let n = 1; n <= 3; n++) queue.push(result(n));
    queue.push(result(4));
    expect(seen.overflowed).toBe(1);
    expect(await queue.next()).toEqual({ done: false, value: { errors: [] } });
    expect(await queue.next()).toEqual({ done: true, value: undefined });
    expect(seen.closed).toBe(1);
  });

  it('delivers what is queued before ending, and closes once when the client leaves', async () => {
    const { queue, seen } = queueOf(5);
    queue.push(result(1));
    queue.end(result(2));
    expect((await queue.next()).value).toEqual(result(1));
    expect((await queue.next()).value).toEqual(result(2));
    expect((await queue.next()).done).toBe(true);
    await queue.return!();
    expect(seen.closed).toBe(1);
  });

  it('waits for its transport to be ready before handing over the next result', async () => {
    let release = () => {};
    const queue = createClientQueue({
      limit: 5,
      onOverflow: () => {},
      onClose: () => {},
      ready: () => new Promise<void>((r) => (release = r)),
    });
    queue.push(result(1));
    let taken = false;
    const next = queue.next().then((r) => {
      taken = true;
      return r;
    });
    await Promise.resolve();
    expect(taken).toBe(false);
    release();
    expect((await next).value).toEqual(result(1));
  });
});
