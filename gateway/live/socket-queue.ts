import type { ExecutionResult } from 'graphql';
import type { ClientQueue, ClientQueueOptions } from './client-queue';
import type { FrameWriter } from './socket-frames';

// A client queue that writes each result to the client's socket itself (websocket), instead of
// handing it to the transport's reader. While the socket keeps up, a result is written the moment
// it is pushed; while the socket holds unsent bytes (the client stops reading), results wait here,
// and past `limit` of them the client is cut off, as with the reader's queue (client-queue.ts).
//
// As an iterator it yields nothing: its reader (graphql-ws) only learns that the stream ended,
// after everything queued was written, and then completes the subscription.

const DONE: IteratorResult<ExecutionResult> = { done: true, value: undefined };

export function createSocketQueue(options: ClientQueueOptions, writer: FrameWriter): ClientQueue {
  const items: ExecutionResult[] = [];
  let ended = false;
  let closed = false;
  let waitingForSocket = false;
  let reader: ((r: IteratorResult<ExecutionResult>) => void) | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    options.onClose();
  };
  /** Tells the reader the stream is over once nothing is left to write. */
  const settle = () => {
    if (!ended || items.length > 0 || !reader) return;
    const done = reader;
    reader = null;
    close();
    done(DONE);
  };
  const flush = () => {
    waitingForSocket = false;
    while (items.length > 0 && writer.writable()) writer.write(items.shift()!);
    if (items.length > 0) waitForSocket();
    settle();
  };
  const waitForSocket = () => {
    if (waitingForSocket) return;
    waitingForSocket = true;
    writer.whenWritable(flush);
  };

  const queue: ClientQueue = {
    push(result) {
      if (ended) return;
      if (items.length === 0 && writer.writable()) return writer.write(result);
      items.push(result);
      if (items.length > options.limit) {
        items.length = 0;
        options.onOverflow(queue);
        ended = true;
        return settle();
      }
      waitForSocket();
    },
    end(last) {
      if (ended) return;
      if (last) items.push(last);
      ended = true;
      flush();
    },
    next() {
      if (ended && items.length === 0) {
        close();
        return Promise.resolve(DONE);
      }
      return new Promise((resolve) => {
        reader = resolve;
      });
    },
    async return() {
      items.length = 0;
      ended = true;
      settle();
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
