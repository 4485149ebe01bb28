import { Migration } from '@mikro-orm/migrations';

export class Migration20261121204115 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "case_event" ("id" bigint not null, "case_id" varchar(80) not null, "organization_id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "kind" text check ("kind" in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED')) not null, "actor_id" varchar(80) not null, "actor_email" varchar(320) null, "at" timestamptz not null, "before" jsonb null, "after" jsonb null, constraint "case_event_pkey" primary key ("id"));`);
    this.addSql(`create index "case_event_case_id_id_index" on "case_event" ("case_id", "id");`);
    this.addSql(`create index "case_event_organization_id_id_index" on "case_event" ("organization_id", "id");`);

    this.addSql(`create table "case_note" ("id" varchar(80) not null, "case_id" varchar(80) not null, "body" text not null, "at" timestamptz not null, "author_id" varchar(80) not null, "from_support" boolean not null, constraint "case_note_pkey" primary key ("id"));`);
    this.addSql(`create index "case_note_case_id_at_index" on "case_note" ("case_id", "at");`);

    this.addSql(`create table "case_survey" ("id" varchar(80) not null, "case_id" varchar(80) not null, "closure" int not null, "rating" int not null, "comment" text null, "submitted_at" timestamptz not null, "submitted_by_id" varchar(80) not null, constraint "case_survey_pkey" primary key ("id"));`);
    this.addSql(`alter table "case_survey" add constraint "case_survey_case_id_closure_unique" unique ("case_id", "closure");`);

    this.addSql(`create table "health_issue" ("id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "service" varchar(120) not null, "title" varchar(300) not null, "classification" text check ("classification" in ('INCIDENT', 'ADVISORY')) not null, "status" text check ("status" in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null, "started_at" timestamptz not null, "ended_at" timestamptz null, "updated_at" timestamptz not null, constraint "health_issue_pkey" primary key ("id"));`);
    this.addSql(`create index "health_issue_cloud_started_at_index" on "health_issue" ("cloud", "started_at");`);

    this.addSql(`create table "health_issue_post" ("id" varchar(80) not null, "issue_id" varchar(80) not null, "at" timestamptz not null, "body" text not null, "status" text check ("status" in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null, "author_id" varchar(80) null, constraint "health_issue_post_pkey" primary key ("id"));`);
    this.addSql(`create index "health_issue_post_issue_id_at_index" on "health_issue_post" ("issue_id", "at");`);

    this.addSql(`create table "health_service" ("id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "name" varchar(120) not null, "updated_at" timestamptz not null, constraint "health_service_pkey" primary key ("id"));`);
    this.addSql(`alter table "health_service" add constraint "health_service_cloud_name_unique" unique ("cloud", "name");`);

    this.addSql(`create table "sequence_counter" ("name" varchar(80) not null, "value" bigint not null, constraint "sequence_counter_pkey" primary key ("name"));`);

    this.addSql(`create table "severity_change" ("id" varchar(80) not null, "case_id" varchar(80) not null, "from" text check ("from" in ('A', 'B', 'C')) not null, "to" text check ("to" in ('A', 'B', 'C')) not null, "reason" text not null, "at" timestamptz not null, "changed_by_id" varchar(80) not null, constraint "severity_change_pkey" primary key ("id"));`);
    this.addSql(`create index "severity_change_case_id_at_index" on "severity_change" ("case_id", "at");`);

    this.addSql(`create table "support_case" ("id" varchar(80) not null, "number" varchar(20) not null, "organization_id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "category" text check ("category" in ('TECHNICAL', 'PRE_SALES', 'BILLING_AND_SUBSCRIPTION')) not null, "topic" varchar(120) not null, "title" varchar(200) not null, "description" text not null, "business_impact" text null, "severity" text check ("severity" in ('A', 'B', 'C')) not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'CLOSED')) not null default 'OPEN', "opened_at" timestamptz not null, "closed_at" timestamptz null, "reopen_count" int not null default 0, "escalated" boolean not null default false, "response_target" varchar(20) null, "response_calendar" text check ("response_calendar" in ('ALWAYS', 'CN_SUPPORT_DAY', 'CN_BUSINESS_WEEK', 'LOCAL_BUSINESS_WEEK')) not null, "organization_time_zone" varchar(64) not null, "cycle_started_at" timestamptz not null, "due_at" timestamptz null, "responded_at" timestamptz null, "opened_by_id" varchar(80) not null, "on_behalf_of_partner_id" varchar(80) null, "contact_phone" varchar(40) not null, "contact_email" varchar(320) not null, "contact_method" text check ("contact_method" in ('PHONE', 'EMAIL')) not null, "idempotency_key" varchar(128) null, "related_incident_id" varchar(80) null, "created_at" timestamptz not null, constraint "support_case_pkey" primary key ("id"));`);
    this.addSql(`create index "support_case_on_behalf_of_partner_id_escalated_index" on "support_case" ("on_behalf_of_partner_id", "escalated");`);
    this.addSql(`create index "support_case_organization_id_opened_at_index" on "support_case" ("organization_id", "opened_at");`);
    this.addSql(`alter table "support_case" add constraint "support_case_organization_id_idempotency_key_unique" unique ("organization_id", "idempotency_key");`);
    this.addSql(`alter table "support_case" add constraint "support_case_cloud_number_unique" unique ("cloud", "number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_event" cascade;`);

    this.addSql(`drop table if exists "case_note" cascade;`);

    this.addSql(`drop table if exists "case_survey" cascade;`);

    this.addSql(`drop table if exists "health_issue" cascade;`);

    this.addSql(`drop table if exists "health_issue_post" cascade;`);

    this.addSql(`drop table if exists "health_service" cascade;`);

    this.addSql(`drop table if exists "sequence_counter" cascade;`);

    this.addSql(`drop table if exists "severity_change" cascade;`);

    this.addSql(`drop table if exists "support_case" cascade;`);
  }

}
