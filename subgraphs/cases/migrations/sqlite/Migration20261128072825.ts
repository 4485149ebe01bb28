import { Migration } from '@mikro-orm/migrations';

// Issue 12 (fidelity-access): a partner's own requests (partner_request_area), support's judgement
// of escalations (escalation_*), and the ESCALATION_JUDGED event kind. SQLite cannot alter a check
// constraint, so the two tables whose kind column lists the event kinds are rebuilt.
export class Migration20261128072825 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`case_event__temp_alter\` (\`id\` bigint not null, \`case_id\` text not null, \`organization_id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`kind\` text check (\`kind\` in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'ESCALATION_JUDGED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED')) not null, \`actor_id\` text not null, \`actor_email\` text null, \`at\` datetime not null, \`before\` json null, \`after\` json null, primary key (\`id\`));`);
    this.addSql(`insert into \`case_event__temp_alter\` select \`id\`, \`case_id\`, \`organization_id\`, \`cloud\`, \`kind\`, \`actor_id\`, \`actor_email\`, \`at\`, \`before\`, \`after\` from \`case_event\`;`);
    this.addSql(`drop table \`case_event\`;`);
    this.addSql(`alter table \`case_event__temp_alter\` rename to \`case_event\`;`);
    this.addSql(`create index \`case_event_case_id_id_index\` on \`case_event\` (\`case_id\`, \`id\`);`);
    this.addSql(`create index \`case_event_organization_id_id_index\` on \`case_event\` (\`organization_id\`, \`id\`);`);
    this.addSql(`create table \`response_alarm__temp_alter\` (\`id\` text not null, \`case_id\` text not null, \`kind\` text check (\`kind\` in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'ESCALATION_JUDGED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED')) not null, \`due_at\` datetime not null, \`fired_at\` datetime not null, \`event_id\` bigint not null, primary key (\`id\`));`);
    this.addSql(`insert into \`response_alarm__temp_alter\` select \`id\`, \`case_id\`, \`kind\`, \`due_at\`, \`fired_at\`, \`event_id\` from \`response_alarm\`;`);
    this.addSql(`drop table \`response_alarm\`;`);
    this.addSql(`alter table \`response_alarm__temp_alter\` rename to \`response_alarm\`;`);
    this.addSql(`create index \`response_alarm_case_id_index\` on \`response_alarm\` (\`case_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
    this.addSql(`alter table \`support_case\` add column \`partner_request_area\` text check (\`partner_request_area\` in ('TECHNICAL', 'BILLING', 'CUSTOMER_MANAGEMENT', 'SUBSCRIPTION_MANAGEMENT')) null;`);
    this.addSql(`alter table \`support_case\` add column \`escalation_appropriate\` integer null;`);
    this.addSql(`alter table \`support_case\` add column \`escalation_judgement_reason\` text null;`);
    this.addSql(`alter table \`support_case\` add column \`escalation_judged_at\` datetime null;`);
    this.addSql(`alter table \`support_case\` add column \`escalation_judged_by_id\` text null;`);
  }

}
