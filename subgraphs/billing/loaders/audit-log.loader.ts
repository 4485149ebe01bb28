import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { AuditEntry } from '../../../lib/audit/audit-entry.entity';

// The newest audit entries of many organizations in one statement per page size: row_number()
// per organization works the same on SQLite and PostgreSQL.

export interface AuditLogKey {
  organizationId: string;
  first: number;
}

export function auditLogLoader(em: EntityManager): DataLoader<AuditLogKey, AuditEntry[], string> {
  const sql = em as SqlEntityManager;
  return new DataLoader(
    async (keys) => {
      const pages = new Map<string, AuditEntry[]>();
      for (const first of new Set(keys.map((k) => k.first))) {
        const organizationIds = keys.filter((k) => k.first === first).map((k) => k.organizationId);
        const ranked = sql
          .createQueryBuilder(AuditEntry, 'a')
          .select([
            'a.*',
            raw(
              'row_number() over (partition by a.organization_id order by a.at desc, a.id desc) as rn',
            ),
          ])
          .where({ organizationId: { $in: organizationIds } });
        const rows: Record<string, unknown>[] = await sql
          .createQueryBuilder(AuditEntry)
          .select('*')
          .from(ranked, 't')
          .where('t.rn <= ?', [first])
          .orderBy({ [raw('t.organization_id')]: 'asc', [raw('t.rn')]: 'asc' })
          .execute('all', false);
        for (const { rn: _rank, ...row } of rows) {
          const entry = sql.map(AuditEntry, row);
          const key = `${entry.organizationId}:${first}`;
          pages.set(key, [...(pages.get(key) ?? []), entry]);
        }
      }
      return keys.map((k) => pages.get(`${k.organizationId}:${k.first}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.organizationId}:${k.first}` },
  );
}
