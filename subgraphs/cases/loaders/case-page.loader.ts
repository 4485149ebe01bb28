import type { EntityManager, QBFilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { raw } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { CaseStatus } from '../domain/case-enums';
import { SupportCase } from '../entities/support-case.entity';
import { encodeCaseCursor } from './case-cursor';
import { type CasePageKey, casePageCacheKey, pageArgsKey } from './case-page-args';

// Pages of many organizations' cases in one statement per distinct (first, after, open): a
// partner dashboard listing 50 customers costs one query, not 50. row_number() over a partition
// per organization works the same on SQLite and PostgreSQL.

export interface CasePage {
  edges: { cursor: string; node: SupportCase }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function caseWhere(
  organizationIds: string[],
  open: boolean,
  after: CasePageKey['after'] = null,
): QBFilterQuery<SupportCase> {
  const where: QBFilterQuery<SupportCase>[] = [{ organizationId: { $in: organizationIds } }];
  if (open) where.push({ status: { $ne: CaseStatus.CLOSED } });
  if (after) {
    const { openedAt, id } = after.position;
    where.push({ $or: [{ openedAt: { $lt: openedAt } }, { openedAt, id: { $lt: id } }] });
  }
  return { $and: where };
}

async function fetchNewestFirst(
  em: SqlEntityManager,
  organizationIds: string[],
  args: Omit<CasePageKey, 'organizationId'>,
): Promise<Map<string, SupportCase[]>> {
  const ranked = em
    .createQueryBuilder(SupportCase, 'c')
    .select([
      'c.*',
      raw(
        'row_number() over (partition by c.organization_id order by c.opened_at desc, c.id desc) as rn',
      ),
    ])
    .where(caseWhere(organizationIds, args.open, args.after));
  // One extra row per organization tells whether another page follows.
  const rows: Record<string, unknown>[] = await em
    .createQueryBuilder(SupportCase)
    .select('*')
    .from(ranked, 't')
    .where('t.rn <= ?', [args.first + 1])
    .orderBy({ [raw('t.organization_id')]: 'asc', [raw('t.rn')]: 'asc' })
    .execute('all', false);
  const byOrganization = new Map<string, SupportCase[]>();
  for (const { rn: _rank, ...row } of rows) {
    const node = em.map(SupportCase, row);
    const list = byOrganization.get(node.organizationId) ?? [];
    list.push(node);
    byOrganization.set(node.organizationId, list);
  }
  return byOrganization;
}

function toPage(rows: SupportCase[], first: number): CasePage {
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCaseCursor(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export function casePageLoader(em: EntityManager): DataLoader<CasePageKey, CasePage, string> {
  const sql = em as SqlEntityManager;
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, CasePageKey[]>();
      for (const key of keys) {
        const group = groups.get(pageArgsKey(key)) ?? [];
        group.push(key);
        groups.set(pageArgsKey(key), group);
      }
      const pages = new Map<string, CasePage>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const args = group[0]!;
          const ids = [...new Set(group.map((k) => k.organizationId))];
          const rows = await fetchNewestFirst(sql, ids, args);
          for (const key of group) {
            pages.set(casePageCacheKey(key), toPage(rows.get(key.organizationId) ?? [], key.first));
          }
        }),
      );
      return keys.map((key) => pages.get(casePageCacheKey(key))!);
    },
    { cacheKeyFn: casePageCacheKey },
  );
}
