import { DomainError } from '../../../lib/errors/domain-errors';
import type { CaseEventBus, CommittedCaseEvent } from './case-event-bus';

// One subscriber's stream of case events: optional replay from the log, then live, with no gap
// and no duplicate at the seam. It listens to the bus BEFORE reading the log and buffers what
// arrives meanwhile; once the log is read it drains the buffer, skipping ids it already sent.

export interface CaseEventStreamOptions {
  /** Committed events in id order (the process's feed). */
  bus: Pick<CaseEventBus, 'subscribe'>;
  /** Replay events with id > after from the log first; null means live only. */
  after: number | null;
  /** A page of committed events with id > afterId, ascending, at most `limit`. */
  readLog: (afterId: number, limit: number) => Promise<CommittedCaseEvent[]>;
  /** Checked for every event, replayed or live, at the moment it is sent. */
  visible: (event: CommittedCaseEvent) => boolean;
  pageSize?: number;
  /** Undelivered live events a subscriber may hold before it is cut off (default 10,000). */
  maxBuffered?: number;
}

export const TOO_SLOW =
  'Too many undelivered case events for this subscriber; resume with your last cursor.';

export function caseEventStream(
  options: CaseEventStreamOptions,
): AsyncIterableIterator<CommittedCaseEvent> {
  const { bus, visible } = options;
  const pageSize = options.pageSize ?? 500;
  const maxBuffered = options.maxBuffered ?? 10_000;
  const queue: CommittedCaseEvent[] = [];
  let lastSent = -1;
  let replaying = options.after !== null;
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;

  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const unsubscribe = bus.subscribe((event) => {
    if (done || failure) return;
    if (queue.length >= maxBuffered) {
      // A slow consumer must not grow memory without bound: drop its buffer and end its stream.
      queue.length = 0;
      failure = new DomainError('RATE_LIMITED', TOO_SLOW);
    } else {
      queue.push(event);
    }
    if (!replaying) notify();
  });

  const replay = async () => {
    let cursor = options.after ?? 0;
    for (;;) {
      const page = await options.readLog(cursor, pageSize);
      for (const event of page) {
        cursor = event.id;
        if (visible(event)) replayed.push(event);
      }
      if (page.length < pageSize) break;
    }
    lastSent = Math.max(lastSent, cursor);
  };
  const replayed: CommittedCaseEvent[] = [];
  const replayDone = replaying
    ? replay().then(
        () => {
          replaying = false;
          notify();
        },
        (error) => {
          failure = error;
          replaying = false;
          notify();
        },
      )
    : Promise.resolve();

  const finish = (): IteratorResult<CommittedCaseEvent> => {
    done = true;
    unsubscribe();
    queue.length = 0;
    notify();
    return { done: true, value: undefined };
  };

  const iterator: AsyncIterableIterator<CommittedCaseEvent> = {
    async next() {
      await replayDone;
      for (;;) {
        if (done) return { done: true, value: undefined };
        const fromLog = replayed.shift();
        if (fromLog) return { done: false, value: fromLog };
        if (failure) {
          const error = failure;
          finish();
          throw error;
        }
        const event = queue.shift();
        if (event) {
          if (event.id <= lastSent) continue;
          lastSent = event.id;
          if (!visible(event)) continue;
          return { done: false, value: event };
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    async return() {
      return finish();
    },
    async throw(error) {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
