import { type EntityManager, LockMode } from '@mikro-orm/core';
import type { Action } from '../../../lib/access/permissions';
import { assertCan, can, type OrganizationScope, requireUser } from '../../../lib/access/policy';
import { NotFoundError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { Viewer } from '../../../lib/viewer/viewer';
import type { CasesContext } from '../context';
import type { CaseSide } from '../domain/case-lifecycle';
import type { CaseEvent } from '../entities/case-event.entity';
import { SupportCase } from '../entities/support-case.entity';
import { type Actor, CaseEventRecorder } from './case-event-recorder';

// Every change to an existing case runs through here: one transaction that locks the case row,
// checks the viewer's right, applies the change and appends its events. An error anywhere rolls
// all of it back, events included.

export interface CaseChange {
  em: EntityManager;
  kase: SupportCase;
  events: CaseEventRecorder;
  now: Date;
  actor: Actor;
  /** Support engineer of the case's cloud, or the customer's side (admins, delegated partner). */
  side: CaseSide;
}

/** Whose case it is, for the policy: an organization, or a partner for its own request. */
export const scopeOf = (kase: SupportCase): OrganizationScope => ({
  id: kase.organizationId,
  cloud: kase.cloud,
  partner: !!kase.partnerRequestArea,
});

export function actorOf(viewer: Viewer): Actor {
  requireUser(viewer);
  return { id: viewer.userId!, email: viewer.email };
}

export function sideOf(viewer: Viewer, kase: SupportCase): CaseSide {
  return can(viewer, 'cases:respond', scopeOf(kase)) ? 'support' : 'customer';
}

export async function mutateCase(
  ctx: CasesContext,
  caseId: string,
  action: Action,
  change: (c: CaseChange) => void | Promise<void>,
): Promise<SupportCase> {
  const actor = actorOf(ctx.viewer);
  const id = parseId(caseId, 'caseId');
  let written: CaseEvent[] = [];
  const changed = await ctx.em.fork().transactional(async (em) => {
    const kase = await em.findOne(
      SupportCase,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!kase) throw new NotFoundError('Case', caseId);
    assertCan(ctx.viewer, 'cases:read', scopeOf(kase));
    assertCan(ctx.viewer, action, scopeOf(kase));
    const events = new CaseEventRecorder(kase, actor, ctx.now);
    await change({ em, kase, events, now: ctx.now, actor, side: sideOf(ctx.viewer, kase) });
    written = await events.write(em);
    return kase;
  });
  // Committed: only now may live subscribers hear of it.
  ctx.caseEvents?.publish(written);
  return changed;
}
