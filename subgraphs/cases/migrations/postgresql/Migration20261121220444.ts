import { Migration } from '@mikro-orm/migrations';

export class Migration20261121220444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "response_alarm" ("id" varchar(160) not null, "case_id" varchar(80) not null, "kind" text check ("kind" in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED')) not null, "due_at" timestamptz not null, "fired_at" timestamptz not null, "event_id" bigint not null, constraint "response_alarm_pkey" primary key ("id"));`);
    this.addSql(`create index "response_alarm_case_id_index" on "response_alarm" ("case_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "response_alarm" cascade;`);
  }

}
