import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { VIEWER_FACTS_SUBGRAPH, type ViewerDirectory } from './viewer-directory';

/**
 * After a mutation sent to accounts, the caller's own cached viewer may be stale (a verification
 * grant, a role it gave itself): drop it before the answer leaves, so the caller's next request on
 * this replica never races accounts' announcement of the change (viewer-change-listener.ts).
 * Billing and cases mutations keep it: no fact of a viewer lives there, and dropping it made the
 * caller's next request, and every live event of its subscriptions, wait for a lookup at accounts.
 */
export function viewerRefreshPlugin(
  directory: ViewerDirectory,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          const { userId } = contextValue.viewer;
          const changedFacts = contextValue.mutated?.has(VIEWER_FACTS_SUBGRAPH);
          if (operation?.operation === 'mutation' && userId && changedFacts) {
            directory.forget({ userIds: [userId], partnerIds: [] });
          }
        },
      };
    },
  };
}
