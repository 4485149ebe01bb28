import type { BaseContext } from '../../lib/http/subgraph-server';
import type { CaseEventBus } from './live/case-event-bus';
import type { CasesLoaders } from './loaders';

export interface CasesContext extends BaseContext {
  loaders: CasesLoaders;
  /** Where committed case events are published (live updates). */
  caseEvents?: CaseEventBus;
  /** Websocket subscriptions: a fresh unit of work (em, loaders) for the next event. */
  renew?: () => void;
}
