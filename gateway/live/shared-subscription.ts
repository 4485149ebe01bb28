import type { FormattedExecutionResult } from 'graphql';
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Viewer } from '../../lib/viewer/viewer';
import type { SignedViewer } from '../auth/viewer-directory';
import type { ClientQueue } from './client-queue';

// One upstream subscription and one federated execution per event, shared by every client queue
// that joined it (Apollo Router's subscription deduplication): clients with the same viewer,
// document and variables and no `after` cursor. Results fan out to each client's own queue, so a
// slow client never delays the others. The upstream closes when the last client leaves.
//
// The viewer is re-resolved for every event (from the directory, which forgets it when accounts
// announces a change of its roles, delegations or grants).
// When it no longer has the access the upstream subscription was opened with (a delegation
// terminated, a role removed or given), the stream ends with FORBIDDEN before that event is
// delivered: the subgraph filters with the viewer context it was given at subscribe time, so
// only a new subscription sees the new access.

type UpstreamEvent = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface SharedSubscriptionOptions {
  opened: SignedViewer;
  refresh: () => Promise<SignedViewer>;
  /** Opens the upstream subscription; returns its unsubscribe. */
  open: (sinks: {
    next: (event: UpstreamEvent) => void;
    error: (error: unknown) => void;
    complete: () => void;
  }) => () => void;
  /** The per-event federated execution. */
  execute: (event: UpstreamEvent, signed: SignedViewer) => Promise<ExecutionResult>;
  /** How long a refreshed viewer's signed context may still be used for executing events. */
  reuseMs: number;
  /** Turns what the upstream failed with into the clients' errors. */
  failure: (error: unknown) => GraphQLError[];
  /** Called once, when the last client left or the stream ended. */
  onEmpty: () => void;
  onDelivered: (count: number) => void;
}

export const ACCESS_CHANGED =
  'Your access changed while subscribed; subscribe again with your last cursor.';

export interface SharedSubscription {
  join(queue: ClientQueue): void;
  leave(queue: ClientQueue): void;
}

export function createSharedSubscription(options: SharedSubscriptionOptions): SharedSubscription {
  const clients = new Set<ClientQueue>();
  const access = accessOf(options.opened.viewer);
  let chain = Promise.resolve();
  let ended = false;

  /** Closes upstream and leaves the registry once; false when already done. */
  const finish = (): boolean => {
    if (ended) return false;
    ended = true;
    unsubscribe();
    options.onEmpty();
    return true;
  };
  const endAll = (last?: ExecutionResult) => {
    if (!finish()) return;
    for (const client of clients) client.end(last);
  };
  const deliver = (result: ExecutionResult) => {
    if (ended) return;
    for (const client of clients) client.push(result);
    options.onDelivered(clients.size);
  };
  // The last viewer `refresh` gave, and when: the event is executed with it while the fresh one
  // is looked up (a lookup at accounts whenever the cache was emptied, e.g. by the viewer's own
  // mutation). Its result is delivered only if the fresh viewer has exactly the same facts.
  let last: { signed: SignedViewer; at: number } | null = null;
  async function handle(event: UpstreamEvent): Promise<void> {
    const refreshing = options.refresh();
    const early =
      last && Date.now() - last.at < options.reuseMs ? options.execute(event, last.signed) : null;
    early?.catch(() => {});
    const signed = await refreshing;
    if (accessOf(signed.viewer) !== access) {
      const error = new GraphQLError(ACCESS_CHANGED, { extensions: { code: 'FORBIDDEN' } });
      return endAll({ errors: [error] });
    }
    const same = early !== null && factsOf(last!.signed.viewer) === factsOf(signed.viewer);
    last = { signed, at: Date.now() };
    deliver(await (same ? early! : options.execute(event, signed)));
  }

  const unsubscribe = options.open({
    next: (event) => {
      chain = chain
        .then(() => (ended ? undefined : handle(event)))
        .catch((error) => endAll({ errors: options.failure(error) }));
    },
    error: (error) => {
      chain = chain.then(() => endAll({ errors: options.failure(error) }));
    },
    complete: () => {
      chain = chain.then(() => endAll());
    },
  });

  return {
    join: (queue) => {
      clients.add(queue);
    },
    leave: (queue) => {
      clients.delete(queue);
      if (clients.size === 0) finish();
    },
  };
}

/** What decides which events a viewer may see; delegation end dates are checked per event. */
function accessOf(viewer: Viewer): string {
  return JSON.stringify([
    viewer.organizationId,
    [...viewer.roles].sort(),
    viewer.supportCloud,
    viewer.delegations.map((d) => `${d.organizationId}:${[...d.roles].sort().join(',')}`).sort(),
  ]);
}

/** Everything a subgraph may decide by: the viewer as accounts described it. */
export const factsOf = (viewer: Viewer): string => JSON.stringify(viewer);
