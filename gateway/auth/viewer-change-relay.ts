import type { GraphQLDataSource } from '@apollo/gateway';
import { isViewerChange, VIEWER_CHANGES_EXTENSION } from '../../lib/viewer/viewer-change';
import type { ViewerDirectory } from './viewer-directory';

/**
 * A `didReceiveResponse` for the accounts data source: accounts names, in the extensions of its
 * answer, whose viewer its mutation changed, so this replica drops them before its client hears
 * back (with or without Redis, which tells the other replicas). The gateway never forwards
 * subgraph extensions, so clients do not see it.
 */
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

export function relayViewerChanges(directory: Pick<ViewerDirectory, 'forget'>) {
  return ({ response }: { response: SubgraphResponse }): SubgraphResponse => {
    const change = response.extensions?.[VIEWER_CHANGES_EXTENSION];
    if (isViewerChange(change)) directory.forget(change);
    return response;
  };
}
