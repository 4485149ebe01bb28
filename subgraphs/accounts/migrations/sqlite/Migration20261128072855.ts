import { Migration } from '@mikro-orm/migrations';

export class Migration20261128072855 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`app_user\` add column \`subject_issuer\` text null;`);
    this.addSql(`alter table \`app_user\` add column \`subject\` text null;`);
    this.addSql(`create unique index \`app_user_subject_issuer_subject_unique\` on \`app_user\` (\`subject_issuer\`, \`subject\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists \`app_user_subject_issuer_subject_unique\`;`);
    this.addSql(`alter table \`app_user\` drop column \`subject\`;`);
    this.addSql(`alter table \`app_user\` drop column \`subject_issuer\`;`);
  }

}
