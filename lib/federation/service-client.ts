import { ServiceUnavailableError, UpstreamError } from '../errors/domain-errors';
import { serviceTokenSource } from '../viewer/service-token';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../viewer/viewer-token';

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
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [VIEWER_HEADER]: await serviceToken() },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { data?: T | null; errors?: PeerError[] };
    // The peer lost its database: the same transient condition here, not a bug.
    if (body.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
      throw new ServiceUnavailableError();
    }
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
