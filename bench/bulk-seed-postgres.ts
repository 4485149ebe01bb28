import { Client } from 'pg';
import type { SubgraphName } from '../lib/config/subgraph-config';
import { Cloud } from '../lib/domain/enums';
import { CASE_EVENT_SEQUENCE } from '../subgraphs/cases/commands/case-event-recorder';
import { caseNumberSequence } from '../subgraphs/cases/domain/case-number';

// A large data set for PostgreSQL, written by the database itself (insert ... select
// generate_series): a million cases take about a minute instead of hours through the ORM. It goes
// next to the demo tenants, after the migrations and the demo seed, and keeps what the code
// counts on: case numbers and case event ids are drawn past the counters, which are then moved to
// the last value used, so the next openCase or note continues the series.
//
// Shape, per organization: 100 cases, one OPENED event each, a note on one case in four; support
// answered every case that is not OPEN (30 minutes after it was opened). As in the
// bench's 20,000-case SQLite set, an organization's cases share a status: three organizations in
// ten have every case open, the others none (so both sizes read the same amount per request). Partner 0 has 50 customers
// (the PartnerDashboard of the bench), partners 1.. 100 each, the rest buy directly; one direct
// organization in ten is on 21Vianet.

export interface BulkShape {
  organizations: number;
  partners: number;
  casesPerOrganization: number;
}

export const MILLION_CASES: BulkShape = {
  organizations: 10_000,
  partners: 50,
  casesPerOrganization: 100,
};

export const BULK_DASHBOARD_CUSTOMERS = 50;
const CUSTOMERS_PER_OTHER_PARTNER = 100;

const pad = (i: number, width: number) => String(i).padStart(width, '0');
export const bulkOrganizationId = (i: number) => `bulk-org-${pad(i, 5)}`;
export const bulkAdminEmail = (i: number) => `admin@${bulkOrganizationId(i)}.example`;
export const bulkPartnerId = (p: number) => `bulk-partner-${pad(p, 2)}`;
export const bulkAgentEmail = (p: number) => `agent@${bulkPartnerId(p)}.example`;
export const bulkCaseId = (organization: number, k: number) =>
  `bulk-case-${pad(organization, 5)}-${pad(k, 3)}`;

/** Organizations 0 .. partnered(shape) - 1 are partners' customers, the rest buy directly. */
const partnered = (shape: BulkShape) =>
  BULK_DASHBOARD_CUSTOMERS + (shape.partners - 1) * CUSTOMERS_PER_OTHER_PARTNER;
/** Whether organization i is on 21Vianet: one direct organization in ten (by its tens digit). */
export const bulkIsChina = (shape: BulkShape, i: number) =>
  i >= partnered(shape) && Math.floor(i / 10) % 10 === 9;

// SQL twins of the helpers above (`i` is the organization index in generate_series).
const ORG_ID = `'bulk-org-' || lpad(i::text, 5, '0')`;
const china = (shape: BulkShape) => `(i >= ${partnered(shape)} and (i / 10) % 10 = 9)`;
const cloudSql = (shape: BulkShape) =>
  `case when ${china(shape)} then 'CHINA_21VIANET' else 'GLOBAL' end`;
const zoneSql = (shape: BulkShape) =>
  `case when ${china(shape)} then 'Asia/Shanghai' else 'Europe/London' end`;

/** The partner of organization i (SQL; null: buys directly). */
function partnerOfSql(shape: BulkShape): string {
  return `case
    when i < ${BULK_DASHBOARD_CUSTOMERS} then 'bulk-partner-00'
    when i < ${partnered(shape)}
      then 'bulk-partner-' || lpad((1 + (i - ${BULK_DASHBOARD_CUSTOMERS}) / ${CUSTOMERS_PER_OTHER_PARTNER})::text, 2, '0')
    else null end`;
}

function accountsSql(shape: BulkShape): string[] {
  const orgs = `generate_series(0, ${shape.organizations - 1}) as i`;
  const partners = `generate_series(0, ${shape.partners - 1}) as p`;
  const partner = partnerOfSql(shape);
  return [
    `insert into partner (id, name, cloud)
       select 'bulk-partner-' || lpad(p::text, 2, '0'), 'Bulk Partner ' || p, 'GLOBAL' from ${partners}`,
    `insert into organization (id, name, cloud, time_zone, advanced_support_agreement, provider, created_at)
       select ${ORG_ID}, 'Bulk Organization ' || i, ${cloudSql(shape)}, ${zoneSql(shape)}, false, false, $1 from ${orgs}`,
    `insert into app_user (id, email, display_name, organization_id, partner_id, support_engineer)
       select 'bulk-admin-' || i, 'admin@' || ${ORG_ID} || '.example', 'Bulk Admin ' || i, ${ORG_ID}, null, false
       from ${orgs}`,
    `insert into app_user (id, email, display_name, organization_id, partner_id, support_engineer)
       select 'bulk-agent-' || p, 'agent@bulk-partner-' || lpad(p::text, 2, '0') || '.example',
              'Bulk Agent ' || p, null, 'bulk-partner-' || lpad(p::text, 2, '0'), false
       from ${partners}`,
    `insert into role_assignment (id, user_id, organization_id, role, assigned_at)
       select 'bulk-role-' || i || '-' || r, 'bulk-admin-' || i, ${ORG_ID}, r, $1
       from ${orgs}, unnest(array['SERVICE_SUPPORT_ADMIN', 'BILLING_ADMIN']) as r`,
    `insert into registered_contact (id, organization_id, kind, value, e164, created_at)
       select 'bulk-contact-' || i, ${ORG_ID}, 'EMAIL', 'it@' || ${ORG_ID} || '.example', null, $1
       from ${orgs}`,
    `insert into delegation (id, partner_id, organization_id, roles, duration_days, starts_at, ends_at, status)
       select 'bulk-delegation-' || i, partner, ${ORG_ID}, '["SERVICE_SUPPORT_ADMIN","BILLING_ADMIN"]'::jsonb,
              730, $1::timestamptz - interval '30 days', $1::timestamptz + interval '700 days', 'ACTIVE'
       from (select i, ${partner} as partner from ${orgs}) o where partner is not null`,
  ];
}

function billingSql(shape: BulkShape): string[] {
  const partner = partnerOfSql(shape);
  return [
    `insert into plan_subscription (id, organization_id, cloud, plan_id, status, channel, partner_id,
        paid_since, licenses, assigned_licenses, term_start, term_end, auto_renew, created_at, updated_at)
       select 'bulk-sub-' || i || '-' || slug, ${ORG_ID}, ${cloudSql(shape)},
              'plan-' || case when ${china(shape)} then 'cn' else 'global' end || '-' || slug, 'ACTIVE',
              case when partner is null then 'DIRECT' else 'PARTNER' end, partner,
              $1::timestamptz - interval '200 days', 50 + i % 500, 40,
              $1::timestamptz - interval '200 days', $1::timestamptz + interval '165 days', true, $1, $1
       from (select i, ${partner} as partner from generate_series(0, ${shape.organizations - 1}) as i) o,
            unnest(array['e3', 'business-basic']) as slug`,
  ];
}

/**
 * Cases numbered past each cloud's counter in opening order, their OPENED events past the event
 * counter, notes on one case in four, then both counters moved to the last value used.
 */
function casesSql(shape: BulkShape): string[] {
  const counter = (name: string) =>
    `coalesce((select value from sequence_counter where name = '${name}'), 0)`;
  return [
    `create temporary table bulk_case on commit drop as
       select i, k, ${ORG_ID} as organization_id, ${cloudSql(shape)} as cloud, ${zoneSql(shape)} as zone,
              $1::timestamptz - ((k * 50 + i % 50 + 1) * interval '1 hour') as opened_at,
              (array['OPEN','IN_PROGRESS','WAITING_ON_CUSTOMER','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED'])[i % 10 + 1] as status
       from generate_series(0, ${shape.organizations - 1}) as i,
            generate_series(0, ${shape.casesPerOrganization - 1}) as k`,
    `insert into support_case (id, number, organization_id, cloud, category, topic, title, description,
        severity, requested_severity, severity_source, severity_reason, status, opened_at,
        closed_at, reopen_count, escalated, response_target,
        response_calendar, organization_time_zone, cycle_started_at, due_at, responded_at,
        opened_by_id, contact_phone, contact_email, contact_method, created_at)
       select 'bulk-case-' || lpad(i::text, 5, '0') || '-' || lpad(k::text, 3, '0'),
              case when cloud = 'GLOBAL' then 'GL-' else 'CN-' end || lpad(seq::text, greatest(6, length(seq::text)), '0'),
              organization_id, cloud, 'TECHNICAL', 'Exchange Online', 'Bulk case ' || i || '-' || k,
              'Seeded in bulk for the benchmark.', (array['A','B','C'])[k % 3 + 1],
              (array['A','B','C'])[k % 3 + 1], 'REQUESTED', 'As asked; seeded in bulk.', status, opened_at,
              case when status = 'CLOSED' then opened_at + interval '1 hour' end, 0, false, null,
              'ALWAYS', zone, opened_at, opened_at + interval '8 hours',
              case when status <> 'OPEN' then opened_at + interval '30 minutes' end,
              'bulk-admin-' || i, '+44 20 5555 0100', 'bench@support.example', 'EMAIL', opened_at
       from (select b.*, row_number() over (partition by cloud order by opened_at, i, k)
                  + case when cloud = 'GLOBAL' then ${counter(caseNumberSequence(Cloud.GLOBAL))}
                         else ${counter(caseNumberSequence(Cloud.CHINA_21VIANET))} end as seq
             from bulk_case b) numbered`,
    `insert into case_event (id, case_id, organization_id, cloud, kind, actor_id, actor_email, at, before, after)
       select ${counter(CASE_EVENT_SEQUENCE)} + row_number() over (order by opened_at, i, k),
              'bulk-case-' || lpad(i::text, 5, '0') || '-' || lpad(k::text, 3, '0'), organization_id, cloud,
              'OPENED', 'bulk-admin-' || i, 'admin@' || organization_id || '.example', opened_at, null, null
       from bulk_case`,
    `insert into case_note (id, case_id, body, at, author_id, from_support)
       select 'bulk-note-' || i || '-' || k, 'bulk-case-' || lpad(i::text, 5, '0') || '-' || lpad(k::text, 3, '0'),
              'Seeded note.', opened_at + interval '10 minutes', 'bulk-admin-' || i, false
       from bulk_case where k % 4 = 0`,
    ...Object.values(Cloud).map(
      (cloud) =>
        `insert into sequence_counter (name, value)
           select '${caseNumberSequence(cloud)}', coalesce(max(substring(number from 4)::bigint), 0)
           from support_case where cloud = '${cloud}' and number ~ '^[A-Z]{2}-[0-9]+$'
         on conflict (name) do update set value = excluded.value`,
    ),
    `insert into sequence_counter (name, value) select '${CASE_EVENT_SEQUENCE}', coalesce(max(id), 0) from case_event
       on conflict (name) do update set value = excluded.value`,
  ];
}

const SQL: Record<SubgraphName, (shape: BulkShape) => string[]> = {
  accounts: accountsSql,
  billing: billingSql,
  cases: casesSql,
};

/** True when this schema already holds the bulk data set (the last organization's rows). */
async function alreadySeeded(client: Client, name: SubgraphName, shape: BulkShape) {
  const probe: Record<SubgraphName, [string, string]> = {
    accounts: ['organization', bulkOrganizationId(shape.organizations - 1)],
    billing: ['plan_subscription', `bulk-sub-${shape.organizations - 1}-e3`],
    cases: ['support_case', bulkCaseId(shape.organizations - 1, shape.casesPerOrganization - 1)],
  };
  const [table, id] = probe[name];
  const { rowCount } = await client.query(`select 1 from ${table} where id = $1`, [id]);
  return (rowCount ?? 0) > 0;
}

/**
 * Adds the bulk data set to one subgraph's schema (migrated and demo-seeded already), in one
 * transaction, then refreshes the planner's statistics. A schema that has it is left alone.
 */
export async function bulkSeedPostgres(
  databaseUrl: string,
  schema: string,
  name: SubgraphName,
  shape: BulkShape,
  now = new Date(),
): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`set search_path to "${schema}"`);
    if (await alreadySeeded(client, name, shape)) return false;
    await client.query('begin');
    // The clock is written into the SQL: CREATE TABLE AS takes no bind parameters.
    const at = `timestamptz '${now.toISOString()}'`;
    for (const statement of SQL[name](shape)) await client.query(statement.replaceAll('$1', at));
    await client.query('commit');
    await client.query('analyze');
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
