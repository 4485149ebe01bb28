import type { Logger } from '../lib/logging/logger';
import type { Viewer } from '../lib/viewer/viewer';

export interface GatewayContext {
  viewer: Viewer;
  /** The viewer, signed for subgraphs. */
  viewerToken: string;
  requestId: string;
  log: Logger;
}
