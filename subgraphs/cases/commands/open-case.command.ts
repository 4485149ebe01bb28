import { assertCan } from '../../../lib/access/policy';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import type { CasesContext } from '../context';
import { CaseCategory } from '../domain/case-enums';
import { relatedIncident } from '../domain/incident-match';
import { responseDueAt } from '../domain/response-target';
import { requiresBusinessImpact } from '../domain/severity-policy';
import type { SupportCase } from '../entities/support-case.entity';
import {
  actingPartnerOf,
  loadOrganizationSupport,
  type OrganizationSupport,
  providerTarget,
} from '../peers/organization-support';
import type { OpenCaseInput } from '../types/open-case.input';
import { actorOf } from './case-mutation';
import { type OpenCaseFields, validateOpenCase } from './open-case-fields';
import { openingSeverity } from './opening-severity';
import { findByKey, storeOpenedCase } from './store-opened-case';

/**
 * Opens a service request: the viewer's right, the input, who supports the organization, the
 * severity rules and the response target, then stores it (store-opened-case.ts). A retried submit
 * with the same idempotency key returns the first case.
 */
export async function openCase(ctx: CasesContext, input: OpenCaseInput): Promise<SupportCase> {
  const actor = actorOf(ctx.viewer);
  const fields = validateOpenCase(input);
  const support = await loadOrganizationSupport(ctx, input.organizationId);
  const { organization } = support;
  assertMayOpen(ctx.viewer, organization, input.category);
  const key = fields.idempotencyKey;
  if (key) {
    const existing = await findByKey(ctx.em, organization.id, key);
    if (existing) return existing;
  }
  const assigned = await assignSeverity(ctx, support, input, fields);
  const { target } = assigned;
  const issues = await ctx.loaders.issuesByCloud.load(organization.cloud);
  const incident = relatedIncident(input.category, fields.topic, issues);
  const now = ctx.now;

  return storeOpenedCase(ctx, actor, {
    organizationId: organization.id,
    cloud: organization.cloud,
    category: input.category,
    topic: fields.topic,
    title: fields.title,
    description: fields.description,
    businessImpact: fields.businessImpact,
    ...assigned.columns,
    openedAt: now,
    responseTarget: target.target,
    responseCalendar: target.calendar,
    organizationTimeZone: organization.timeZone,
    cycleStartedAt: now,
    dueAt: responseDueAt(target, organization.timeZone, now),
    openedById: actor.id,
    onBehalfOfPartnerId: actingPartnerOf(ctx.viewer, organization.id),
    contactPhone: fields.phone,
    contactEmail: fields.email,
    contactMethod: input.contact.preferredMethod,
    idempotencyKey: key,
    relatedIncidentId: incident?.id ?? null,
    createdAt: now,
  });
}

/** The viewer may open cases for the organization, and billing cases when that is the category. */
function assertMayOpen(
  viewer: CasesContext['viewer'],
  organization: OrganizationSupport['organization'],
  category: CaseCategory,
): void {
  const scope = { id: organization.id, cloud: organization.cloud };
  assertCan(viewer, 'cases:open', scope);
  if (category === CaseCategory.BILLING_AND_SUBSCRIPTION) {
    assertCan(viewer, 'cases:openBilling', scope);
  }
}

/** The requested severity passes the severity rules; support's assessment decides what is assigned. */
async function assignSeverity(
  ctx: CasesContext,
  support: OrganizationSupport,
  input: OpenCaseInput,
  fields: OpenCaseFields,
) {
  const { organization } = support;
  await providerTarget(ctx, support, input.category, input.severity);
  if (requiresBusinessImpact(organization.cloud, input.severity) && !fields.businessImpact) {
    throw new BadUserInputError(
      'Severity A on 21Vianet needs a business-impact statement: say what is affected and how.',
      'businessImpact',
    );
  }
  return openingSeverity(
    support,
    input.category,
    input.severity,
    input.impact,
    fields.businessImpact !== null,
  );
}
