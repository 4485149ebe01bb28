import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { subgraphFault } from '../lib/federation/subgraph-availability';
import { REQUEST_ID_HEADER } from '../lib/logging/logger';
import { VIEWER_HEADER } from '../lib/viewer/viewer-token';
import type { GatewayContext } from './context';

/** A literal that is no DateTime fails the subgraph's validation only: still the client's mistake. */
const CLIENT_MISTAKES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

interface ErrorBody {
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** Forwards the signed viewer context and the request id to every subgraph fetch. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  override didEncounterError(error: Error): never {
    throw subgraphFault(this.serviceName, error);
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('viewerToken' in context) || !request.http) return;
    request.http.headers.set(VIEWER_HEADER, context.viewerToken);
    request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  // A subgraph answers HTTP 400 when a variable does not coerce to a custom scalar (a DateTime
  // that is not one): that is the client's mistake, so its message and code reach the client
  // rather than an internal error.
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: ErrorBody } | undefined)?.body;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    const code = first?.extensions?.code;
    if (response.status === 400 && first?.message && code && CLIENT_MISTAKES.has(code)) {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return error;
  }
}
