import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOperationLimits,
  DEFAULT_OPERATION_LIMITS,
} from '../../gateway/security/operation-limits';
import { apiSchemaOf } from '../../lib/federation/contract-validation';
import { readContract } from '../support/operations';
import { projectOperation } from '../support/project-operations';
import { firstCode, type Stack, startStack } from '../support/stack';

const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

const nested = (levels: number): string =>
  levels === 0
    ? 'id'
    : `cases(first: 1) { edges { node { organization { ${nested(levels - 1)} } } } }`;

describe('operation limits', () => {
  it('let every contract operation on the CI list through by default', () => {
    const schema = apiSchemaOf(readFileSync(join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'));
    const { operations } = JSON.parse(
      readFileSync(join(SCHEMA_DIR, 'contract-operations.json'), 'utf8'),
    ) as { operations: string[] };
    const { validationRules } = createOperationLimits(DEFAULT_OPERATION_LIMITS);
    for (const file of operations) {
      expect(validate(schema, parse(readContract(file)), validationRules), file).toEqual([]);
    }
  });

  describe('at the gateway', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack('sqlite', { gatewayEnv: { INTROSPECTION: 'false' } });
      await stack.query(projectOperation('ViewerId'), {}, { email: 'alice@contoso.example' }); // caches the viewer
    });
    afterAll(() => stack?.stop());

    it.each([
      ['a deep query', `{ organization(id: "org-contoso") { ${nested(4)} } }`],
      [
        'an alias bomb',
        `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`,
      ],
      ['a directive pile', `{ ${'__typename @include(if: true) '.repeat(12)} }`],
      ['a token flood', `{ viewer { ${'id '.repeat(1_100)} } }`],
    ])('refuses %s with OPERATION_TOO_COMPLEX before touching a subgraph', async (_name, query) => {
      stack.resetSqlCounters();
      const response = await stack.query(query, {}, { email: 'alice@contoso.example' });
      expect(response.status).toBe(400);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_TOO_COMPLEX']);
      expect(response.data).toBeUndefined();
      expect(Object.values(stack.subgraphs).reduce((n, s) => n + s.sqlCounter.count, 0)).toBe(0);
    });

    it('hides field suggestions and introspection when introspection is off', async () => {
      const typo = await stack.query('{ viewr { id } }', {}, { email: 'alice@contoso.example' });
      expect(firstCode(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
      const introspection = await stack.query('{ __schema { types { name } } }');
      expect(firstCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
