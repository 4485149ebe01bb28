import { Migration } from '@mikro-orm/migrations';

export class Migration20261128072856 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "subject_issuer" varchar(300) null, add column "subject" varchar(255) null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_subject_issuer_subject_unique" unique ("subject_issuer", "subject");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_subject_issuer_subject_unique";`);
    this.addSql(`alter table "app_user" drop column "subject_issuer", drop column "subject";`);
  }

}
