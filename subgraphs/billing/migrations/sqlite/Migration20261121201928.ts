import { Migration } from '@mikro-orm/migrations';

export class Migration20261121201928 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`plan\` (\`id\` text not null, \`name\` text not null, \`family\` text check (\`family\` in ('BUSINESS', 'ENTERPRISE', 'FRONTLINE')) not null, \`kind\` text check (\`kind\` in ('BASE', 'STANDALONE', 'ELEVATED_SUPPORT')) not null default 'BASE', \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`price_amount\` integer not null, \`price_currency\` text not null, \`trial_available\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create index \`plan_cloud_index\` on \`plan\` (\`cloud\`);`);

    this.addSql(`create table \`plan_subscription\` (\`id\` text not null, \`organization_id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`plan_id\` text not null, \`status\` text check (\`status\` in ('TRIAL', 'ACTIVE', 'EXPIRED', 'CANCELED')) not null, \`channel\` text check (\`channel\` in ('DIRECT', 'PARTNER')) not null, \`partner_id\` text null, \`licenses\` integer not null, \`assigned_licenses\` integer not null default 0, \`term_start\` datetime not null, \`term_end\` datetime not null, \`auto_renew\` integer not null default true, \`created_at\` datetime not null, constraint \`plan_subscription_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`plan_subscription_plan_id_index\` on \`plan_subscription\` (\`plan_id\`);`);
    this.addSql(`create index \`plan_subscription_organization_id_index\` on \`plan_subscription\` (\`organization_id\`);`);
  }

}
