/**
 * Whose viewer context a committed change in accounts made stale: users whose roles or
 * verification grants changed, and partners whose delegations did (every agent of the partner).
 * Accounts announces it after the commit; every gateway drops those cached contexts.
 */
export interface ViewerChange {
  userIds: string[];
  partnerIds: string[];
}

export function isViewerChange(value: unknown): value is ViewerChange {
  const change = value as ViewerChange | null;
  const strings = (list: unknown) =>
    Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (
    typeof change === 'object' &&
    change !== null &&
    strings(change.userIds) &&
    strings(change.partnerIds)
  );
}

/** The Redis channel accounts announces on and every gateway listens to. */
export const viewerChangeChannel = (keyPrefix: string): string => `${keyPrefix}viewer-changes`;

/** The key of the notice in the extensions of accounts' answer to the mutation that made it. */
export const VIEWER_CHANGES_EXTENSION = 'viewerChanges';

/** Null for anything that is not a notice (a peer that is not ours, a corrupted message). */
export function parseViewerChange(message: string): ViewerChange | null {
  try {
    const value: unknown = JSON.parse(message);
    return isViewerChange(value) ? value : null;
  } catch {
    return null;
  }
}
