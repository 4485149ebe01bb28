import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs, SUBGRAPH_URLS } from '../../lib/federation/compose';
import { apiSchemaOf, validateDocuments } from '../../lib/federation/contract-validation';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { CONTRACT_DIR, contractFiles, readContract } from '../support/operations';

const ROOT = join(__dirname, '..', '..');
const checkedIn = (file: string) => readFileSync(join(ROOT, 'schema', file), 'utf8');

describe('the composed supergraph', () => {
  it('is what the subgraphs compose to today, with both composers (run npm run compose if not)', async () => {
    const subgraphs = await Promise.all(
      SUBGRAPHS.map(async (s) => ({
        name: s.name,
        url: SUBGRAPH_URLS[s.name],
        sdl: (await s.buildSchema()).sdl,
      })),
    );
    for (const s of subgraphs)
      expect(checkedIn(`${s.name}.graphql`), `${s.name}.graphql`).toBe(s.sdl);
    expect(checkedIn('supergraph.graphql')).toBe(composeSubgraphs(subgraphs));
  });

  it('accepts every contract operation on the CI list, exactly as shipped', () => {
    const { operations } = JSON.parse(checkedIn('contract-operations.json')) as {
      operations: string[];
    };
    expect(operations.length).toBeGreaterThan(0);
    const documents = operations.map((name) => ({ name, source: readContract(name) }));
    expect(validateDocuments(apiSchemaOf(checkedIn('supergraph.graphql')), documents)).toEqual([]);
  });

  it('refuses a document that does not fit the schema (the check can fail)', () => {
    const problems = validateDocuments(apiSchemaOf(checkedIn('supergraph.graphql')), [
      { name: 'bad', source: '{ organization(id: "x") { noSuchField } }' },
    ]);
    expect(problems).toHaveLength(1);
  });
});

describe('the vendored client contract', () => {
  const upstream = join(ROOT, '..', 'shared', 'contract', 'operations');
  it.runIf(existsSync(upstream))('is byte-identical to the shared contract', () => {
    for (const file of contractFiles()) {
      expect(readContract(file), file).toBe(readFileSync(join(upstream, file), 'utf8'));
    }
    expect(existsSync(CONTRACT_DIR)).toBe(true);
  });
});
