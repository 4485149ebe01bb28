import 'reflect-metadata';
import { loadSubgraphConfig } from '../lib/config/subgraph-config';
import { createOrm } from '../lib/orm/create-orm';
import { SUBGRAPHS } from '../subgraphs/registry';

// `npm run migrate`: brings every subgraph's database (DATABASE_URL, or the SQLite files under
// data/) up to the checked-in migrations. The subgraphs also do this when they start.
async function main(): Promise<void> {
  for (const subgraph of SUBGRAPHS) {
    const config = loadSubgraphConfig(subgraph.name);
    const { orm, dialect } = await createOrm(subgraph.ormOptions(config), false);
    try {
      const applied = await orm.getMigrator().up();
      const where =
        dialect === 'postgresql' ? `schema ${config.databaseSchema}` : config.databaseUrl;
      console.log(
        `${subgraph.name} (${dialect}, ${where}): ${applied.length} migration(s) applied`,
      );
    } finally {
      await orm.close();
    }
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
