import { AdminRole } from '../../../lib/domain/enums';
import { BadUserInputError } from '../../../lib/errors/domain-errors';

// Granular delegated admin privileges (domain.md, "Partners"): 1 day to 2 years, some admin
// roles, never the global admin role.

export const MIN_DELEGATION_DAYS = 1;
export const MAX_DELEGATION_DAYS = 730;

export function assertValidDelegationRequest(roles: AdminRole[], durationDays: number): void {
  if (roles.length === 0) throw new BadUserInputError('Grant at least one admin role.', 'roles');
  if (roles.includes(AdminRole.GLOBAL_ADMIN)) {
    throw new BadUserInputError('A partner can never be granted the global admin role.', 'roles');
  }
  if (
    !Number.isInteger(durationDays) ||
    durationDays < MIN_DELEGATION_DAYS ||
    durationDays > MAX_DELEGATION_DAYS
  ) {
    throw new BadUserInputError(
      `A delegation lasts from ${MIN_DELEGATION_DAYS} day to 2 years (${MAX_DELEGATION_DAYS} days); got ${durationDays}.`,
      'durationDays',
    );
  }
}
