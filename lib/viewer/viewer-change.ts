/**
 * Whose viewer context a committed change in accounts made stale: users whose roles or
 * verification grants changed, and partners whose delegations did (every agent of the partner).
 * Accounts announces it after the commit; every gateway drops those cached contexts.
 */
export interface ViewerChange {
  userIds: string[];
  partnerIds: string[];
}

export const isViewerChange = (value: unknown): value is ViewerChange => {
  const change = value as ViewerChange | null;
  const strings = (list: unknown) =>
    Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (
    typeof change === 'object' &&
    change !== null &&
    strings(change.userIds) &&
    strings(change.partnerIds)
  );
};
