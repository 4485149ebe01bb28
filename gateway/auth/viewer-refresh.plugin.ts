import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { ViewerDirectory } from './viewer-directory';

/**
 * After a mutation, the caller's own cached viewer may be stale (a verification grant, a role it
 * gave itself): drop it. Changes made by someone else reach a viewer within the cache TTL.
 */
export function viewerRefreshPlugin(
  directory: ViewerDirectory,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue.viewer.email) {
            directory.invalidate(contextValue.viewer.email);
          }
        },
      };
    },
  };
}
