import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { CaseEvent } from '../entities/case-event.entity';
import { type CommittedCaseEvent, toCommitted } from './committed-case-event';

// Reads of the case event log as live updates need them: the notice fields only, in id order.

export async function readCaseEventLog(
  em: EntityManager,
  afterId: number,
  limit: number,
  scope: FilterQuery<CaseEvent> = {},
): Promise<CommittedCaseEvent[]> {
  const rows = await em.fork().find(
    CaseEvent,
    { $and: [{ id: { $gt: afterId } }, scope] },
    {
      orderBy: { id: 'asc' },
      limit,
      fields: ['id', 'caseId', 'organizationId', 'cloud', 'kind', 'at'],
    },
  );
  return rows.map(toCommitted);
}

export async function lastCaseEventId(em: EntityManager): Promise<number> {
  const [last] = await em
    .fork()
    .find(CaseEvent, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
  return last?.id ?? 0;
}
