import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { ClientQueue } from './client-queue';
import { type LiveTransport, TOO_SLOW } from './live-executor';

// graphql-sse reads a subscription's results as fast as they come and buffers them until its
// writes to the response complete, so the client's queue would never fill. This tracks the
// response's writes in flight: the queue hands over the next result only once they completed,
// so a client that stops reading lets its own queue grow and is cut off like a websocket one.

/** How long a cut-off client may take to read its last error before its socket is destroyed. */
const CUT_OFF_GRACE_MS = 30_000;

export function sseTransport(res: ServerResponse): LiveTransport {
  let inFlight = 0;
  const idle: (() => void)[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((...args: unknown[]) => {
    const last = args.at(-1);
    const callback = typeof last === 'function' ? (args.pop() as (e?: Error) => void) : null;
    inFlight++;
    return write(...args, (error?: Error) => {
      inFlight--;
      if (inFlight === 0) for (const wake of idle.splice(0)) wake();
      callback?.(error);
    });
  }) as typeof res.write;
  res.once('close', () => {
    for (const wake of idle.splice(0)) wake();
  });

  return {
    name: 'graphql-sse',
    ready: () =>
      inFlight === 0 || res.destroyed
        ? Promise.resolve()
        : new Promise<void>((wake) => idle.push(wake)),
    cutOff: (queue: ClientQueue) => {
      queue.end({ errors: [new GraphQLError(TOO_SLOW, { extensions: { code: 'RATE_LIMITED' } })] });
      const timer = setTimeout(() => res.destroy(), CUT_OFF_GRACE_MS);
      res.once('close', () => clearTimeout(timer));
    },
  };
}
