import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from './logger';

/**
 * One access-log line per GraphQL operation, carrying the request id of the whole chain. Below
 * the info level (LOG_LEVEL=warn, as in the bench) it adds no hook to the request at all.
 */
export function requestLogPlugin<C extends { log: Logger }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.log.isLevelEnabled('info')) return;
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, request, errors }) {
          contextValue.log.info(
            {
              operationName: request.operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              errors: errors?.length ?? 0,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
