import { can, delegatedOrganizationIds, requireUser } from '../../../lib/access/policy';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
} from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { CasesContext } from '../context';
import { loadOrganizationSupport } from '../peers/organization-support';
import type { CommittedCaseEvent } from './case-event-bus';
import { decodeEventCursor } from './case-event-cursor';
import { readCaseEventLog } from './case-event-log';
import { caseEventStream } from './case-event-stream';

// Subscribe-time half of Subscription.caseEvents: who may listen to what, and the stream.
// Authorization runs once here and again for every event (a delegation that ends filters the
// stream from then on).

export interface CaseEventsArgs {
  organizationId?: string | null;
  /** A partner's own requests instead of organizations' cases. */
  partnerId?: string | null;
  after?: string | null;
}

export async function subscribeCaseEvents(
  ctx: CasesContext,
  args: CaseEventsArgs,
): Promise<AsyncIterableIterator<CommittedCaseEvent>> {
  const { viewer } = ctx;
  requireUser(viewer);
  if (!ctx.caseEvents) throw new Error('Live updates are not enabled on this server.');
  const after = args.after ? decodeEventCursor(args.after) : null;
  if (args.partnerId) {
    if (args.organizationId) {
      throw new BadUserInputError('Ask for an organization or a partner, not both.', 'partnerId');
    }
    return subscribePartnerRequestEvents(ctx, args.partnerId, after);
  }
  const only = args.organizationId ?? null;
  if (only) {
    const { organization } = await loadOrganizationSupport(ctx, only);
    if (!can(viewer, 'cases:read', { id: organization.id, cloud: organization.cloud })) {
      throw new ForbiddenError(`You may not see the cases of organization "${only}".`);
    }
  } else if (
    !viewer.organizationId &&
    !viewer.supportCloud &&
    delegatedOrganizationIds(viewer).length === 0
  ) {
    throw new NotFoundError('Organization', 'any you may see');
  }
  const visible = (e: CommittedCaseEvent) =>
    (!only || e.organizationId === only) &&
    can(viewer, 'cases:read', { id: e.organizationId, cloud: e.cloud }, new Date());
  const orgs = [viewer.organizationId, ...delegatedOrganizationIds(viewer)].filter(
    (id): id is string => !!id,
  );
  const scope = only
    ? { organizationId: only }
    : viewer.supportCloud
      ? { $or: [{ cloud: viewer.supportCloud }, { organizationId: { $in: orgs } }] }
      : { organizationId: { $in: orgs } };
  const readLog = (afterId: number, limit: number) =>
    readCaseEventLog(ctx.em, afterId, limit, scope);
  return caseEventStream({ bus: ctx.caseEvents, after, readLog, visible });
}

/** The events of a partner's own requests: its agents and the engineers of its cloud. */
async function subscribePartnerRequestEvents(
  ctx: CasesContext,
  partnerId: string,
  after: number | null,
): Promise<AsyncIterableIterator<CommittedCaseEvent>> {
  const partner = await ctx.loaders.peers.partner.load(parseId(partnerId, 'partnerId'));
  if (!partner) throw new NotFoundError('Partner', partnerId);
  const scope = { id: partner.id, cloud: partner.cloud, partner: true };
  if (!can(ctx.viewer, 'cases:read', scope)) {
    throw new ForbiddenError(`You may not see the requests of partner "${partnerId}".`);
  }
  const visible = (e: CommittedCaseEvent) =>
    e.organizationId === partner.id && can(ctx.viewer, 'cases:read', scope, new Date());
  const readLog = (afterId: number, limit: number) =>
    readCaseEventLog(ctx.em, afterId, limit, { organizationId: partner.id });
  return caseEventStream({ bus: ctx.caseEvents!, after, readLog, visible });
}
