import type { CommittedCaseEvent } from './case-event-bus';

// How committed-event notices travel between cases replicas. A notice only says "this id is
// committed"; the log stays the source of truth, so a lost notice costs latency, not data.

export interface CaseEventTransport {
  send(events: readonly CommittedCaseEvent[]): Promise<void>;
  /** Resolves once notices from other replicas are being received. */
  listen(onEvents: (events: CommittedCaseEvent[]) => void): Promise<void>;
  close(): Promise<void>;
}
