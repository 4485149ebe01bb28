import { EventEmitter } from 'node:events';
import { type CommittedCaseEvent, toCommitted } from './committed-case-event';

// In-process fan-out of committed case events to the subscribers of one process; the feed
// (case-event-feed.ts) puts them in id order first. Commands publish AFTER their transaction
// commits, so a subscriber never sees an event that could still roll back. The event log in the
// database stays the source of truth: the bus only says "these ids are committed".

export type { CommittedCaseEvent };

export type CaseEventListener = (event: CommittedCaseEvent) => void;

export class CaseEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(events: readonly CommittedCaseEvent[]): void {
    // One copy per event, the same object for every listener: per-event work keys on it.
    for (const e of events) this.emitter.emit('event', Object.freeze(toCommitted(e)));
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: CaseEventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  get listenerCount(): number {
    return this.emitter.listenerCount('event');
  }
}
