import { Migration } from '@mikro-orm/migrations';

export class Migration20261121202115 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "health_issue" ("id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "service" varchar(120) not null, "title" varchar(300) not null, "classification" text check ("classification" in ('INCIDENT', 'ADVISORY')) not null, "status" text check ("status" in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null, "started_at" timestamptz not null, "ended_at" timestamptz null, constraint "health_issue_pkey" primary key ("id"));`);
    this.addSql(`create index "health_issue_cloud_started_at_index" on "health_issue" ("cloud", "started_at");`);

    this.addSql(`create table "health_service" ("id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "name" varchar(120) not null, "status" text check ("status" in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null default 'serviceOperational', "updated_at" timestamptz not null, constraint "health_service_pkey" primary key ("id"));`);
    this.addSql(`alter table "health_service" add constraint "health_service_cloud_name_unique" unique ("cloud", "name");`);

    this.addSql(`create table "organization_profile" ("id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "time_zone" varchar(64) not null, "advanced_support_agreement" boolean not null default false, "updated_at" timestamptz not null, constraint "organization_profile_pkey" primary key ("id"));`);

    this.addSql(`create table "support_case" ("id" varchar(80) not null, "number" varchar(20) not null, "organization_id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "category" text check ("category" in ('TECHNICAL', 'PRE_SALES', 'BILLING_AND_SUBSCRIPTION')) not null, "topic" varchar(120) not null, "title" varchar(200) not null, "description" text not null, "severity" text check ("severity" in ('A', 'B', 'C')) not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'CLOSED')) not null default 'OPEN', "opened_at" timestamptz not null, "closed_at" timestamptz null, "reopen_count" int not null default 0, "escalated" boolean not null default false, "due_at" timestamptz null, "responded_at" timestamptz null, "opened_by_id" varchar(80) not null, "on_behalf_of_partner_id" varchar(80) null, "contact_phone" varchar(40) not null, "contact_email" varchar(320) not null, "contact_method" text check ("contact_method" in ('PHONE', 'EMAIL')) not null, "idempotency_key" varchar(128) null, "created_at" timestamptz not null, constraint "support_case_pkey" primary key ("id"));`);
    this.addSql(`create index "support_case_organization_id_opened_at_index" on "support_case" ("organization_id", "opened_at");`);
    this.addSql(`alter table "support_case" add constraint "support_case_cloud_number_unique" unique ("cloud", "number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "health_issue" cascade;`);

    this.addSql(`drop table if exists "health_service" cascade;`);

    this.addSql(`drop table if exists "organization_profile" cascade;`);

    this.addSql(`drop table if exists "support_case" cascade;`);
  }

}
