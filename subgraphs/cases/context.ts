import type { BaseContext } from '../../lib/http/subgraph-server';
import type { CommittedCaseEvent } from './live/case-event-bus';
import type { CaseEventFeed } from './live/case-event-feed';
import type { EventScope } from './live/shared-event-scope';
import type { CasesLoaders } from './loaders';

export interface CasesContext extends BaseContext {
  loaders: CasesLoaders;
  /** Where committed case events are published (live updates). */
  caseEvents?: CaseEventFeed;
  /** Websocket subscriptions: the unit of work every subscriber of this event shares. */
  eventScope?: (event: CommittedCaseEvent) => EventScope;
}
