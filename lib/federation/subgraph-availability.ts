import { GraphQLError } from 'graphql';
import { ServiceUnavailableError } from '../errors/domain-errors';

// Where the gateway and the subgraphs decide that a subgraph is down, and what the caller is told.
// A subgraph is down when a request to it fails on the network or runs past its timeout, when it
// answers with a 5xx status, when it reports SERVICE_UNAVAILABLE (it lost its own database), when
// its live connection drops, and, for readiness, when its /health does not answer ok in time.
// Either way the caller loses only that subgraph's part, named, rather than an internal error.

/** A subgraph did not answer: connection refused or reset, or no answer within the timeout. */
export class SubgraphUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly reason: 'network' | 'timeout',
    cause: unknown,
  ) {
    super(`${url}: ${reason === 'timeout' ? 'no answer in time' : (cause as Error).message}`, {
      cause,
    });
    this.name = 'SubgraphUnreachableError';
  }
}

/** Runs one request to a subgraph; a failure to get any answer becomes SubgraphUnreachableError. */
export async function reachSubgraph<T>(
  url: string,
  signal: AbortSignal,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new SubgraphUnreachableError(url, signal.aborted ? 'timeout' : 'network', error);
  }
}

/** An answer with this status means the subgraph failed, not the request. */
const isServerFailure = (status: number): boolean => status >= 500;

/** Whether a failed gateway fetch (from RemoteGraphQLDataSource) means the subgraph is down. */
function isDown(error: unknown): boolean {
  if (error instanceof SubgraphUnreachableError) return true;
  if (error instanceof GraphQLError) {
    const status = (error.extensions.response as { status?: number } | undefined)?.status;
    return typeof status === 'number' && isServerFailure(status);
  }
  return false;
}

/** The error a client sees when `serviceName` failed to answer a query; others pass unchanged. */
export function subgraphFault(serviceName: string, error: unknown): unknown {
  if (!isDown(error)) return error;
  return new GraphQLError(
    `The ${serviceName} service is unavailable; the fields it provides are missing from this answer.`,
    { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName }, originalError: error as Error },
  );
}

interface PeerAnswer {
  status: number;
  errors?: { extensions?: { code?: string } }[];
}

/** For subgraph-to-subgraph reads: the peer is down (or lost its database); a retry will do. */
export function peerUnavailable(answer: PeerAnswer): ServiceUnavailableError | null {
  const lostDependency = answer.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  if (!lostDependency && !isServerFailure(answer.status)) return null;
  return new ServiceUnavailableError();
}

/**
 * What graphql-ws' client fails a subscription with: the subgraph's GraphQL errors (a list; the
 * connection stays up), or anything else (a close event, a socket error): the connection is gone.
 */
export const isConnectionLost = (failure: unknown): boolean => !Array.isArray(failure);

/** What a live subscription's client sees when its subgraph's connection is gone. */
export const liveUnavailable = (): GraphQLError =>
  new GraphQLError('Live updates are unavailable right now; resume with your last cursor.', {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });

/** Readiness: the subgraph answers its /health with 2xx within `timeoutMs`. */
export async function answersHealth(graphqlUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', graphqlUrl), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}
