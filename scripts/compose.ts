import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSubgraphs, SUBGRAPH_URLS } from '../lib/federation/compose';
import { apiSchemaOf, validateDocuments } from '../lib/federation/contract-validation';
import { SUBGRAPHS } from '../subgraphs/registry';

// `npm run compose` writes schema/<subgraph>.graphql and schema/supergraph.graphql.
// `npm run compose -- --check` fails when the checked-in files are stale instead.
const SCHEMA_DIR = join(__dirname, '..', 'schema');
const CONTRACT_DIR = join(__dirname, '..', 'contract', 'operations');

/** Contract operations listed in schema/contract-operations.json must validate as shipped. */
function contractProblems(supergraph: string): string[] {
  const { operations } = JSON.parse(
    readFileSync(join(SCHEMA_DIR, 'contract-operations.json'), 'utf8'),
  ) as {
    operations: string[];
  };
  const documents = operations.map((name) => ({
    name,
    source: readFileSync(join(CONTRACT_DIR, name), 'utf8'),
  }));
  return validateDocuments(apiSchemaOf(supergraph), documents);
}

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
  const problems = contractProblems(supergraph);
  if (problems.length > 0) {
    console.error(
      `Contract operations do not validate:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  if (check) {
    if (stale.length > 0) {
      console.error(
        `Stale: ${stale.map((f) => f.path).join(', ')}. Run npm run compose and commit.`,
      );
      process.exit(1);
    }
    console.log(
      'schema/ is up to date; both composers accept the subgraphs; contract operations validate.',
    );
    return;
  }
  for (const file of files) writeFileSync(file.path, file.content);
  console.log(`composed ${subgraphs.length} subgraphs into schema/supergraph.graphql`);
}

void main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
