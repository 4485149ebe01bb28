import { can, delegatedOrganizationIds, requireUser } from '../../../lib/access/policy';
import { ForbiddenError, NotFoundError } from '../../../lib/errors/domain-errors';
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
