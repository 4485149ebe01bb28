import { Migration } from '@mikro-orm/migrations';

export class Migration20261121202114 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`health_issue\` (\`id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`service\` text not null, \`title\` text not null, \`classification\` text check (\`classification\` in ('INCIDENT', 'ADVISORY')) not null, \`status\` text check (\`status\` in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null, \`started_at\` datetime not null, \`ended_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`health_issue_cloud_started_at_index\` on \`health_issue\` (\`cloud\`, \`started_at\`);`);

    this.addSql(`create table \`health_service\` (\`id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`name\` text not null, \`status\` text check (\`status\` in ('serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored', 'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery', 'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated', 'resolvedExternal', 'confirmed', 'reported')) not null default 'serviceOperational', \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`health_service_cloud_name_unique\` on \`health_service\` (\`cloud\`, \`name\`);`);

    this.addSql(`create table \`organization_profile\` (\`id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`time_zone\` text not null, \`advanced_support_agreement\` integer not null default false, \`updated_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`support_case\` (\`id\` text not null, \`number\` text not null, \`organization_id\` text not null, \`cloud\` text check (\`cloud\` in ('GLOBAL', 'CHINA_21VIANET')) not null, \`category\` text check (\`category\` in ('TECHNICAL', 'PRE_SALES', 'BILLING_AND_SUBSCRIPTION')) not null, \`topic\` text not null, \`title\` text not null, \`description\` text not null, \`severity\` text check (\`severity\` in ('A', 'B', 'C')) not null, \`status\` text check (\`status\` in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'CLOSED')) not null default 'OPEN', \`opened_at\` datetime not null, \`closed_at\` datetime null, \`reopen_count\` integer not null default 0, \`escalated\` integer not null default false, \`due_at\` datetime null, \`responded_at\` datetime null, \`opened_by_id\` text not null, \`on_behalf_of_partner_id\` text null, \`contact_phone\` text not null, \`contact_email\` text not null, \`contact_method\` text check (\`contact_method\` in ('PHONE', 'EMAIL')) not null, \`idempotency_key\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`support_case_organization_id_opened_at_index\` on \`support_case\` (\`organization_id\`, \`opened_at\`);`);
    this.addSql(`create unique index \`support_case_cloud_number_unique\` on \`support_case\` (\`cloud\`, \`number\`);`);
  }

}
