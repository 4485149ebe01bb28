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
//
// A page is only read: its rows are mapped to plain case data (column names to properties,
// dates parsed, by MikroORM's own result mapper) without creating managed entities or entering
// the identity map, which was a fifth of the cases subgraph's CPU on a partner dashboard.

export interface CasePage {
  edges: { cursor: string; node: SupportCase }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** An organization's case count under a filter, learnt while reading its first page. */
export type CaseTotalSeen = (organizationId: string, open: boolean, total: number) => void;

interface Fetched {
  byOrganization: Map<string, SupportCase[]>;
  /** Cases per organization matching the filter; only known for first pages (no cursor). */
  totals: Map<string, number> | null;
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
): Promise<Fetched> {
  // Without a cursor the partition is the whole filtered list: its size is the totalCount,
  // counted by the same scan instead of a statement of its own.
  const countsTotal = args.after === null;
  const ranked = em
    .createQueryBuilder(SupportCase, 'c')
    .select([
      'c.*',
      raw(
        'row_number() over (partition by c.organization_id order by c.opened_at desc, c.id desc) as rn',
      ),
      ...(countsTotal ? [raw('count(*) over (partition by c.organization_id) as total')] : []),
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
  const meta = em.getMetadata().get(SupportCase.name);
  const driver = em.getDriver();
  const byOrganization = new Map<string, SupportCase[]>();
  const totals = countsTotal ? new Map(organizationIds.map((id) => [id, 0])) : null;
  for (const { rn: _rank, total, ...row } of rows) {
    const node = driver.mapResult(row, meta) as SupportCase;
    const list = byOrganization.get(node.organizationId) ?? [];
    list.push(node);
    byOrganization.set(node.organizationId, list);
    // PostgreSQL returns count(*) as a bigint string.
    totals?.set(node.organizationId, Number(total));
  }
  return { byOrganization, totals };
}

function toPage(rows: SupportCase[], first: number): CasePage {
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCaseCursor(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export function casePageLoader(
  em: EntityManager,
  totalSeen: CaseTotalSeen = () => {},
): DataLoader<CasePageKey, CasePage, string> {
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
          const { byOrganization, totals } = await fetchNewestFirst(sql, ids, args);
          for (const [organizationId, total] of totals ?? []) {
            totalSeen(organizationId, args.open, total);
          }
          for (const key of group) {
            const rows = byOrganization.get(key.organizationId) ?? [];
            pages.set(casePageCacheKey(key), toPage(rows, key.first));
          }
        }),
      );
      return keys.map((key) => pages.get(casePageCacheKey(key))!);
    },
    { cacheKeyFn: casePageCacheKey },
  );
}
