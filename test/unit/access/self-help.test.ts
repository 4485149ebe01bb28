import { describe, expect, it } from 'vitest';
import { memberRefusal, rolesGranting, selfHelpFor } from '../../../lib/access/self-help';
import { AdminRole, Cloud } from '../../../lib/domain/enums';

describe('where a member who may not ask support is pointed (issue 12.9)', () => {
  it('names every admin role that opens service requests, not the global reader', () => {
    expect(rolesGranting('cases:open')).toEqual([
      AdminRole.GLOBAL_ADMIN,
      AdminRole.BILLING_ADMIN,
      AdminRole.SERVICE_SUPPORT_ADMIN,
      AdminRole.HELPDESK_ADMIN,
      AdminRole.USER_ADMIN,
      AdminRole.EXCHANGE_ADMIN,
      AdminRole.SHAREPOINT_ADMIN,
      AdminRole.TEAMS_ADMIN,
    ]);
    expect(rolesGranting('cases:openBilling')).toEqual([
      AdminRole.GLOBAL_ADMIN,
      AdminRole.BILLING_ADMIN,
    ]);
  });

  it('points a member without a role to self-help, the community and the admins by role', () => {
    const refusal = memberRefusal('cases:read', Cloud.GLOBAL, false);
    expect(refusal.askAdminRoles).toEqual(rolesGranting('cases:open'));
    expect(refusal.selfHelp.map((h) => h.kind)).toEqual(['SELF_HELP', 'COMMUNITY', 'COMMUNITY']);
    expect(refusal.message).toMatch(/^Only admins of the organization can ask support/);
    expect(refusal.message).toMatch(/global admin, .* or Teams admin\)\.$/);
    expect(refusal.message).not.toMatch(/@/);
  });

  it('tells an admin whose role falls short which roles to ask, without self-help', () => {
    const refusal = memberRefusal('cases:openBilling', Cloud.GLOBAL, true);
    expect(refusal).toEqual({
      message:
        'Your admin role does not cover this: ask an admin of your organization (global admin or ' +
        'billing admin).',
      askAdminRoles: [AdminRole.GLOBAL_ADMIN, AdminRole.BILLING_ADMIN],
      selfHelp: [],
    });
  });

  it("gives 21Vianet users 21Vianet's resources, with no address the documents do not give", () => {
    const help = selfHelpFor(Cloud.CHINA_21VIANET);
    expect(help.map((h) => h.name).join(' ')).toMatch(/21Vianet/);
    expect(help.every((h) => h.url === null)).toBe(true);
  });
});
