import { Migration } from '@mikro-orm/migrations';

export class Migration20261121201928 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "plan" ("id" varchar(80) not null, "name" varchar(200) not null, "family" text check ("family" in ('BUSINESS', 'ENTERPRISE', 'FRONTLINE')) not null, "kind" text check ("kind" in ('BASE', 'STANDALONE', 'ELEVATED_SUPPORT')) not null default 'BASE', "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "price_amount" int not null, "price_currency" varchar(3) not null, "trial_available" boolean not null default false, constraint "plan_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_cloud_index" on "plan" ("cloud");`);

    this.addSql(`create table "plan_subscription" ("id" varchar(80) not null, "organization_id" varchar(80) not null, "cloud" text check ("cloud" in ('GLOBAL', 'CHINA_21VIANET')) not null, "plan_id" varchar(80) not null, "status" text check ("status" in ('TRIAL', 'ACTIVE', 'EXPIRED', 'CANCELED')) not null, "channel" text check ("channel" in ('DIRECT', 'PARTNER')) not null, "partner_id" varchar(80) null, "licenses" int not null, "assigned_licenses" int not null default 0, "term_start" timestamptz not null, "term_end" timestamptz not null, "auto_renew" boolean not null default true, "created_at" timestamptz not null, constraint "plan_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_subscription_organization_id_index" on "plan_subscription" ("organization_id");`);

    this.addSql(`alter table "plan_subscription" add constraint "plan_subscription_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan_subscription" drop constraint "plan_subscription_plan_id_foreign";`);

    this.addSql(`drop table if exists "plan" cascade;`);

    this.addSql(`drop table if exists "plan_subscription" cascade;`);
  }

}
