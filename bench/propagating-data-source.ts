import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { VIEWER_HEADER } from '../lib/viewer/viewer-token';

export interface PropagatingContext {
  viewerContext?: string;
}

/** Passes the client's pre-signed viewer context on to every subgraph fetch, nothing else. */
export class PropagatingDataSource extends RemoteGraphQLDataSource<PropagatingContext> {
  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<PropagatingContext>): void {
    if (context.viewerContext) request.http?.headers.set(VIEWER_HEADER, context.viewerContext);
  }
}
