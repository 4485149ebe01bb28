import { Migration } from '@mikro-orm/migrations';

export class Migration20261121204748 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`organization_id\` text not null, \`actor_id\` text not null, \`actor_email\` text null, \`action\` text not null, \`target\` text not null, \`before\` json null, \`after\` json null, \`at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_entry_organization_id_at_index\` on \`audit_entry\` (\`organization_id\`, \`at\`);`);

    this.addSql(`create table \`invoice\` (\`id\` text not null, \`number\` text not null, \`organization_id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`period\` text not null, \`currency\` text not null, \`total_amount\` integer not null, \`issued_at\` datetime not null, \`due_at\` datetime not null, \`paid_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`invoice_number_unique\` on \`invoice\` (\`number\`);`);
    this.addSql(`create index \`invoice_organization_id_index\` on \`invoice\` (\`organization_id\`);`);
    this.addSql(`create unique index \`invoice_organization_id_period_unique\` on \`invoice\` (\`organization_id\`, \`period\`);`);

    this.addSql(`create table \`invoice_line\` (\`id\` text not null, \`invoice_id\` text not null, \`position\` integer not null, \`subscription_id\` text not null, \`plan_id\` text not null, \`plan_name\` text not null, \`unit_price\` integer not null, \`license_days\` integer not null, \`amount\` integer not null, \`segments\` json not null, constraint \`invoice_line_invoice_id_foreign\` foreign key(\`invoice_id\`) references \`invoice\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`invoice_line_invoice_id_index\` on \`invoice_line\` (\`invoice_id\`);`);

    this.addSql(`create table \`invoice_number_series\` (\`series\` text not null, \`last_value\` integer not null, primary key (\`series\`));`);

    this.addSql(`create table \`plan\` (\`id\` text not null, \`name\` text not null, \`family\` text check (\`family\` in ('BUSINESS', 'ENTERPRISE', 'FRONTLINE')) not null, \`kind\` text check (\`kind\` in ('BASE', 'STANDALONE', 'ELEVATED_SUPPORT')) not null default 'BASE', \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`price_amount\` integer not null, \`price_currency\` text not null, \`trial_available\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create index \`plan_cloud_index\` on \`plan\` (\`cloud\`);`);

    this.addSql(`create table \`plan_subscription\` (\`id\` text not null, \`organization_id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`plan_id\` text not null, \`status\` text check (\`status\` in ('TRIAL', 'ACTIVE', 'EXPIRED', 'CANCELED')) not null, \`channel\` text check (\`channel\` in ('DIRECT', 'PARTNER')) not null, \`partner_id\` text null, \`trial_of\` text null, \`paid_since\` datetime null, \`licenses\` integer not null, \`assigned_licenses\` integer not null default 0, \`term_start\` datetime not null, \`term_end\` datetime not null, \`auto_renew\` integer not null default true, \`cancellation_allowed_until\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`plan_subscription_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`plan_subscription_plan_id_index\` on \`plan_subscription\` (\`plan_id\`);`);
    this.addSql(`create index \`plan_subscription_organization_id_index\` on \`plan_subscription\` (\`organization_id\`);`);
    this.addSql(`create unique index \`plan_subscription_organization_id_trial_of_unique\` on \`plan_subscription\` (\`organization_id\`, \`trial_of\`);`);

    this.addSql(`create table \`license_change\` (\`id\` text not null, \`subscription_id\` text not null, \`organization_id\` text not null, \`effective_at\` datetime not null, \`licenses\` integer not null, \`reason\` text not null, \`recorded_at\` datetime not null, constraint \`license_change_subscription_id_foreign\` foreign key(\`subscription_id\`) references \`plan_subscription\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`license_change_subscription_id_index\` on \`license_change\` (\`subscription_id\`);`);
    this.addSql(`create index \`license_change_organization_id_effective_at_index\` on \`license_change\` (\`organization_id\`, \`effective_at\`);`);
  }

}
