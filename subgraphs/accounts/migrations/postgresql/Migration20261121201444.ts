import { Migration } from '@mikro-orm/migrations';

export class Migration20261121201444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organization" ("id" varchar(80) not null, "name" varchar(200) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "time_zone" varchar(64) not null, "advanced_support_agreement" boolean not null default false, "provider" boolean not null default false, "created_at" timestamptz not null, constraint "organization_pkey" primary key ("id"));`);

    this.addSql(`create table "partner" ("id" varchar(80) not null, "name" varchar(200) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, constraint "partner_pkey" primary key ("id"));`);

    this.addSql(`create table "delegation" ("id" varchar(80) not null, "partner_id" varchar(80) not null, "organization_id" varchar(80) not null, "roles" jsonb not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" text check ("status" in ('ACTIVE', 'TERMINATED')) not null default 'ACTIVE', constraint "delegation_pkey" primary key ("id"));`);
    this.addSql(`create index "delegation_organization_id_index" on "delegation" ("organization_id");`);
    this.addSql(`create index "delegation_partner_id_ends_at_index" on "delegation" ("partner_id", "ends_at");`);

    this.addSql(`create table "registered_contact" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "kind" text check ("kind" in ('PHONE', 'EMAIL')) not null, "value" varchar(320) not null, "created_at" timestamptz not null, constraint "registered_contact_pkey" primary key ("id"));`);
    this.addSql(`create index "registered_contact_organization_id_index" on "registered_contact" ("organization_id");`);

    this.addSql(`create table "app_user" ("id" varchar(80) not null, "email" varchar(320) not null, "display_name" varchar(200) not null, "organization_id" varchar(80) null, "partner_id" varchar(80) null, "support_engineer" boolean not null default false, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_partner_id_index" on "app_user" ("partner_id");`);
    this.addSql(`create index "app_user_organization_id_index" on "app_user" ("organization_id");`);

    this.addSql(`create table "role_assignment" ("id" varchar(80) not null, "user_id" varchar(80) not null, "organization_id" varchar(80) not null, "role" text check ("role" in ('GLOBAL_ADMIN', 'BILLING_ADMIN', 'SERVICE_SUPPORT_ADMIN', 'HELPDESK_ADMIN', 'USER_ADMIN', 'EXCHANGE_ADMIN', 'SHAREPOINT_ADMIN', 'TEAMS_ADMIN', 'GLOBAL_READER')) not null, "assigned_at" timestamptz not null, constraint "role_assignment_pkey" primary key ("id"));`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_organization_id_role_unique" unique ("user_id", "organization_id", "role");`);

    this.addSql(`alter table "delegation" add constraint "delegation_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`);
    this.addSql(`alter table "delegation" add constraint "delegation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "registered_contact" add constraint "registered_contact_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "delegation" drop constraint "delegation_organization_id_foreign";`);

    this.addSql(`alter table "registered_contact" drop constraint "registered_contact_organization_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_organization_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_organization_id_foreign";`);

    this.addSql(`alter table "delegation" drop constraint "delegation_partner_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_partner_id_foreign";`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_user_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "partner" cascade;`);

    this.addSql(`drop table if exists "delegation" cascade;`);

    this.addSql(`drop table if exists "registered_contact" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "role_assignment" cascade;`);
  }

}
