import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Arrival } from './live-subscriber';
import type { FromWorker, ToWorker } from './live-subscriber-worker';

// The live bench's subscribers, spread over worker threads (BENCH_LIVE_SUBSCRIBER_THREADS).
// Each subscriber speaks graphql-ws' protocol on its own socket, as a dashboard would; a real
// dashboard also parses its messages on its own machine. Thousands of them in one JavaScript
// thread parse one message after another, so the last subscriber's receipt stamp would include
// every other subscriber's parsing: with 5,000 subscribers that is about 100 ms of CPU per event.
// Threads let that work run beside the gateway instead of after it; the bench reports the
// subscribers' CPU per event, so a reader sees what the load generator cost.

export interface SubscriberPool {
  connected(): number;
  errors(): number;
  /** Subscribes `count` more clients, spread over the threads; resolves once all are sent. */
  add(count: number, variables: Record<string, unknown>): Promise<void>;
  dispose(): Promise<void>;
}

interface PoolOptions {
  url: string;
  token: string;
  threads: number;
  onArrival: (arrival: Arrival) => void;
  onError?: (error: string) => void;
}

const WORKER = join(__dirname, `live-subscriber-worker${extname(__filename)}`);
/** Run from source (live-fanout.ts under tsx), a thread needs tsx's loader of its own. */
const startWorker = () =>
  WORKER.endsWith('.ts')
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER)});`, { eval: true })
    : new Worker(WORKER);

export function startSubscriberPool(options: PoolOptions): SubscriberPool {
  let connected = 0;
  let errors = 0;
  const waiting = new Map<Worker, () => void>();
  const workers = Array.from({ length: Math.max(1, options.threads) }, () => {
    const worker = startWorker();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'connected') connected += message.count;
      else if (message.type === 'arrivals') message.arrivals.forEach(options.onArrival);
      else if (message.type === 'error') {
        if (errors++ === 0) options.onError?.(message.error);
      } else waiting.get(worker)?.();
    });
    worker.on('error', (error) => {
      errors++;
      options.onError?.(String(error));
    });
    return worker;
  });
  const reply = (worker: Worker, message: ToWorker) =>
    new Promise<void>((done) => {
      waiting.set(worker, done);
      worker.postMessage(message);
    });

  return {
    connected: () => connected,
    errors: () => errors,
    add: async (count, variables) => {
      await Promise.all(
        workers.map((worker, i) => {
          const share = Math.floor(count / workers.length) + (i < count % workers.length ? 1 : 0);
          if (share === 0) return Promise.resolve();
          const { url, token } = options;
          return reply(worker, { type: 'add', url, token, count: share, variables });
        }),
      );
    },
    dispose: async () => {
      await Promise.all(workers.map((w) => reply(w, { type: 'dispose' })));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
