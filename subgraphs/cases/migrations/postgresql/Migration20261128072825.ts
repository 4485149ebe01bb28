import { Migration } from '@mikro-orm/migrations';

export class Migration20261128072825 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "case_event" drop constraint if exists "case_event_kind_check";`);

    this.addSql(`alter table "response_alarm" drop constraint if exists "response_alarm_kind_check";`);

    this.addSql(`alter table "case_event" add constraint "case_event_kind_check" check("kind" in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'ESCALATION_JUDGED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED'));`);

    this.addSql(`alter table "response_alarm" add constraint "response_alarm_kind_check" check("kind" in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'ESCALATION_JUDGED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED'));`);

    this.addSql(`alter table "support_case" add column "partner_request_area" text check ("partner_request_area" in ('TECHNICAL', 'BILLING', 'CUSTOMER_MANAGEMENT', 'SUBSCRIPTION_MANAGEMENT')) null, add column "escalation_appropriate" boolean null, add column "escalation_judgement_reason" text null, add column "escalation_judged_at" timestamptz null, add column "escalation_judged_by_id" varchar(80) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_event" drop constraint if exists "case_event_kind_check";`);

    this.addSql(`alter table "response_alarm" drop constraint if exists "response_alarm_kind_check";`);

    this.addSql(`alter table "case_event" add constraint "case_event_kind_check" check("kind" in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED'));`);

    this.addSql(`alter table "response_alarm" add constraint "response_alarm_kind_check" check("kind" in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED'));`);

    this.addSql(`alter table "support_case" drop column "partner_request_area", drop column "escalation_appropriate", drop column "escalation_judgement_reason", drop column "escalation_judged_at", drop column "escalation_judged_by_id";`);
  }

}
