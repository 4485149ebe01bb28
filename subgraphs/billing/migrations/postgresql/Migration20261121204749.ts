import { Migration } from '@mikro-orm/migrations';

export class Migration20261121204749 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "actor_id" varchar(80) not null, "actor_email" varchar(320) null, "action" varchar(80) not null, "target" varchar(120) not null, "before" jsonb null, "after" jsonb null, "at" timestamptz not null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_organization_id_at_index" on "audit_entry" ("organization_id", "at");`);

    this.addSql(`create table "invoice" ("id" varchar(80) not null, "number" varchar(40) not null, "organization_id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "period" varchar(7) not null, "currency" varchar(3) not null, "total_amount" int not null, "issued_at" timestamptz not null, "due_at" timestamptz not null, "paid_at" timestamptz null, constraint "invoice_pkey" primary key ("id"));`);
    this.addSql(`alter table "invoice" add constraint "invoice_number_unique" unique ("number");`);
    this.addSql(`create index "invoice_organization_id_index" on "invoice" ("organization_id");`);
    this.addSql(`alter table "invoice" add constraint "invoice_organization_id_period_unique" unique ("organization_id", "period");`);

    this.addSql(`create table "invoice_line" ("id" varchar(80) not null, "invoice_id" varchar(80) not null, "position" int not null, "subscription_id" varchar(80) not null, "plan_id" varchar(80) not null, "plan_name" varchar(200) not null, "unit_price" int not null, "license_days" int not null, "amount" int not null, "segments" jsonb not null, constraint "invoice_line_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_line_invoice_id_index" on "invoice_line" ("invoice_id");`);

    this.addSql(`create table "invoice_number_series" ("series" varchar(20) not null, "last_value" int not null, constraint "invoice_number_series_pkey" primary key ("series"));`);

    this.addSql(`create table "plan" ("id" varchar(80) not null, "name" varchar(200) not null, "family" text check ("family" in ('BUSINESS', 'ENTERPRISE', 'FRONTLINE')) not null, "kind" text check ("kind" in ('BASE', 'STANDALONE', 'ELEVATED_SUPPORT')) not null default 'BASE', "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "price_amount" int not null, "price_currency" varchar(3) not null, "trial_available" boolean not null default false, constraint "plan_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_cloud_index" on "plan" ("cloud");`);

    this.addSql(`create table "plan_subscription" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "plan_id" varchar(80) not null, "status" text check ("status" in ('TRIAL', 'ACTIVE', 'EXPIRED', 'CANCELED')) not null, "channel" text check ("channel" in ('DIRECT', 'PARTNER')) not null, "partner_id" varchar(80) null, "trial_of" varchar(80) null, "paid_since" timestamptz null, "licenses" int not null, "assigned_licenses" int not null default 0, "term_start" timestamptz not null, "term_end" timestamptz not null, "auto_renew" boolean not null default true, "cancellation_allowed_until" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "plan_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_subscription_organization_id_index" on "plan_subscription" ("organization_id");`);
    this.addSql(`alter table "plan_subscription" add constraint "plan_subscription_organization_id_trial_of_unique" unique ("organization_id", "trial_of");`);

    this.addSql(`create table "license_change" ("id" varchar(80) not null, "subscription_id" varchar(80) not null, "organization_id" varchar(80) not null, "effective_at" timestamptz not null, "licenses" int not null, "reason" varchar(20) not null, "recorded_at" timestamptz not null, constraint "license_change_pkey" primary key ("id"));`);
    this.addSql(`create index "license_change_organization_id_effective_at_index" on "license_change" ("organization_id", "effective_at");`);

    this.addSql(`alter table "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);

    this.addSql(`alter table "plan_subscription" add constraint "plan_subscription_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade;`);

    this.addSql(`alter table "license_change" add constraint "license_change_subscription_id_foreign" foreign key ("subscription_id") references "plan_subscription" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice_line" drop constraint "invoice_line_invoice_id_foreign";`);

    this.addSql(`alter table "plan_subscription" drop constraint "plan_subscription_plan_id_foreign";`);

    this.addSql(`alter table "license_change" drop constraint "license_change_subscription_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop table if exists "invoice_number_series" cascade;`);

    this.addSql(`drop table if exists "plan" cascade;`);

    this.addSql(`drop table if exists "plan_subscription" cascade;`);

    this.addSql(`drop table if exists "license_change" cascade;`);
  }

}
