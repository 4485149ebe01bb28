import { describe, expect, it } from 'vitest';
import {
  assertCan,
  assertSupportEngineerOf,
  can,
  canReadPartnerRecord,
  isAgentOf,
  requireCaller,
} from '../../../lib/access/policy';
import { AdminRole, Cloud } from '../../../lib/domain/enums';
import {
  AdminRoleNeededError,
  ForbiddenError,
  UnauthenticatedError,
} from '../../../lib/errors/domain-errors';
import { ANONYMOUS, GATEWAY_SERVICE, type Viewer } from '../../../lib/viewer/viewer';

const NOW = new Date('2026-06-01T00:00:00Z');
const CONTOSO = { id: 'org-contoso', cloud: Cloud.GLOBAL };
const TAILSPIN = { id: 'org-tailspin', cloud: Cloud.CHINA_21VIANET };
const ADATUM = { id: 'org-adatum', cloud: Cloud.CHINA_21VIANET };

const member = (roles: AdminRole[]): Viewer => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: 'u',
  email: 'u@x',
  organizationId: CONTOSO.id,
  roles,
});
const agent: Viewer = {
  ...ANONYMOUS,
  kind: 'user',
  userId: 'agent',
  partnerId: 'partner-litware',
  delegations: [
    {
      organizationId: TAILSPIN.id,
      roles: [AdminRole.SERVICE_SUPPORT_ADMIN, AdminRole.GLOBAL_ADMIN],
      expiresAt: '2027-01-01T00:00:00Z',
    },
    {
      organizationId: ADATUM.id,
      roles: [AdminRole.SERVICE_SUPPORT_ADMIN],
      expiresAt: '2026-05-01T00:00:00Z',
    },
  ],
};
const engineer = (cloud: Cloud): Viewer => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: 'e',
  organizationId: 'org-provider',
  supportCloud: cloud,
});

describe('access policy', () => {
  it.each([
    [
      'global admin manages billing',
      member([AdminRole.GLOBAL_ADMIN]),
      'billing:manage',
      CONTOSO,
      true,
    ],
    ['billing admin reads cases', member([AdminRole.BILLING_ADMIN]), 'cases:read', CONTOSO, true],
    [
      'global reader reads billing',
      member([AdminRole.GLOBAL_READER]),
      'billing:read',
      CONTOSO,
      true,
    ],
    [
      'global reader cannot open cases',
      member([AdminRole.GLOBAL_READER]),
      'cases:open',
      CONTOSO,
      false,
    ],
    ['exchange admin reads cases', member([AdminRole.EXCHANGE_ADMIN]), 'cases:read', CONTOSO, true],
    ['exchange admin opens cases', member([AdminRole.EXCHANGE_ADMIN]), 'cases:open', CONTOSO, true],
    [
      'sharepoint admin manages cases',
      member([AdminRole.SHAREPOINT_ADMIN]),
      'cases:manage',
      CONTOSO,
      true,
    ],
    ['teams admin reopens cases', member([AdminRole.TEAMS_ADMIN]), 'cases:reopen', CONTOSO, true],
    [
      'exchange admin opens no billing case',
      member([AdminRole.EXCHANGE_ADMIN]),
      'cases:openBilling',
      CONTOSO,
      false,
    ],
    [
      'teams admin reads no billing',
      member([AdminRole.TEAMS_ADMIN]),
      'billing:read',
      CONTOSO,
      false,
    ],
    [
      'global reader does not manage cases',
      member([AdminRole.GLOBAL_READER]),
      'cases:manage',
      CONTOSO,
      false,
    ],
    ['a member without role sees the profile', member([]), 'organization:read', CONTOSO, true],
    ['a member without role sees no cases', member([]), 'cases:read', CONTOSO, false],
    [
      'service support admin cannot read billing',
      member([AdminRole.SERVICE_SUPPORT_ADMIN]),
      'billing:read',
      CONTOSO,
      false,
    ],
    [
      'nobody reaches another tenant',
      member([AdminRole.GLOBAL_ADMIN]),
      'organization:read',
      TAILSPIN,
      false,
    ],
    ['agent works cases under a valid delegation', agent, 'cases:open', TAILSPIN, true],
    ['delegated global admin is ignored', agent, 'roles:manage', TAILSPIN, false],
    ['an expired delegation grants nothing', agent, 'organization:read', ADATUM, false],
    ['agent without delegation is refused', agent, 'organization:read', CONTOSO, false],
    [
      'engineer works cases of its cloud',
      engineer(Cloud.CHINA_21VIANET),
      'cases:manage',
      TAILSPIN,
      true,
    ],
    [
      'engineer of the other cloud is refused',
      engineer(Cloud.GLOBAL),
      'cases:read',
      TAILSPIN,
      false,
    ],
    [
      'engineer needs phone verification for billing',
      engineer(Cloud.CHINA_21VIANET),
      'billing:read',
      TAILSPIN,
      false,
    ],
    ['anonymous gets nothing', ANONYMOUS, 'organization:read', CONTOSO, false],
    [
      'engineer responds to cases of its cloud',
      engineer(Cloud.GLOBAL),
      'cases:respond',
      CONTOSO,
      true,
    ],
    [
      'an admin does not respond as support',
      member([AdminRole.GLOBAL_ADMIN]),
      'cases:respond',
      CONTOSO,
      false,
    ],
    ['a delegated agent does not respond as support', agent, 'cases:respond', TAILSPIN, false],
    [
      'helpdesk admin reopens cases',
      member([AdminRole.HELPDESK_ADMIN]),
      'cases:reopen',
      CONTOSO,
      true,
    ],
    [
      'global reader does not answer surveys',
      member([AdminRole.GLOBAL_READER]),
      'cases:survey',
      CONTOSO,
      false,
    ],
    ['engineer does not answer surveys', engineer(Cloud.GLOBAL), 'cases:survey', CONTOSO, false],
    [
      'engineer does not reopen for the customer',
      engineer(Cloud.GLOBAL),
      'cases:reopen',
      CONTOSO,
      false,
    ],
  ] as const)('%s', (_name, viewer, action, org, expected) => {
    expect(can(viewer, action, org, NOW)).toBe(expected);
  });

  it('gives an engineer billing access while a verification grant lasts', () => {
    const verified = {
      ...engineer(Cloud.CHINA_21VIANET),
      verificationGrants: [{ organizationId: TAILSPIN.id, expiresAt: '2026-06-01T00:10:00Z' }],
    };
    expect(can(verified, 'billing:read', TAILSPIN, NOW)).toBe(true);
    expect(can(verified, 'billing:read', TAILSPIN, new Date('2026-06-01T00:11:00Z'))).toBe(false);
  });
});

describe('partner, service and engineer checks', () => {
  it('knows a partner agent by its partner only', () => {
    expect(isAgentOf(agent, 'partner-litware')).toBe(true);
    expect(isAgentOf(agent, 'partner-other')).toBe(false);
    expect(isAgentOf(agent, null)).toBe(false);
    expect(isAgentOf(member([AdminRole.GLOBAL_ADMIN]), 'partner-litware')).toBe(false);
  });

  it("shows a partner's record to its agents and to support, not to customers", () => {
    expect(canReadPartnerRecord(agent, 'partner-litware')).toBe(true);
    expect(canReadPartnerRecord(agent, 'partner-other')).toBe(false);
    expect(canReadPartnerRecord(engineer(Cloud.GLOBAL), 'partner-litware')).toBe(true);
    expect(canReadPartnerRecord(member([AdminRole.GLOBAL_ADMIN]), 'partner-litware')).toBe(false);
  });

  it('lets users and the service identity call, not anonymous callers', () => {
    expect(() => requireCaller(GATEWAY_SERVICE)).not.toThrow();
    expect(() => requireCaller(agent)).not.toThrow();
    expect(() => requireCaller(ANONYMOUS)).toThrow(UnauthenticatedError);
  });

  it("keeps a cloud's service health to that cloud's engineers", () => {
    expect(() => assertSupportEngineerOf(engineer(Cloud.GLOBAL), Cloud.GLOBAL)).not.toThrow();
    expect(() => assertSupportEngineerOf(engineer(Cloud.GLOBAL), Cloud.CHINA_21VIANET)).toThrow(
      ForbiddenError,
    );
    expect(() => assertSupportEngineerOf(member([AdminRole.GLOBAL_ADMIN]), Cloud.GLOBAL)).toThrow(
      ForbiddenError,
    );
    expect(() => assertSupportEngineerOf(ANONYMOUS, Cloud.GLOBAL)).toThrow(UnauthenticatedError);
  });
});

describe("a partner's own requests (issue 12.6)", () => {
  const LITWARE = { id: 'partner-litware', cloud: Cloud.CHINA_21VIANET, partner: true };
  const OTHER = { id: 'partner-other', cloud: Cloud.CHINA_21VIANET, partner: true };

  it.each([
    ['its agent opens them', agent, 'cases:open', LITWARE, true],
    ['its agent opens billing ones', agent, 'cases:openBilling', LITWARE, true],
    ['its agent does not respond as support', agent, 'cases:respond', LITWARE, false],
    ["another partner's are closed to it", agent, 'cases:read', OTHER, false],
    [
      'the engineer of its cloud responds',
      engineer(Cloud.CHINA_21VIANET),
      'cases:respond',
      LITWARE,
      true,
    ],
    [
      'the engineer of another cloud does not',
      engineer(Cloud.GLOBAL),
      'cases:read',
      LITWARE,
      false,
    ],
    [
      'a customer admin does not read them',
      member([AdminRole.GLOBAL_ADMIN]),
      'cases:read',
      LITWARE,
      false,
    ],
  ] as const)('%s', (_name, viewer, action, scope, expected) => {
    expect(can(viewer, action, scope, NOW)).toBe(expected);
  });
});

describe('refusals to members (issue 12.9)', () => {
  it('points a member without a role to self-help and the admins, with the codes in extensions', () => {
    try {
      assertCan(member([]), 'cases:read', CONTOSO);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AdminRoleNeededError);
      const refused = error as AdminRoleNeededError;
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.extensions.askAdminRoles).toContain(AdminRole.EXCHANGE_ADMIN);
      expect(refused.extensions.selfHelp).not.toEqual([]);
    }
  });

  it('keeps the plain refusal for someone outside the organization', () => {
    expect(() => assertCan(agent, 'cases:read', CONTOSO)).toThrow(
      'You may not see the service requests of organization "org-contoso".',
    );
  });
});
