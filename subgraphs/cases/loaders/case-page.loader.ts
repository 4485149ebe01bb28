import type { EntityManager } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { boundSelect } from '../../../lib/orm/bound-select';
import { CaseStatus } from '../domain/case-enums';
import { SupportCase } from '../entities/support-case.entity';
import { encodeCaseCursor } from './case-cursor';
import { type CasePageKey, casePageCacheKey, pageArgsKey } from './case-page-args';

// Pages of many organizations' cases in one statement per distinct (first, after, open): a
// partner dashboard listing 50 customers costs one query, not 50. Each organization's page is a
// LIMITed subquery of its own, joined by UNION ALL, so the (organization_id, opened_at) index
// hands each its newest rows and stops; a row_number() window over all of them numbered every
// matching case of every organization first (twice the SQLite time on a 50-customer dashboard).
// totalCount is the count loader's, asked only when a client selects it.
//
// A page is only read: its rows are mapped to plain case data (column names to properties,
// dates parsed, by MikroORM's own result mapper) without creating managed entities or entering
// the identity map, which was a fifth of the cases subgraph's CPU on a partner dashboard.

export interface CasePage {
  edges: { cursor: string; node: SupportCase }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** SQLite accepts at most 500 terms in a compound SELECT. */
const ORGANIZATIONS_PER_STATEMENT = 200;

/** The SQL condition of `filter: { open: true }`, shared with the count loader. */
export const OPEN_CASES_SQL = `"status" <> '${CaseStatus.CLOSED}'`;

type PageArgs = Omit<CasePageKey, 'organizationId'>;

/** What one organization's page reads, after `where "organization_id" = …`: the open filter, the
 * cursor, newest first, one row past the page (is there a next one?). */
function pageRest(args: PageArgs): string {
  const open = args.open ? ` and ${OPEN_CASES_SQL}` : '';
  const after = args.after ? ' and ("opened_at" < ? or ("opened_at" = ? and "id" < ?))' : '';
  return `${open}${after} order by "opened_at" desc, "id" desc limit ${args.first + 1}`;
}

const pageColumns = (args: PageArgs) => args.columns?.map((c) => `"${c}"`).join(', ') ?? '*';

/** The cursor's parameters, in the order pageRest writes its placeholders. */
function afterParams(args: PageArgs): Knex.Value[] {
  if (!args.after) return [];
  const { openedAt, id } = args.after.position;
  return [openedAt, openedAt, id];
}

/**
 * One statement for many organizations' pages. SQLite: a UNION ALL of LIMITed subqueries. PostgreSQL
 * plans a statement each time it is sent, and planning 50 UNION ALL branches took 5-9 ms of a
 * 50-customer dashboard (EXPLAIN on the 1,000,000-case bench set): there one lateral page per
 * organization of an array, 0.6-1 ms to plan, the same index and the same rows.
 */
function statementFor(
  em: SqlEntityManager,
  ids: string[],
  args: PageArgs,
): { sql: string; params: Knex.Value[] } {
  const page = `select ${pageColumns(args)} from "support_case" where "organization_id" =`;
  if (em.getPlatform() instanceof PostgreSqlPlatform) {
    const keys = ids.map(() => '?').join(', ');
    return {
      sql:
        `select "p".* from unnest(array[${keys}]::text[]) as "o"("key")` +
        ` cross join lateral (${page} "o"."key"${pageRest(args)}) as "p"`,
      params: [...ids, ...afterParams(args)],
    };
  }
  return {
    sql: ids
      .map((_, i) => `select * from (${page} ?${pageRest(args)}) as "p${i}"`)
      .join(' union all '),
    params: ids.flatMap((id) => [id, ...afterParams(args)]),
  };
}

const newestFirst = (a: SupportCase, b: SupportCase) =>
  b.openedAt.getTime() - a.openedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

async function fetchNewestFirst(
  em: SqlEntityManager,
  organizationIds: string[],
  args: PageArgs,
): Promise<Map<string, SupportCase[]>> {
  const meta = em.getMetadata().get(SupportCase.name);
  const driver = em.getDriver();
  const byOrganization = new Map<string, SupportCase[]>();
  for (let start = 0; start < organizationIds.length; start += ORGANIZATIONS_PER_STATEMENT) {
    const ids = organizationIds.slice(start, start + ORGANIZATIONS_PER_STATEMENT);
    const { sql, params } = statementFor(em, ids, args);
    const rows = await boundSelect<Record<string, unknown>>(em, sql, params);
    for (const row of rows) {
      const node = driver.mapResult(row, meta) as SupportCase;
      const list = byOrganization.get(node.organizationId) ?? [];
      list.push(node);
      byOrganization.set(node.organizationId, list);
    }
  }
  // UNION ALL keeps each subquery's order in practice, but SQL does not promise it.
  for (const list of byOrganization.values()) list.sort(newestFirst);
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
          const ids = [...new Set(group.map((k) => k.organizationId))];
          const byOrganization = await fetchNewestFirst(sql, ids, group[0]!);
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
