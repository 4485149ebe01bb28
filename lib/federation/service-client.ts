import { UpstreamError } from '../errors/domain-errors';
import { GATEWAY_SERVICE } from '../viewer/viewer';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../viewer/viewer-token';

export interface ServiceClient {
  /** Runs a query against a peer subgraph as the trusted internal service identity. */
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
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
  let token: { value: string; renewAt: number } | null = null;
  const serviceToken = async () => {
    if (!token || token.renewAt < Date.now()) {
      token = {
        value: await codec.sign(GATEWAY_SERVICE),
        renewAt: Date.now() + (codec.lifetimeSeconds * 1000) / 2,
      };
    }
    return token.value;
  };
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [VIEWER_HEADER]: await serviceToken() },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!response.ok || body.errors?.length || !body.data) {
        throw new UpstreamError(
          url,
          body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`,
        );
      }
      return body.data;
    },
  };
}
