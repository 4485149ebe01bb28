import { describe, expect, it } from 'vitest';
import { AdminRole } from '../../../lib/domain/enums';
import { assertValidDelegationRequest } from '../../../subgraphs/accounts/domain/delegation-rules';

describe('delegation requests', () => {
  it.each([
    [[AdminRole.SERVICE_SUPPORT_ADMIN], 1, null],
    [[AdminRole.BILLING_ADMIN, AdminRole.HELPDESK_ADMIN], 730, null],
    [[AdminRole.SERVICE_SUPPORT_ADMIN], 0, /1 day to 2 years/],
    [[AdminRole.SERVICE_SUPPORT_ADMIN], 731, /1 day to 2 years/],
    [[AdminRole.SERVICE_SUPPORT_ADMIN], 1.5, /1 day to 2 years/],
    [[AdminRole.GLOBAL_ADMIN], 30, /never be granted the global admin/],
    [[], 30, /at least one/],
  ])('%j for %d days', (roles, days, refusal) => {
    const check = () => assertValidDelegationRequest(roles, days);
    if (refusal) expect(check).toThrowError(refusal);
    else expect(check).not.toThrow();
  });
});
