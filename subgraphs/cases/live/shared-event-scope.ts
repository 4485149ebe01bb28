import type { MikroORM } from '@mikro-orm/core';
import { NotFoundError } from '../../../lib/errors/domain-errors';
import type { SupportCase } from '../entities/support-case.entity';
import { type CasesLoaders, createCasesLoaders } from '../loaders';
import type { PeerClients } from '../peers/peer-loaders';
import type { CommittedCaseEvent } from './case-event-bus';

// Thousands of subscriptions may receive the same event. The feed hands them all one event
// object, so what the payload needs (the case, anything its fields load) is read once per event
// per process, in one unit of work they share read-only. Access stays checked per subscriber.

export interface EventScope {
  em: MikroORM['em'];
  loaders: CasesLoaders;
  now: Date;
  kase: Promise<SupportCase>;
}

export function sharedEventScopes(
  orm: MikroORM,
  peers: PeerClients,
): (event: CommittedCaseEvent) => EventScope {
  // Weak: a scope lives as long as the event some subscriber is still resolving.
  const scopes = new WeakMap<CommittedCaseEvent, EventScope>();
  return (event) => {
    let scope = scopes.get(event);
    if (!scope) {
      const em = orm.em.fork();
      const loaders = createCasesLoaders({ em, peers });
      const kase = loaders.caseById.load(event.caseId).then((found) => {
        if (!found) throw new NotFoundError('Case', event.caseId);
        return found;
      });
      scope = { em, loaders, now: new Date(), kase };
      scopes.set(event, scope);
    }
    return scope;
  };
}
