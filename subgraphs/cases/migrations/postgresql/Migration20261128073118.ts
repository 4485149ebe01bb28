import { Migration } from '@mikro-orm/migrations';

// Issue 12.1 and 12.5: the requested and assessed severity, the stated impact, and why support
// closed a case. Cases opened before keep their severity as the one asked for, provisional
// unless an engineer already changed it.
export class Migration20261128073118 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "support_case" add column "requested_severity" text check ("requested_severity" in ('A', 'B', 'C')) null, add column "severity_source" text check ("severity_source" in ('REQUESTED', 'STATED_IMPACT', 'ELEVATED_SUPPORT', 'SUPPORT_ENGINEER')) null, add column "severity_reason" text null, add column "impact_users_affected" text check ("impact_users_affected" in ('SINGLE_USER', 'MULTIPLE_USERS')) null, add column "impact_service_state" text check ("impact_service_state" in ('UNUSABLE', 'IMPAIRED', 'BARELY_AFFECTED')) null, add column "impact_workaround_exists" boolean null, add column "close_reason" text check ("close_reason" in ('OUT_OF_SCOPE')) null, add column "close_note" text null;`);
    this.addSql(`update "support_case" set "requested_severity" = "severity", "severity_source" = 'REQUESTED', "severity_reason" = 'Provisional: the severity asked for stands until support assesses it; no impact was stated.';`);
    this.addSql(`update "support_case" set "severity_source" = 'SUPPORT_ENGINEER', "severity_reason" = (select c."reason" from "severity_change" c where c."case_id" = "support_case"."id" order by c."at" desc, c."id" desc limit 1) where exists (select 1 from "severity_change" c where c."case_id" = "support_case"."id");`);
    this.addSql(`alter table "support_case" alter column "requested_severity" set not null, alter column "severity_source" set not null, alter column "severity_reason" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "support_case" drop column "requested_severity", drop column "severity_source", drop column "severity_reason", drop column "impact_users_affected", drop column "impact_service_state", drop column "impact_workaround_exists", drop column "close_reason", drop column "close_note";`);
  }

}
