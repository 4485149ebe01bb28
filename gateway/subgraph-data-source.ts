import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '../lib/logging/logger';
import { VIEWER_HEADER } from '../lib/viewer/viewer-token';
import type { GatewayContext } from './context';

/** Forwards the signed viewer context and the request id to every subgraph fetch. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('viewerToken' in context) || !request.http) return;
    request.http.headers.set(VIEWER_HEADER, context.viewerToken);
    request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
