import { can, delegatedOrganizationIds, requireUser } from '../../../lib/access/policy';
import { ForbiddenError, NotFoundError } from '../../../lib/errors/domain-errors';
import { loadOrganizationSupport } from '../commands/organization-support';
import type { CasesContext } from '../context';
import { CaseEvent } from '../entities/case-event.entity';
import type { CommittedCaseEvent } from './case-event-bus';
import { decodeEventCursor } from './case-event-cursor';
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
  const readLog = async (afterId: number, limit: number) => {
    const orgs = [viewer.organizationId, ...delegatedOrganizationIds(viewer)].filter(
      (id): id is string => !!id,
    );
    const scope = only
      ? { organizationId: only }
      : viewer.supportCloud
        ? { $or: [{ cloud: viewer.supportCloud }, { organizationId: { $in: orgs } }] }
        : { organizationId: { $in: orgs } };
    const rows = await ctx.em.fork().find(
      CaseEvent,
      { id: { $gt: afterId }, ...scope },
      {
        orderBy: { id: 'asc' },
        limit,
        fields: ['id', 'caseId', 'organizationId', 'cloud', 'kind', 'at'],
      },
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      organizationId: r.organizationId,
      cloud: r.cloud,
      kind: r.kind,
      at: r.at,
    }));
  };
  return caseEventStream({ bus: ctx.caseEvents, after, readLog, visible });
}
