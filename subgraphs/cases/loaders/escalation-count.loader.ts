import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { SupportCase } from '../entities/support-case.entity';

/** Escalated cases per partner (the cases it opened for customers), one grouped count per batch. */
export function escalationCountLoader(em: EntityManager): DataLoader<string, number> {
  return new DataLoader(async (partnerIds) => {
    const rows: { partner: string; total: number | string }[] = await (em as SqlEntityManager)
      .createQueryBuilder(SupportCase, 'c')
      .select([raw('c.on_behalf_of_partner_id as partner'), raw('count(*) as total')])
      .where({ onBehalfOfPartnerId: { $in: [...partnerIds] }, escalated: true })
      .groupBy('c.on_behalf_of_partner_id')
      .execute('all', false);
    const counts = new Map(rows.map((r) => [r.partner, Number(r.total)]));
    return partnerIds.map((id) => counts.get(id) ?? 0);
  });
}
