import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BulkShape,
  bulkAdminEmail,
  bulkAgentEmail,
  bulkCaseId,
  bulkOrganizationId,
  bulkSeedPostgres,
} from '../../bench/bulk-seed-postgres';
import type { SubgraphName } from '../../lib/config/subgraph-config';
import { fireResponseAlarms } from '../../subgraphs/cases/commands/fire-response-alarms.command';
import { TEST_PG_URL, testDialects } from '../support/dialects';
import { currentCursor, subscribeCaseEvents, until } from '../support/live';
import { type Stack, startStack } from '../support/stack';

// Every list the subgraphs read must be served by an index once the data is large. The stack
// runs on PostgreSQL with 10,000 organizations and 50,000 cases (and their events, notes, subscriptions, delegations) added
// in bulk and analyzed; the contract operations run as real viewers while each subgraph records
// its SQL; then every recorded SELECT is EXPLAINed. At this size the planner picks an index when
// one serves the query and a sequential scan when none does, so a Seq Scan on a table of more than
// a few hundred rows means a missing index. The statements are the ones the code sends today, so
// the check follows the queries when they change. Tried: dropping both running-clock indexes
// (support_case_running_*), delegation_partner_id_ends_at_index or case_note_case_id_at_index fails
// it. Dropping one running-clock index, or support_case_organization_id_opened_at_index, does not:
// another index serves the same filter (the (organization_id, idempotency_key) unique index; a
// page sorts only its organization's rows).

const SHAPE: BulkShape = { organizations: 10_000, partners: 10, casesPerOrganization: 5 };
/** Tables smaller than this may be scanned: the planner rightly prefers it (catalog, health). */
const SMALL_TABLE_ROWS = 500;

// Organization 2 is a customer of partner 0 (the partner dashboard) with open cases; 1990 buys
// directly on 21Vianet.
const ADMIN = bulkAdminEmail(2);
const ORGANIZATION = bulkOrganizationId(2);
const DIRECT_ADMIN = bulkAdminEmail(1990);
const DIRECT_ORGANIZATION = bulkOrganizationId(1990);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

describe.runIf(testDialects().includes('postgresql'))('list queries on PostgreSQL', () => {
  let stack: Stack;
  let client: Client;
  const statements = new Map<SubgraphName, Set<string>>();

  beforeAll(async () => {
    stack = await startStack('postgresql');
    for (const [name, subgraph] of Object.entries(stack.subgraphs)) {
      await bulkSeedPostgres(TEST_PG_URL, subgraph.databaseSchema, name as SubgraphName, SHAPE);
    }
    for (const subgraph of Object.values(stack.subgraphs)) {
      subgraph.sqlCounter.reset();
      subgraph.sqlCounter.recordStatements = true;
    }
    await runTheProduct(stack);
    for (const [name, subgraph] of Object.entries(stack.subgraphs)) {
      subgraph.sqlCounter.recordStatements = false;
      const platform = subgraph.orm.em.getPlatform();
      const selects = subgraph.sqlCounter.statements
        .filter((s) => /^\s*(select|with)\b/i.test(s.sql))
        .map((s) => platform.formatQuery(s.sql, [...s.params]));
      statements.set(name as SubgraphName, new Set(selects));
    }
    client = new Client({ connectionString: TEST_PG_URL });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await stack?.stop();
  });

  async function explain(schema: string, sql: string): Promise<string[]> {
    await client.query(`set search_path to "${schema}"`);
    const { rows } = await client.query(`explain (format json) ${sql}`);
    const scanned = seqScans(rows[0]['QUERY PLAN'][0].Plan);
    const large: string[] = [];
    for (const table of new Set(scanned)) {
      const { rows: size } = await client.query(
        'select reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2',
        [schema, table],
      );
      if (Number(size[0]?.reltuples ?? 0) > SMALL_TABLE_ROWS) large.push(table);
    }
    return large;
  }

  it('the operations touched the big tables (the recording works)', () => {
    const cases = [...(statements.get('cases') ?? [])].join('\n');
    expect(cases).toMatch(/from "support_case"/);
    expect(cases).toMatch(/from "case_event"/);
    expect(cases).toMatch(/from "case_note"/);
    expect([...(statements.get('accounts') ?? [])].join('\n')).toMatch(/"delegation"/);
    expect([...(statements.get('billing') ?? [])].join('\n')).toMatch(/"plan_subscription"/);
  });

  it.each(['accounts', 'billing', 'cases'] as SubgraphName[])(
    '%s: no list query scans a large table',
    async (name) => {
      const schema = stack.subgraphs[name].databaseSchema;
      const offenders: string[] = [];
      for (const sql of statements.get(name) ?? []) {
        const tables = await explain(schema, sql);
        if (tables.length) offenders.push(`${tables.join(', ')} <- ${sql}`);
      }
      expect(statements.get(name)?.size).toBeGreaterThan(0);
      expect(offenders).toEqual([]);
    },
  );
});

/**
 * What a support portal does in a day, once each: every list a screen shows, as the viewers who
 * see it, plus the mutations and the live feed's replay and the response-alarm scan.
 */
async function runTheProduct(stack: Stack): Promise<void> {
  const ok = async (name: string, variables: Record<string, unknown>, email?: string) => {
    const response = await stack.contract(name, variables, email);
    expect(response.errors, `${name}: ${JSON.stringify(response.errors)}`).toBeUndefined();
    return response.data!;
  };
  await ok('Viewer', {}, ADMIN);
  const picture = await ok('SupportPicture', { organizationId: ORGANIZATION, first: 5 }, ADMIN);
  const next = picture.organization.cases.pageInfo.endCursor;
  await ok('SupportPicture', { organizationId: ORGANIZATION, first: 5, after: next }, ADMIN);
  await ok('CaseDetail', { id: bulkCaseId(2, 4) }, ADMIN);
  await ok('Invoices', { organizationId: ORGANIZATION }, ADMIN);
  await ok('PartnerDashboard', {}, bulkAgentEmail(0));
  await ok('ServiceHealth', { cloud: 'GLOBAL' });
  await ok(
    'ResponseTarget',
    { organizationId: DIRECT_ORGANIZATION, category: 'TECHNICAL', severity: 'B' },
    DIRECT_ADMIN,
  );
  const opened = await ok(
    'OpenCase',
    {
      input: {
        organizationId: DIRECT_ORGANIZATION,
        category: 'TECHNICAL',
        topic: 'Exchange Online',
        title: 'Mail flow stopped',
        description: 'No mail since 9:00.',
        severity: 'B',
        contact: { phone: '+86 10 5555 0100', email: 'it@example.cn', preferredMethod: 'EMAIL' },
      },
    },
    DIRECT_ADMIN,
  );
  await ok('AddCaseNote', { caseId: opened.openCase.id, body: 'More detail.' }, DIRECT_ADMIN);
  // Live: dashboards that resume from a cursor replay from the event log (an organization's,
  // and a partner's over all its customers).
  const after = await currentCursor(stack);
  const subscriptions = [
    subscribeCaseEvents(stack, 'graphql-ws', await stack.token(DIRECT_ADMIN), {
      organizationId: DIRECT_ORGANIZATION,
      after,
    }),
    subscribeCaseEvents(stack, 'graphql-ws', await stack.token(bulkAgentEmail(0)), { after }),
  ];
  await ok('AddCaseNote', { caseId: opened.openCase.id, body: 'Live.' }, DIRECT_ADMIN);
  await ok('AddCaseNote', { caseId: bulkCaseId(2, 0), body: 'Partner sees it.' }, ADMIN);
  await until(() => subscriptions.every((s) => s.events.length > 0));
  for (const s of subscriptions) s.stop();
  await fireResponseAlarms(stack.subgraphs.cases.orm, new Date(), 1);
}
