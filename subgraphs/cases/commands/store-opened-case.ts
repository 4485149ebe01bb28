import { randomUUID } from 'node:crypto';
import {
  type EntityManager,
  type RequiredEntityData,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { CasesContext } from '../context';
import { CaseEventKind } from '../domain/case-enums';
import { caseNumberSequence, formatCaseNumber } from '../domain/case-number';
import type { CaseEvent } from '../entities/case-event.entity';
import { SupportCase } from '../entities/support-case.entity';
import { type Actor, CaseEventRecorder } from './case-event-recorder';
import { advanceSequence } from './sequence';

/** Everything a new case holds except what storing it decides (id, number). */
export type OpenedCaseData = Omit<RequiredEntityData<SupportCase>, 'id' | 'number'> &
  Pick<SupportCase, 'organizationId' | 'cloud' | 'severity' | 'category'>;

export const findByKey = (em: EntityManager, organizationId: string, idempotencyKey: string) =>
  em.findOne(SupportCase, { organizationId, idempotencyKey }, { refresh: true });

/**
 * One transaction that numbers the case, stores it and logs OPENED, then publishes the event. A
 * retried submit that raced the first into the database loses on the unique key and returns the
 * winner.
 */
export async function storeOpenedCase(
  ctx: CasesContext,
  actor: Actor,
  data: OpenedCaseData,
): Promise<SupportCase> {
  const key = data.idempotencyKey ?? null;
  try {
    let written: CaseEvent[] = [];
    const opened = await ctx.em.fork().transactional(async (em) => {
      const sequence = await advanceSequence(em, caseNumberSequence(data.cloud));
      const kase = em.create(SupportCase, {
        ...data,
        id: `case-${randomUUID()}`,
        number: formatCaseNumber(data.cloud, sequence),
      });
      const events = new CaseEventRecorder(kase, actor, ctx.now);
      events.add(CaseEventKind.OPENED, null, {
        number: kase.number,
        category: kase.category,
        severity: kase.severity,
        requestedSeverity: kase.requestedSeverity,
        severitySource: kase.severitySource,
        status: kase.status,
        dueAt: kase.dueAt ?? null,
        onBehalfOf: kase.onBehalfOfPartnerId ?? null,
        relatedIncident: kase.relatedIncidentId ?? null,
      });
      written = await events.write(em);
      return kase;
    });
    // Committed: only now may live subscribers hear of it.
    ctx.caseEvents?.publish(written);
    return opened;
  } catch (error) {
    if (key && error instanceof UniqueConstraintViolationException) {
      const first = await findByKey(ctx.em.fork(), data.organizationId, key);
      if (first) return first;
    }
    throw error;
  }
}
