import { can } from '../../../lib/access/policy';
import { memberRefusal, rolesGranting, selfHelpFor } from '../../../lib/access/self-help';
import type { AdminRole } from '../../../lib/domain/enums';
import type { CasesContext } from '../context';
import { providerName } from '../domain/support-channels';
import { type CategoryOption, categoryOptions } from '../domain/support-options';
import { partnerToContact } from '../domain/support-routing';
import { actingPartnerOf, type OrganizationSupport } from '../peers/organization-support';

export interface SupportOptionsView {
  provider: string;
  supportingPartner: { id: string; name: string } | null;
  summary: string;
  viewerMayOpenCases: boolean;
  askAdminRoles: AdminRole[];
  selfHelp: ReturnType<typeof selfHelpFor>;
  categories: CategoryOption[];
}

/**
 * The support options of an organization as this viewer may use them: who supports it (a partner
 * named when every subscription came through one), whether the viewer may ask, and if not whom
 * to ask; per category the channels, hours and the expected wait right now.
 */
export async function supportOptions(
  ctx: CasesContext,
  { organization, entitlement }: OrganizationSupport,
): Promise<SupportOptionsView> {
  const scope = { id: organization.id, cloud: organization.cloud };
  const provider = providerName(organization.cloud);
  const viewerMayOpenCases = can(ctx.viewer, 'cases:open', scope);
  const isMember = ctx.viewer.organizationId === organization.id;
  const refusal = memberRefusal('cases:open', organization.cloud, ctx.viewer.roles.length > 0);
  const partnerId = partnerToContact(entitlement, actingPartnerOf(ctx.viewer, organization.id));
  const partner = partnerId ? await ctx.loaders.peers.partner.load(partnerId) : null;
  const supportingPartner = partnerId ? { id: partnerId, name: partner?.name ?? partnerId } : null;
  const summary = supportingPartner
    ? `Every subscription was bought through ${supportingPartner.name}, which supports this ` +
      `organization (a CSP reseller, 24 hours a day, 365 days a year): contact ` +
      `${supportingPartner.name}; it can open a ${provider} case on your behalf.`
    : viewerMayOpenCases || !isMember
      ? `${provider} supports this organization: technical, billing and subscription, and pre-sales.`
      : refusal.message;
  return {
    provider,
    supportingPartner,
    summary,
    viewerMayOpenCases,
    askAdminRoles: !viewerMayOpenCases && isMember ? rolesGranting('cases:open') : [],
    selfHelp: selfHelpFor(organization.cloud),
    categories: supportingPartner
      ? []
      : categoryOptions({ ...organization, ...entitlement }, ctx.now),
  };
}
