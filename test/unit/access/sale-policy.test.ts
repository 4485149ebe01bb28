import { describe, expect, it } from 'vitest';
import { canChangeSale, sellingPartnerFor } from '../../../lib/access/policy';
import { AdminRole, Cloud } from '../../../lib/domain/enums';
import { ANONYMOUS, type Viewer } from '../../../lib/viewer/viewer';

const NOW = new Date('2026-06-01T00:00:00Z');
const TAILSPIN = { id: 'org-tailspin', cloud: Cloud.CHINA_21VIANET };
const LITWARE_SALE = { partnerId: 'partner-litware' };
const OTHER_PARTNER_SALE = { partnerId: 'partner-fourth-coffee' };
const DIRECT_SALE = { partnerId: null };

const member = (roles: AdminRole[]): Viewer => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: 'u',
  organizationId: TAILSPIN.id,
  roles,
});
const agent = (roles: AdminRole[], expiresAt = '2027-01-01T00:00:00Z'): Viewer => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: 'agent',
  partnerId: 'partner-litware',
  delegations: [{ organizationId: TAILSPIN.id, roles, expiresAt }],
});
const engineer: Viewer = {
  ...ANONYMOUS,
  kind: 'user',
  userId: 'e',
  organizationId: 'org-21vianet-support',
  supportCloud: Cloud.CHINA_21VIANET,
};

describe('changing what an organization bought', () => {
  it.each<[string, Viewer, { partnerId: string | null }, boolean]>([
    ['its global admin, a partner sale', member([AdminRole.GLOBAL_ADMIN]), LITWARE_SALE, true],
    ['its billing admin, a direct sale', member([AdminRole.BILLING_ADMIN]), DIRECT_SALE, true],
    ['its global reader', member([AdminRole.GLOBAL_READER]), DIRECT_SALE, false],
    ['its service support admin', member([AdminRole.SERVICE_SUPPORT_ADMIN]), DIRECT_SALE, false],
    [
      'the selling partner, delegated billing admin',
      agent([AdminRole.BILLING_ADMIN]),
      LITWARE_SALE,
      true,
    ],
    ['the partner, on a direct sale', agent([AdminRole.BILLING_ADMIN]), DIRECT_SALE, false],
    [
      'the partner, on another partner sale',
      agent([AdminRole.BILLING_ADMIN]),
      OTHER_PARTNER_SALE,
      false,
    ],
    [
      'the partner without delegated billing admin',
      agent([AdminRole.SERVICE_SUPPORT_ADMIN]),
      LITWARE_SALE,
      false,
    ],
    [
      'the partner once the delegation ended',
      agent([AdminRole.BILLING_ADMIN], '2026-05-31T23:59:59Z'),
      LITWARE_SALE,
      false,
    ],
    ['a support engineer of the cloud', engineer, LITWARE_SALE, false],
    ['the internal service identity', { ...ANONYMOUS, kind: 'service' }, DIRECT_SALE, false],
  ])('%s', (_name, viewer, sale, expected) => {
    expect(canChangeSale(viewer, 'billing:manage', TAILSPIN, sale, NOW)).toBe(expected);
  });

  it('sells through the partner when an agent buys, directly when a member does', () => {
    expect(sellingPartnerFor(agent([AdminRole.BILLING_ADMIN]), TAILSPIN.id)).toBe(
      'partner-litware',
    );
    expect(sellingPartnerFor(member([AdminRole.GLOBAL_ADMIN]), TAILSPIN.id)).toBeNull();
  });
});
