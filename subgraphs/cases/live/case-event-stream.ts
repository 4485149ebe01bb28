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
  return new CaseEventStream(options);
}

const DONE: IteratorResult<CommittedCaseEvent> = { done: true, value: undefined };

class CaseEventStream implements AsyncIterableIterator<CommittedCaseEvent> {
  /** Live events received from the bus, not yet sent. */
  private readonly queue: CommittedCaseEvent[] = [];
  /** Visible events read from the log, sent before any live one. */
  private readonly replayed: CommittedCaseEvent[] = [];
  private readonly replayDone: Promise<void>;
  private readonly unsubscribe: () => void;
  private lastSent = -1;
  private replaying: boolean;
  private done = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: CaseEventStreamOptions) {
    // Listen first, then read the log: whatever commits meanwhile waits in the queue.
    this.unsubscribe = options.bus.subscribe((event) => this.receive(event));
    this.replaying = options.after !== null;
    this.replayDone = this.replaying
      ? this.replay().then(
          () => this.endReplay(),
          (error) => {
            this.failure = error;
            this.endReplay();
          },
        )
      : Promise.resolve();
  }

  async next(): Promise<IteratorResult<CommittedCaseEvent>> {
    await this.replayDone;
    for (;;) {
      if (this.done) return DONE;
      const fromLog = this.replayed.shift();
      if (fromLog) return { done: false, value: fromLog };
      if (this.failure) {
        const error = this.failure;
        this.finish();
        throw error;
      }
      const live = this.takeLive();
      if (live) return { done: false, value: live };
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  async return(): Promise<IteratorResult<CommittedCaseEvent>> {
    return this.finish();
  }

  async throw(error?: unknown): Promise<IteratorResult<CommittedCaseEvent>> {
    this.finish();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private receive(event: CommittedCaseEvent): void {
    if (this.done || this.failure) return;
    if (this.queue.length >= (this.options.maxBuffered ?? 10_000)) {
      // A slow consumer must not grow memory without bound: drop its buffer and end its stream.
      this.queue.length = 0;
      this.failure = new DomainError('RATE_LIMITED', TOO_SLOW);
    } else {
      this.queue.push(event);
    }
    if (!this.replaying) this.notify();
  }

  private async replay(): Promise<void> {
    const pageSize = this.options.pageSize ?? 500;
    let cursor = this.options.after ?? 0;
    for (;;) {
      const page = await this.options.readLog(cursor, pageSize);
      for (const event of page) {
        cursor = event.id;
        if (this.options.visible(event)) this.replayed.push(event);
      }
      if (page.length < pageSize) break;
    }
    this.lastSent = Math.max(this.lastSent, cursor);
  }

  private endReplay(): void {
    this.replaying = false;
    this.notify();
  }

  /** The next queued event to send: not sent by the replay already, and visible now. */
  private takeLive(): CommittedCaseEvent | undefined {
    for (let event = this.queue.shift(); event; event = this.queue.shift()) {
      if (event.id <= this.lastSent) continue;
      this.lastSent = event.id;
      if (this.options.visible(event)) return event;
    }
    return undefined;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private finish(): IteratorResult<CommittedCaseEvent> {
    this.done = true;
    this.unsubscribe();
    this.queue.length = 0;
    this.notify();
    return DONE;
  }
}
