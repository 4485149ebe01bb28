import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { ViewerDirectory } from './viewer-directory';

/**
 * After a mutation, the caller's own cached viewer may be stale (a verification grant, a role it
 * gave itself): drop it before the answer leaves, so the caller's next request on this replica
 * never races accounts' announcement of the change (viewer-change-listener.ts).
 */
export function viewerRefreshPlugin(
  directory: ViewerDirectory,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          const { userId } = contextValue.viewer;
          if (operation?.operation === 'mutation' && userId) {
            directory.forget({ userIds: [userId], partnerIds: [] });
          }
        },
      };
    },
  };
}
