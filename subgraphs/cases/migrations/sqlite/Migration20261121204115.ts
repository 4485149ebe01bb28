import { Migration } from '@mikro-orm/migrations';

export class Migration20261121204115 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`case_event\` (\`id\` bigint not null, \`case_id\` text not null, \`organization_id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`kind\` text check (\`kind\` in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED')) not null, \`actor_id\` text not null, \`actor_email\` text null, \`at\` datetime not null, \`before\` json null, \`after\` json null, primary key (\`id\`));`);
    this.addSql(`create index \`case_event_case_id_id_index\` on \`case_event\` (\`case_id\`, \`id\`);`);
    this.addSql(`create index \`case_event_organization_id_id_index\` on \`case_event\` (\`organization_id\`, \`id\`);`);

    this.addSql(`create table \`case_note\` (\`id\` text not null, \`case_id\` text not null, \`body\` text not null, \`at\` datetime not null, \`author_id\` text not null, \`from_support\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`case_note_case_id_at_index\` on \`case_note\` (\`case_id\`, \`at\`);`);

    this.addSql(`create table \`case_survey\` (\`id\` text not null, \`case_id\` text not null, \`closure\` integer not null, \`rating\` integer not null, \`comment\` text null, \`submitted_at\` datetime not null, \`submitted_by_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`case_survey_case_id_closure_unique\` on \`case_survey\` (\`case_id\`, \`closure\`);`);

    this.addSql(`create table \`health_issue\` (\`id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`service\` text not null, \`title\` text not null, \`classification\` text check (\`classification\` in ('INCIDENT', 'ADVISORY')) not null, \`status\` text check (\`status\` in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null, \`started_at\` datetime not null, \`ended_at\` datetime null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`health_issue_cloud_started_at_index\` on \`health_issue\` (\`cloud\`, \`started_at\`);`);

    this.addSql(`create table \`health_issue_post\` (\`id\` text not null, \`issue_id\` text not null, \`at\` datetime not null, \`body\` text not null, \`status\` text check (\`status\` in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null, \`author_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`health_issue_post_issue_id_at_index\` on \`health_issue_post\` (\`issue_id\`, \`at\`);`);

    this.addSql(`create table \`health_service\` (\`id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`name\` text not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`health_service_cloud_name_unique\` on \`health_service\` (\`cloud\`, \`name\`);`);

    this.addSql(`create table \`sequence_counter\` (\`name\` text not null, \`value\` bigint not null, primary key (\`name\`));`);

    this.addSql(`create table \`severity_change\` (\`id\` text not null, \`case_id\` text not null, \`from\` text check (\`from\` in ('A', 'B', 'C')) not null, \`to\` text check (\`to\` in ('A', 'B', 'C')) not null, \`reason\` text not null, \`at\` datetime not null, \`changed_by_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`severity_change_case_id_at_index\` on \`severity_change\` (\`case_id\`, \`at\`);`);

    this.addSql(`create table \`support_case\` (\`id\` text not null, \`number\` text not null, \`organization_id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`category\` text check (\`category\` in ('TECHNICAL', 'PRE_SALES', 'BILLING_AND_SUBSCRIPTION')) not null, \`topic\` text not null, \`title\` text not null, \`description\` text not null, \`business_impact\` text null, \`severity\` text check (\`severity\` in ('A', 'B', 'C')) not null, \`status\` text check (\`status\` in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'CLOSED')) not null default 'OPEN', \`opened_at\` datetime not null, \`closed_at\` datetime null, \`reopen_count\` integer not null default 0, \`escalated\` integer not null default false, \`response_target\` text null, \`response_calendar\` text check (\`response_calendar\` in ('ALWAYS', 'CN_SUPPORT_DAY', 'CN_BUSINESS_WEEK', 'LOCAL_BUSINESS_WEEK')) not null, \`organization_time_zone\` text not null, \`cycle_started_at\` datetime not null, \`due_at\` datetime null, \`responded_at\` datetime null, \`opened_by_id\` text not null, \`on_behalf_of_partner_id\` text null, \`contact_phone\` text not null, \`contact_email\` text not null, \`contact_method\` text check (\`contact_method\` in ('PHONE', 'EMAIL')) not null, \`idempotency_key\` text null, \`related_incident_id\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`support_case_on_behalf_of_partner_id_escalated_index\` on \`support_case\` (\`on_behalf_of_partner_id\`, \`escalated\`);`);
    this.addSql(`create index \`support_case_organization_id_opened_at_index\` on \`support_case\` (\`organization_id\`, \`opened_at\`);`);
    this.addSql(`create unique index \`support_case_organization_id_idempotency_key_unique\` on \`support_case\` (\`organization_id\`, \`idempotency_key\`);`);
    this.addSql(`create unique index \`support_case_cloud_number_unique\` on \`support_case\` (\`cloud\`, \`number\`);`);
  }

}
