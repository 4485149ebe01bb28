import { EventEmitter } from 'node:events';
import type { Cloud } from '../../../lib/domain/enums';
import type { CaseEventKind } from '../domain/case-enums';

// In-process fan-out of committed case events. Commands publish AFTER their transaction commits,
// so a subscriber never sees an event that could still roll back. The event log in the database
// stays the source of truth: the bus only says "these ids are committed", replay reads the log.

export interface CommittedCaseEvent {
  id: number;
  caseId: string;
  organizationId: string;
  cloud: Cloud;
  kind: CaseEventKind;
  at: Date;
}

export type CaseEventListener = (event: CommittedCaseEvent) => void;

export class CaseEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(events: readonly CommittedCaseEvent[]): void {
    for (const e of events) {
      this.emitter.emit('event', {
        id: e.id,
        caseId: e.caseId,
        organizationId: e.organizationId,
        cloud: e.cloud,
        kind: e.kind,
        at: e.at,
      } satisfies CommittedCaseEvent);
    }
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
