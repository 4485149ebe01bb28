import { parentPort } from 'node:worker_threads';
import { type Arrival, type LiveSubscriber, subscribeToCaseEvents } from './live-subscriber';
import { sleep, until } from './stats';

// One thread of the live bench's subscribers (live-subscriber-pool.ts): graphql-ws protocol clients,
// each on its own socket, stamping each event when its `next` arrives. Arrivals go to the main
// thread in batches (the stamp is taken at receipt, so batching does not move it).

export type ToWorker =
  | { type: 'add'; url: string; token: string; count: number; variables: Record<string, unknown> }
  | { type: 'dispose' };

export type FromWorker =
  | { type: 'connected'; count: number }
  | { type: 'subscribed' }
  | { type: 'arrivals'; arrivals: Arrival[] }
  | { type: 'error'; error: string }
  | { type: 'disposed' };

const port = parentPort!;
const clients: LiveSubscriber[] = [];
let connected = 0;
let batch: Arrival[] = [];
const post = (message: FromWorker) => port.postMessage(message);

const flush = () => {
  post({ type: 'arrivals', arrivals: batch });
  batch = [];
};

async function add(message: Extract<ToWorker, { type: 'add' }>): Promise<void> {
  const start = clients.length;
  for (let i = 0; i < message.count; i++) {
    const client = subscribeToCaseEvents(message.url, message.token, message.variables, {
      connected: () => {
        connected++;
        post({ type: 'connected', count: 1 });
      },
      event: (arrival) => {
        if (batch.length === 0) setTimeout(flush, 20);
        batch.push(arrival);
      },
      error: (error) => post({ type: 'error', error: String(error) }),
    });
    clients.push(client);
    // A gentle ramp: a burst of thousands of handshakes overflows the listen backlog.
    if (i % 100 === 99) await until(() => connected >= start + i - 20, 30_000);
  }
  post({ type: 'subscribed' });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'add') void add(message);
  else {
    void Promise.all(clients.map((c) => c.dispose()))
      .then(() => sleep(10))
      .then(() => post({ type: 'disposed' }));
  }
});
