import { Migration } from '@mikro-orm/migrations';

export class Migration20261121203337 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`organization_id\` text not null, \`actor_id\` text not null, \`actor_email\` text null, \`action\` text not null, \`target\` text not null, \`before\` json null, \`after\` json null, \`at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_entry_organization_id_at_index\` on \`audit_entry\` (\`organization_id\`, \`at\`);`);

    this.addSql(`create table \`organization\` (\`id\` text not null, \`name\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`time_zone\` text not null, \`advanced_support_agreement\` integer not null default false, \`provider\` integer not null default false, \`created_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`partner\` (\`id\` text not null, \`name\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, primary key (\`id\`));`);

    this.addSql(`create table \`delegation\` (\`id\` text not null, \`partner_id\` text not null, \`organization_id\` text not null, \`roles\` json not null, \`duration_days\` integer not null, \`starts_at\` datetime not null, \`ends_at\` datetime not null, \`status\` text check (\`status\` in ('PENDING', 'ACTIVE', 'TERMINATED')) not null default 'PENDING', \`terminated_at\` datetime null, constraint \`delegation_partner_id_foreign\` foreign key(\`partner_id\`) references \`partner\`(\`id\`) on update cascade, constraint \`delegation_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`delegation_partner_id_index\` on \`delegation\` (\`partner_id\`);`);
    this.addSql(`create index \`delegation_organization_id_index\` on \`delegation\` (\`organization_id\`);`);
    this.addSql(`create index \`delegation_partner_id_ends_at_index\` on \`delegation\` (\`partner_id\`, \`ends_at\`);`);

    this.addSql(`create table \`registered_contact\` (\`id\` text not null, \`organization_id\` text not null, \`kind\` text check (\`kind\` in ('PHONE', 'EMAIL')) not null, \`value\` text not null, \`e164\` text null, \`created_at\` datetime not null, constraint \`registered_contact_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`registered_contact_organization_id_index\` on \`registered_contact\` (\`organization_id\`);`);

    this.addSql(`create table \`app_user\` (\`id\` text not null, \`email\` text not null, \`display_name\` text not null, \`organization_id\` text null, \`partner_id\` text null, \`support_engineer\` integer not null default false, constraint \`app_user_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete set null on update cascade, constraint \`app_user_partner_id_foreign\` foreign key(\`partner_id\`) references \`partner\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`app_user_email_unique\` on \`app_user\` (\`email\`);`);
    this.addSql(`create index \`app_user_partner_id_index\` on \`app_user\` (\`partner_id\`);`);
    this.addSql(`create index \`app_user_organization_id_index\` on \`app_user\` (\`organization_id\`);`);

    this.addSql(`create table \`role_assignment\` (\`id\` text not null, \`user_id\` text not null, \`organization_id\` text not null, \`role\` text check (\`role\` in ('GLOBAL_ADMIN', 'BILLING_ADMIN', 'SERVICE_SUPPORT_ADMIN', 'HELPDESK_ADMIN', 'USER_ADMIN', 'EXCHANGE_ADMIN', 'SHAREPOINT_ADMIN', 'TEAMS_ADMIN', 'GLOBAL_READER')) not null, \`assigned_at\` datetime not null, constraint \`role_assignment_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade, constraint \`role_assignment_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`role_assignment_user_id_index\` on \`role_assignment\` (\`user_id\`);`);
    this.addSql(`create index \`role_assignment_organization_id_index\` on \`role_assignment\` (\`organization_id\`);`);
    this.addSql(`create unique index \`role_assignment_user_id_organization_id_role_unique\` on \`role_assignment\` (\`user_id\`, \`organization_id\`, \`role\`);`);

    this.addSql(`create table \`phone_verification\` (\`id\` text not null, \`organization_id\` text not null, \`engineer_id\` text not null, \`caller_phone\` text not null, \`code_hash\` text not null, \`sent_to\` text not null, \`status\` text check (\`status\` in ('PENDING', 'VERIFIED', 'FAILED')) not null default 'PENDING', \`failed_attempts\` integer not null default 0, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`verified_at\` datetime null, constraint \`phone_verification_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`phone_verification_engineer_id_foreign\` foreign key(\`engineer_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`phone_verification_organization_id_index\` on \`phone_verification\` (\`organization_id\`);`);
    this.addSql(`create index \`phone_verification_engineer_id_index\` on \`phone_verification\` (\`engineer_id\`);`);
    this.addSql(`create index \`phone_verification_organization_id_created_at_index\` on \`phone_verification\` (\`organization_id\`, \`created_at\`);`);

    this.addSql(`create table \`verification_grant\` (\`id\` text not null, \`organization_id\` text not null, \`engineer_id\` text not null, \`via\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`verification_grant_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`verification_grant_engineer_id_foreign\` foreign key(\`engineer_id\`) references \`app_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`verification_grant_organization_id_index\` on \`verification_grant\` (\`organization_id\`);`);
    this.addSql(`create index \`verification_grant_engineer_id_index\` on \`verification_grant\` (\`engineer_id\`);`);
    this.addSql(`create index \`verification_grant_engineer_id_expires_at_index\` on \`verification_grant\` (\`engineer_id\`, \`expires_at\`);`);
  }

}
