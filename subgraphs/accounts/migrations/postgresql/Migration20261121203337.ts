import { Migration } from '@mikro-orm/migrations';

export class Migration20261121203337 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "actor_id" varchar(80) not null, "actor_email" varchar(320) null, "action" varchar(80) not null, "target" varchar(120) not null, "before" jsonb null, "after" jsonb null, "at" timestamptz not null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_organization_id_at_index" on "audit_entry" ("organization_id", "at");`);

    this.addSql(`create table "organization" ("id" varchar(80) not null, "name" varchar(200) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "time_zone" varchar(64) not null, "advanced_support_agreement" boolean not null default false, "provider" boolean not null default false, "created_at" timestamptz not null, constraint "organization_pkey" primary key ("id"));`);

    this.addSql(`create table "partner" ("id" varchar(80) not null, "name" varchar(200) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, constraint "partner_pkey" primary key ("id"));`);

    this.addSql(`create table "delegation" ("id" varchar(80) not null, "partner_id" varchar(80) not null, "organization_id" varchar(80) not null, "roles" jsonb not null, "duration_days" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" text check ("status" in ('PENDING', 'ACTIVE', 'TERMINATED')) not null default 'PENDING', "terminated_at" timestamptz null, constraint "delegation_pkey" primary key ("id"));`);
    this.addSql(`create index "delegation_organization_id_index" on "delegation" ("organization_id");`);
    this.addSql(`create index "delegation_partner_id_ends_at_index" on "delegation" ("partner_id", "ends_at");`);

    this.addSql(`create table "registered_contact" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "kind" text check ("kind" in ('PHONE', 'EMAIL')) not null, "value" varchar(320) not null, "e164" varchar(32) null, "created_at" timestamptz not null, constraint "registered_contact_pkey" primary key ("id"));`);
    this.addSql(`create index "registered_contact_organization_id_index" on "registered_contact" ("organization_id");`);

    this.addSql(`create table "app_user" ("id" varchar(80) not null, "email" varchar(320) not null, "display_name" varchar(200) not null, "organization_id" varchar(80) null, "partner_id" varchar(80) null, "support_engineer" boolean not null default false, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_partner_id_index" on "app_user" ("partner_id");`);
    this.addSql(`create index "app_user_organization_id_index" on "app_user" ("organization_id");`);

    this.addSql(`create table "role_assignment" ("id" varchar(80) not null, "user_id" varchar(80) not null, "organization_id" varchar(80) not null, "role" text check ("role" in ('GLOBAL_ADMIN', 'BILLING_ADMIN', 'SERVICE_SUPPORT_ADMIN', 'HELPDESK_ADMIN', 'USER_ADMIN', 'EXCHANGE_ADMIN', 'SHAREPOINT_ADMIN', 'TEAMS_ADMIN', 'GLOBAL_READER')) not null, "assigned_at" timestamptz not null, constraint "role_assignment_pkey" primary key ("id"));`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_organization_id_role_unique" unique ("user_id", "organization_id", "role");`);

    this.addSql(`create table "phone_verification" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "engineer_id" varchar(80) not null, "caller_phone" varchar(32) not null, "code_hash" varchar(64) not null, "sent_to" varchar(320) not null, "status" text check ("status" in ('PENDING', 'VERIFIED', 'FAILED')) not null default 'PENDING', "failed_attempts" int not null default 0, "created_at" timestamptz not null, "expires_at" timestamptz not null, "verified_at" timestamptz null, constraint "phone_verification_pkey" primary key ("id"));`);
    this.addSql(`create index "phone_verification_organization_id_created_at_index" on "phone_verification" ("organization_id", "created_at");`);

    this.addSql(`create table "verification_grant" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "engineer_id" varchar(80) not null, "via" varchar(32) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "verification_grant_pkey" primary key ("id"));`);
    this.addSql(`create index "verification_grant_engineer_id_expires_at_index" on "verification_grant" ("engineer_id", "expires_at");`);

    this.addSql(`alter table "delegation" add constraint "delegation_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`);
    this.addSql(`alter table "delegation" add constraint "delegation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "registered_contact" add constraint "registered_contact_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "phone_verification" add constraint "phone_verification_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "phone_verification" add constraint "phone_verification_engineer_id_foreign" foreign key ("engineer_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "verification_grant" add constraint "verification_grant_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "verification_grant" add constraint "verification_grant_engineer_id_foreign" foreign key ("engineer_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "delegation" drop constraint "delegation_organization_id_foreign";`);

    this.addSql(`alter table "registered_contact" drop constraint "registered_contact_organization_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_organization_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_organization_id_foreign";`);

    this.addSql(`alter table "phone_verification" drop constraint "phone_verification_organization_id_foreign";`);

    this.addSql(`alter table "verification_grant" drop constraint "verification_grant_organization_id_foreign";`);

    this.addSql(`alter table "delegation" drop constraint "delegation_partner_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_partner_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_user_id_foreign";`);

    this.addSql(`alter table "phone_verification" drop constraint "phone_verification_engineer_id_foreign";`);

    this.addSql(`alter table "verification_grant" drop constraint "verification_grant_engineer_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "partner" cascade;`);

    this.addSql(`drop table if exists "delegation" cascade;`);

    this.addSql(`drop table if exists "registered_contact" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "role_assignment" cascade;`);

    this.addSql(`drop table if exists "phone_verification" cascade;`);

    this.addSql(`drop table if exists "verification_grant" cascade;`);
  }

}
