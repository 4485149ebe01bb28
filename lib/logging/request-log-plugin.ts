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
          logRequest(contextValue.log, request.operationName, started, errors?.length);
        },
      };
    },
  };
}

/** The access-log line itself, for the subgraphs' query path that runs without Apollo Server. */
export function logRequest(
  log: Logger,
  operationName: string | null | undefined,
  startedAt: number,
  errors = 0,
): void {
  if (!log.isLevelEnabled('info')) return;
  log.info(
    {
      operationName: operationName ?? null,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      errors,
    },
    'graphql request',
  );
}
