import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import type { JudgedEscalation } from '../domain/escalation-review';
import { SupportCase } from '../entities/support-case.entity';

interface Row {
  partner: string;
  appropriate: boolean | number | null;
  judged_at: Date | string | number | null;
}

/**
 * The judgement of every escalation, per partner: one query per batch, three columns, outside the
 * identity map (a partial case there would shadow the full one other fields load).
 */
export function escalationJudgementsLoader(
  em: EntityManager,
): DataLoader<string, JudgedEscalation[]> {
  return new DataLoader(async (partnerIds) => {
    const rows: Row[] = await (em as SqlEntityManager)
      .createQueryBuilder(SupportCase, 'c')
      .select([
        raw('c.on_behalf_of_partner_id as partner'),
        raw('c.escalation_appropriate as appropriate'),
        raw('c.escalation_judged_at as judged_at'),
      ])
      .where({ onBehalfOfPartnerId: { $in: [...partnerIds] }, escalated: true })
      .execute('all', false);
    const byPartner = new Map<string, JudgedEscalation[]>();
    for (const row of rows) {
      const list = byPartner.get(row.partner) ?? [];
      list.push({
        // SQLite answers 0/1, PostgreSQL true/false.
        appropriate: row.appropriate === null ? null : Boolean(row.appropriate),
        judgedAt: row.judged_at === null ? null : new Date(row.judged_at),
      });
      byPartner.set(row.partner, list);
    }
    return partnerIds.map((id) => byPartner.get(id) ?? []);
  });
}
