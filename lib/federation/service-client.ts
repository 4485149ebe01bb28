import { ServiceUnavailableError, UpstreamError } from '../errors/domain-errors';
import { serviceTokenSource } from '../viewer/service-token';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../viewer/viewer-token';
import { peerUnavailable, reachSubgraph, SubgraphUnreachableError } from './subgraph-availability';

export interface PeerError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface ServiceClient {
  /** Runs a query against a peer subgraph as the trusted internal service identity. */
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Like query, but keeps partial answers: an `_entities` batch where one representation fails
   * (e.g. NOT_FOUND) returns the others with that error on its path, instead of failing whole.
   */
  queryPartial<T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; errors: PeerError[] }>;
}

/**
 * Subgraph-to-subgraph reads (e.g. cases asking billing for an entitlement when a case opens).
 * The caller is the service identity: the policy lets it read, never write.
 */
export function createServiceClient(
  url: string,
  codec: ViewerTokenCodec,
  timeoutMs = 5_000,
): ServiceClient {
  const serviceToken = serviceTokenSource(codec);
  const post = async <T>(query: string, variables: Record<string, unknown>) => {
    const headers = { 'content-type': 'application/json', [VIEWER_HEADER]: await serviceToken() };
    const signal = AbortSignal.timeout(timeoutMs);
    const { response, body } = await reachSubgraph(url, signal, async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal,
      });
      const text = await response.text();
      return { response, body: parseAnswer<T>(text) };
    }).catch((error: unknown) => {
      // Down, or too slow: the same transient condition here, not a bug.
      if (error instanceof SubgraphUnreachableError) throw new ServiceUnavailableError();
      throw error;
    });
    const unavailable = peerUnavailable({ status: response.status, errors: body.errors });
    if (unavailable) throw unavailable;
    if (!response.ok || !body.data) {
      throw new UpstreamError(
        url,
        body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`,
      );
    }
    return { data: body.data, errors: body.errors ?? [] };
  };
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}) {
      const { data, errors } = await post<T>(query, variables);
      if (errors.length) throw new UpstreamError(url, errors.map((e) => e.message).join('; '));
      return data;
    },
    queryPartial: <T>(query: string, variables: Record<string, unknown> = {}) =>
      post<T>(query, variables),
  };
}

/** A peer's answer; a body that is no GraphQL response (a proxy's error page) holds no data. */
function parseAnswer<T>(text: string): { data?: T | null; errors?: PeerError[] } {
  try {
    return JSON.parse(text) as { data?: T | null; errors?: PeerError[] };
  } catch {
    return {};
  }
}
