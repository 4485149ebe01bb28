import type { ViewerChange } from '../../../lib/viewer/viewer-change';
import type { ViewerChangePublisher } from './viewer-change-publisher';

/**
 * One request's announcements: each is published at once, and all of them ride on the answer
 * (viewer-changes.plugin.ts), so the gateway that relayed the mutation drops the stale viewers
 * before its client hears back, Redis or not. Call `announce` after the transaction committed:
 * a gateway that re-reads earlier would cache the old facts again.
 */
export interface ViewerChanges {
  announce(change: Partial<ViewerChange>): Promise<void>;
  /** Everything announced in this request, or null. */
  announced(): ViewerChange | null;
}

export function viewerChangesOf(publisher: ViewerChangePublisher): ViewerChanges {
  const userIds = new Set<string>();
  const partnerIds = new Set<string>();
  return {
    announce(change) {
      for (const id of change.userIds ?? []) userIds.add(id);
      for (const id of change.partnerIds ?? []) partnerIds.add(id);
      return publisher.publish({
        userIds: change.userIds ?? [],
        partnerIds: change.partnerIds ?? [],
      });
    },
    announced: () =>
      userIds.size + partnerIds.size === 0
        ? null
        : { userIds: [...userIds], partnerIds: [...partnerIds] },
  };
}
