import { NotFoundError, SupportThroughPartnerError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { Viewer } from '../../../lib/viewer/viewer';
import type { CasesContext } from '../context';
import type { CaseCategory, Severity } from '../domain/case-enums';
import { type ResponseTarget, responseTarget, type TargetScope } from '../domain/response-target';
import { assertCategoryAvailable, partnerToContact } from '../domain/support-routing';
import type { EntitlementFacts, OrganizationFacts } from './peer-loaders';

/** What accounts and billing say about an organization, read when a rule needs it. */
export interface OrganizationSupport {
  organization: OrganizationFacts;
  entitlement: EntitlementFacts;
}

export async function loadOrganizationSupport(
  ctx: CasesContext,
  organizationId: string,
): Promise<OrganizationSupport> {
  const id = parseId(organizationId, 'organizationId');
  const [organization, entitlement] = await Promise.all([
    ctx.loaders.peers.organization.load(id),
    ctx.loaders.peers.entitlement.load(id),
  ]);
  if (!organization) throw new NotFoundError('Organization', organizationId);
  return { organization, entitlement };
}

export function targetScope(
  { organization, entitlement }: OrganizationSupport,
  category: CaseCategory,
  severity: Severity,
): TargetScope {
  return {
    cloud: organization.cloud,
    planFamily: entitlement.planFamily,
    elevated: entitlement.elevated,
    advancedSupportAgreement: organization.advancedSupportAgreement,
    category,
    severity,
  };
}

/** SUPPORT_THROUGH_PARTNER, naming the partner, unless the provider takes this request. */
export async function assertProviderSupports(
  ctx: CasesContext,
  { entitlement }: OrganizationSupport,
  actingPartnerId: string | null,
): Promise<void> {
  const partnerId = partnerToContact(entitlement, actingPartnerId);
  if (!partnerId) return;
  const partner = await ctx.loaders.peers.partner.load(partnerId);
  throw new SupportThroughPartnerError({ id: partnerId, name: partner?.name ?? partnerId });
}

/** A member acts for its own organization; anyone else allowed in acts for its partner. */
export function actingPartnerOf(viewer: Viewer, organizationId: string): string | null {
  return viewer.organizationId === organizationId ? null : viewer.partnerId;
}

/**
 * What the provider promises for a case of this category and severity, once every rule that
 * comes before a promise holds: the provider (not a partner) supports it, the organization's plan
 * covers the category, the severity exists for it.
 */
export async function providerTarget(
  ctx: CasesContext,
  support: OrganizationSupport,
  category: CaseCategory,
  severity: Severity,
): Promise<ResponseTarget> {
  await assertProviderSupports(ctx, support, actingPartnerOf(ctx.viewer, support.organization.id));
  assertCategoryAvailable(support.entitlement.planFamily, category);
  return responseTarget(targetScope(support, category, severity));
}
