import type { BaseContext } from '../../lib/http/subgraph-server';
import type { Notifier } from '../../lib/notify/notifier';
import type { AccountsLoaders } from './loaders';
import type { ViewerChanges } from './viewer/viewer-changes';

export interface AccountsContext extends BaseContext {
  loaders: AccountsLoaders;
  notifier: Notifier;
  /** Keys the HMAC of verification codes. */
  codeSecret: string;
  /** Whose cached viewer context this request's committed changes made stale. */
  viewerChanges: ViewerChanges;
}
