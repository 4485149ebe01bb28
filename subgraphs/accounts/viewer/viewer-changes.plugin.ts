import type { ApolloServerPlugin } from '@apollo/server';
import { VIEWER_CHANGES_EXTENSION } from '../../../lib/viewer/viewer-change';
import type { AccountsContext } from '../context';

/** Puts the request's viewer changes in the answer's extensions, for the relaying gateway. */
export function viewerChangesPlugin(): ApolloServerPlugin<AccountsContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const announced = contextValue.viewerChanges.announced();
          if (!announced || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [VIEWER_CHANGES_EXTENSION]: announced };
        },
      };
    },
  };
}
