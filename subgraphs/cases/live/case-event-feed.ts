import type { Logger } from '../../../lib/logging/logger';
import { CaseEventBus, type CaseEventListener, type CommittedCaseEvent } from './case-event-bus';
import type { CaseEventTransport } from './case-event-transport';

// The one feed of committed case events per cases process, strictly in id order. Event ids are
// gap-free and id N commits before N+1 is allocated, so an event above the next expected id
// proves every id below it is in the log: the feed reads that hole once, for all subscribers,
// instead of letting each stream skip what arrived late. The same read, on a timer, recovers
// events whose notice was lost (Redis down, a message dropped) when nothing new arrives.

export interface CaseEventFeedOptions {
  /** Committed events of every tenant with id > afterId, ascending, at most `limit`. */
  readLog: (afterId: number, limit: number) => Promise<CommittedCaseEvent[]>;
  /** The highest committed id (0 for an empty log). */
  lastId: () => Promise<number>;
  /** Carries notices between replicas; absent means this process only. */
  transport?: CaseEventTransport;
  /** How often to read the log tail while someone listens; 0 turns the timer off. */
  pollIntervalMs: number;
  log: Logger;
  pageSize?: number;
}

/** Notices held while a hole is being read; beyond this the log alone recovers them. */
const MAX_EARLY = 10_000;
const RETRY_MS = 1_000;

export class CaseEventFeed {
  private readonly bus = new CaseEventBus();
  private readonly early = new Map<number, CommittedCaseEvent>();
  private next = 0;
  private started = false;
  private catchingUp: Promise<void> | null = null;
  private readAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: CaseEventFeedOptions) {}

  async start(): Promise<void> {
    this.next = (await this.options.lastId()) + 1;
    this.started = true;
    await this.options.transport?.listen((events) => this.receive(events));
    if (this.options.pollIntervalMs > 0) {
      this.timer = setInterval(() => this.poll(), this.options.pollIntervalMs);
      this.timer.unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.catchingUp;
    await this.options.transport?.close();
  }

  /** Called after a transaction commits. Never throws: the change is already durable. */
  publish(events: readonly CommittedCaseEvent[]): void {
    if (events.length === 0) return;
    this.receive(events);
    this.options.transport?.send(events).catch((error: unknown) => {
      this.options.log.warn({ err: error }, 'case events not fanned out; replicas catch up');
    });
  }

  /** Notices from this process or another replica, in any order, possibly repeated. */
  receive(events: readonly CommittedCaseEvent[]): void {
    for (const event of events) this.accept(event);
  }

  subscribe(listener: CaseEventListener): () => void {
    return this.bus.subscribe(listener);
  }

  get listenerCount(): number {
    return this.bus.listenerCount;
  }

  /** Reads the log after the last delivered id and delivers what it finds, in order. */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.readAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = this.readHoles().finally(() => {
      this.catchingUp = null;
      this.deliverEarly();
    });
    return this.catchingUp;
  }

  private accept(event: CommittedCaseEvent): void {
    if (!this.started || event.id < this.next) return;
    if (event.id === this.next && !this.catchingUp) {
      this.deliver(event);
      this.deliverEarly();
      return;
    }
    if (this.bus.listenerCount === 0 && !this.catchingUp) {
      // Nobody to deliver the hole to: do not pay a read for it.
      this.deliver(event);
      return;
    }
    if (this.early.size < MAX_EARLY) this.early.set(event.id, event);
    void this.catchUp();
  }

  private poll(): void {
    if (!this.closed && this.bus.listenerCount > 0) void this.catchUp();
  }

  private async readHoles(): Promise<void> {
    const pageSize = this.options.pageSize ?? 500;
    try {
      do {
        this.readAgain = false;
        for (;;) {
          const page = await this.options.readLog(this.next - 1, pageSize);
          for (const event of page) if (event.id >= this.next) this.deliver(event);
          if (page.length < pageSize) break;
        }
      } while (this.readAgain);
    } catch (error) {
      this.options.log.warn({ err: error }, 'reading the case event log failed; retrying');
      // Without a timer (in-process) nothing else would come back for the hole.
      setTimeout(() => this.poll(), RETRY_MS).unref();
    }
  }

  private deliverEarly(): void {
    for (const id of this.early.keys()) if (id < this.next) this.early.delete(id);
    for (let e = this.early.get(this.next); e; e = this.early.get(this.next)) {
      this.early.delete(e.id);
      this.deliver(e);
    }
  }

  private deliver(event: CommittedCaseEvent): void {
    this.next = event.id + 1;
    this.bus.publish([event]);
  }
}
