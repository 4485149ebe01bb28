import { Migration } from '@mikro-orm/migrations';

export class Migration20261121220444 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`response_alarm\` (\`id\` text not null, \`case_id\` text not null, \`kind\` text check (\`kind\` in ('OPENED', 'NOTE_ADDED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'FIRST_RESPONSE', 'ESCALATED', 'REOPENED', 'SURVEY_SUBMITTED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED')) not null, \`due_at\` datetime not null, \`fired_at\` datetime not null, \`event_id\` bigint not null, primary key (\`id\`));`);
    this.addSql(`create index \`response_alarm_case_id_index\` on \`response_alarm\` (\`case_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`response_alarm\`;`);
  }

}
