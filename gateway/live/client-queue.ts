import type { ExecutionResult } from 'graphql';

// One client's bounded queue of results, read by its transport (graphql-sse; websocket clients
// have socket-queue.ts, which writes itself), which asks for the next result only once the
// previous one is written to the socket. A client that
// stops reading therefore lets its queue grow; past `limit` it is cut off (`onOverflow`) instead
// of growing the gateway's memory or holding back the others, who have queues of their own.

export interface ClientQueue extends AsyncIterableIterator<ExecutionResult> {
  push(result: ExecutionResult): void;
  /** Ends the stream after what is queued, with a last result when given. */
  end(last?: ExecutionResult): void;
}

export interface ClientQueueOptions {
  limit: number;
  /**
   * Called once when the client falls more than `limit` results behind, with what was queued
   * dropped; it may `end` the queue with a last result (SSE) or cut the connection (websocket).
   */
  onOverflow: (queue: ClientQueue) => void;
  /** Called once when the client leaves or the stream ends. */
  onClose: () => void;
  /**
   * Resolves once the client has taken what it was given, for transports that read the queue
   * ahead of their socket (graphql-sse buffers every result it is handed).
   */
  ready?: () => Promise<void>;
}

const DONE: IteratorResult<ExecutionResult> = { done: true, value: undefined };

export function createClientQueue(options: ClientQueueOptions): ClientQueue {
  const items: ExecutionResult[] = [];
  let ended = false;
  let closed = false;
  let waiting: ((r: IteratorResult<ExecutionResult>) => void) | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    options.onClose();
  };
  const wake = () => {
    if (!waiting) return;
    const resolve = waiting;
    const item = items.shift();
    if (item) {
      waiting = null;
      resolve({ done: false, value: item });
    } else if (ended) {
      waiting = null;
      close();
      resolve(DONE);
    }
  };

  const queue: ClientQueue = {
    push(result) {
      if (ended) return;
      items.push(result);
      if (items.length > options.limit) {
        items.length = 0;
        options.onOverflow(queue);
        ended = true;
      }
      wake();
    },
    end(last) {
      if (ended) return;
      if (last) items.push(last);
      ended = true;
      wake();
    },
    async next() {
      if (options.ready && !ended) await options.ready();
      const item = items.shift();
      if (item) return { done: false, value: item };
      if (ended) {
        close();
        return DONE;
      }
      return new Promise<IteratorResult<ExecutionResult>>((resolve) => {
        waiting = resolve;
      });
    },
    async return() {
      items.length = 0;
      ended = true;
      wake();
      close();
      return DONE;
    },
    async throw(error) {
      await queue.return!();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
