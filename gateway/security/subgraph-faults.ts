import { GraphQLError } from 'graphql';

// A subgraph that is down (connection refused, 5xx) or slow (past SUBGRAPH_TIMEOUT_MS) costs the
// client only its part of the answer: the gateway keeps the other subgraphs' data and names the
// missing service, rather than hiding the failure behind INTERNAL_SERVER_ERROR.

const NETWORK_FAILURE = new Set(['TypeError', 'AbortError', 'TimeoutError', 'FetchError']);

function isUnavailable(error: unknown): boolean {
  if (error instanceof GraphQLError) {
    const status = (error.extensions.response as { status?: number } | undefined)?.status;
    return typeof status === 'number' && status >= 500;
  }
  return error instanceof Error && NETWORK_FAILURE.has(error.name);
}

/** The error a client sees when `serviceName` failed to answer; other errors pass unchanged. */
export function subgraphFault(serviceName: string, error: unknown): unknown {
  if (!isUnavailable(error)) return error;
  return new GraphQLError(
    `The ${serviceName} service is unavailable; the fields it provides are missing from this answer.`,
    { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName }, originalError: error as Error },
  );
}
