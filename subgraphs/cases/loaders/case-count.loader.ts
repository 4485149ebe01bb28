import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { SupportCase } from '../entities/support-case.entity';
import { caseWhere } from './case-page.loader';

export interface CaseCountKey {
  organizationId: string;
  open: boolean;
}

const countKey = (key: CaseCountKey) => `${key.organizationId}|${key.open}`;

/** totalCount of many organizations' case lists: one grouped count per filter in the batch. */
export function caseCountLoader(em: EntityManager): DataLoader<CaseCountKey, number, string> {
  const sql = em as SqlEntityManager;
  return new DataLoader(
    async (keys) => {
      const counts = new Map<string, number>();
      await Promise.all(
        [false, true].map(async (open) => {
          const ids = [
            ...new Set(keys.filter((k) => k.open === open).map((k) => k.organizationId)),
          ];
          if (ids.length === 0) return;
          const rows: { organization_id: string; total: number | string }[] = await sql
            .createQueryBuilder(SupportCase, 'c')
            .select(['c.organization_id', raw('count(*) as total')])
            .where(caseWhere(ids, open))
            .groupBy('c.organization_id')
            .execute('all', false);
          for (const row of rows) {
            // PostgreSQL returns count(*) as a bigint string.
            counts.set(countKey({ organizationId: row.organization_id, open }), Number(row.total));
          }
        }),
      );
      return keys.map((key) => counts.get(countKey(key)) ?? 0);
    },
    { cacheKeyFn: countKey },
  );
}
