import { Migration } from '@mikro-orm/migrations';

export class Migration20261128074800 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "support_case_running_due_at_index" on "support_case" ("due_at") where "responded_at" is null and "status" <> 'CLOSED';`);
    this.addSql(`create index "support_case_running_cloud_due_at_index" on "support_case" ("cloud", "due_at") where "responded_at" is null and "status" <> 'CLOSED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "support_case_running_due_at_index";`);
    this.addSql(`drop index "support_case_running_cloud_due_at_index";`);
  }

}
