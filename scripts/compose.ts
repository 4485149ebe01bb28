import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSubgraphs, SUBGRAPH_URLS } from '../lib/federation/compose';
import { SUBGRAPHS } from '../subgraphs/registry';

// `npm run compose` writes schema/<subgraph>.graphql and schema/supergraph.graphql.
// `npm run compose -- --check` fails when the checked-in files are stale instead.
const SCHEMA_DIR = join(__dirname, '..', 'schema');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const subgraphs = await Promise.all(
    SUBGRAPHS.map(async (s) => ({
      name: s.name,
      url: SUBGRAPH_URLS[s.name],
      sdl: (await s.buildSchema()).sdl,
    })),
  );
  const supergraph = composeSubgraphs(subgraphs);
  const files = [
    ...subgraphs.map((s) => ({ path: join(SCHEMA_DIR, `${s.name}.graphql`), content: s.sdl })),
    { path: join(SCHEMA_DIR, 'supergraph.graphql'), content: supergraph },
  ];
  const stale = files.filter((f) => {
    try {
      return readFileSync(f.path, 'utf8') !== f.content;
    } catch {
      return true;
    }
  });
  if (check) {
    if (stale.length > 0) {
      console.error(
        `Stale: ${stale.map((f) => f.path).join(', ')}. Run npm run compose and commit.`,
      );
      process.exit(1);
    }
    console.log('schema/ is up to date; both composers accept the subgraphs.');
    return;
  }
  for (const file of files) writeFileSync(file.path, file.content);
  console.log(`composed ${subgraphs.length} subgraphs into schema/supergraph.graphql`);
}

void main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
