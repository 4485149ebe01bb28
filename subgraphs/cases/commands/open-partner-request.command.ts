import { assertCan } from '../../../lib/access/policy';
import { NotFoundError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { CasesContext } from '../context';
import {
  categoryOfArea,
  PARTNER_TIME_ZONE,
  partnerTargetScope,
} from '../domain/partner-request-rules';
import { responseDueAt, responseTarget } from '../domain/response-target';
import type { SupportCase } from '../entities/support-case.entity';
import type { OpenPartnerRequestInput } from '../types/open-partner-request.input';
import { actorOf } from './case-mutation';
import { validateOpenCase } from './open-case-fields';
import { severityColumns } from './opening-severity';
import { findByKey, storeOpenedCase } from './store-opened-case';

/**
 * A partner agent opens a request of its own partner organization about Partner Center (003).
 * It is a case like any other (numbered in the partner's cloud, same clocks and events), owned by
 * the partner instead of an organization.
 */
export async function openPartnerRequest(
  ctx: CasesContext,
  input: OpenPartnerRequestInput,
): Promise<SupportCase> {
  const actor = actorOf(ctx.viewer);
  const fields = validateOpenCase(input);
  const partnerId = parseId(input.partnerId, 'partnerId');
  const partner = await ctx.loaders.peers.partner.load(partnerId);
  if (!partner) throw new NotFoundError('Partner', input.partnerId);
  const scope = { id: partner.id, cloud: partner.cloud, partner: true };
  assertCan(ctx.viewer, 'cases:open', scope);
  const key = fields.idempotencyKey;
  if (key) {
    const existing = await findByKey(ctx.em, partner.id, key);
    if (existing) return existing;
  }
  // A partner has no elevated support: its request stands provisionally until support assesses it.
  const assigned = severityColumns({
    cloud: partner.cloud,
    category: categoryOfArea(input.area),
    requested: input.severity,
    impact: null,
    elevated: false,
    advancedSupportAgreement: false,
    hasBusinessImpact: fields.businessImpact !== null,
  });
  const target = responseTarget(
    partnerTargetScope(partner.cloud, input.area, assigned.columns.severity),
  );
  const now = ctx.now;
  return storeOpenedCase(ctx, actor, {
    organizationId: partner.id,
    partnerRequestArea: input.area,
    cloud: partner.cloud,
    category: categoryOfArea(input.area),
    topic: fields.topic,
    title: fields.title,
    description: fields.description,
    businessImpact: fields.businessImpact,
    ...assigned.columns,
    openedAt: now,
    responseTarget: target.target,
    responseCalendar: target.calendar,
    organizationTimeZone: PARTNER_TIME_ZONE,
    cycleStartedAt: now,
    dueAt: responseDueAt(target, PARTNER_TIME_ZONE, now),
    openedById: actor.id,
    onBehalfOfPartnerId: null,
    contactPhone: fields.phone,
    contactEmail: fields.email,
    contactMethod: input.contact.preferredMethod,
    idempotencyKey: key,
    createdAt: now,
  });
}
