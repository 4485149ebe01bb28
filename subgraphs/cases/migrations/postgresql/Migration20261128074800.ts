import { Migration } from '@mikro-orm/migrations';

export class Migration20261128074800 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "support_case_responded_at_due_at_index" on "support_case" ("responded_at", "due_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "support_case_responded_at_due_at_index";`);
  }

}
