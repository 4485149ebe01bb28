import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSchemaOf } from '../../lib/federation/contract-validation';
import { ALICE } from '../support/demo-users';
import { type Stack, startStack } from '../support/stack';

// Random documents and variables generated from the supergraph, valid and broken, sent as a
// customer of Contoso: no process falls over, no client mistake answers 5xx, and no answer carries
// another tenant's organization.

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const OTHER_TENANTS = /org-(fabrikam|northwind|tailspin|adatum)/;
const schema = apiSchemaOf(
  readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8'),
);

let seed = 0x2f6b_1d3;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fff_ffff;
  return seed / 0x8000_0000;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const GARBAGE = [
  'null',
  '""',
  '-1',
  '1e999',
  '"org-fabrikam"',
  '[1, 2]',
  '{ a: 1 }',
  'true',
  '"💥"',
];
const IDS = ['"org-contoso"', '"org-fabrikam"', '"case-contoso-1"', '"case-northwind-1"', '"x"'];

function literal(type: GraphQLInputType, depth = 0): string {
  if (random() < 0.05) return pick(GARBAGE);
  if (isNonNullType(type)) return literal(type.ofType, depth);
  if (isListType(type)) return `[${literal(type.ofType, depth + 1)}]`;
  if (isEnumType(type)) return pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 3) return '{}';
    const fields = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) || random() < 0.3,
    );
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return pick(IDS);
      case 'Int':
        return pick(['0', '1', '20', '-5', '100000']);
      case 'Float':
        return pick(['0.5', '-1', '3']);
      case 'Boolean':
        return pick(['true', 'false']);
      case 'DateTime':
        return pick(['"2026-01-01T00:00:00Z"', '"yesterday"']);
      default:
        return pick(['"x"', '"+1 425 555 0100"', '"it@contoso.example"', '"2026-01-01"']);
    }
  }
  return 'null';
}

function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isUnionType(named)) return `{ __typename }`;
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  if (depth > 4) return '{ __typename }';
  const fields = Object.values(named.getFields());
  const chosen = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(fields));
  return `{ ${[...new Set(chosen)].map((f) => field(f, depth + 1)).join(' ')} }`;
}

function field(f: GraphQLField<unknown, unknown>, depth: number): string {
  const args = f.args.filter((a) => isNonNullType(a.type) || random() < 0.3);
  const argText = args.length
    ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})`
    : '';
  return `${f.name}${argText} ${selection(f.type, depth)}`;
}

function document(): string {
  const query = schema.getQueryType() as GraphQLObjectType;
  const root = Object.values(query.getFields());
  const valid = `{ ${Array.from({ length: 1 + Math.floor(random() * 2) }, () => field(pick(root), 0)).join(' ')} }`;
  const roll = random();
  if (roll < 0.7) return valid;
  if (roll < 0.8) return valid.slice(0, Math.floor(random() * valid.length)); // truncated
  if (roll < 0.9) return valid.replace(/\w+/, pick(['nope', '__schema', '...', '$x', '@skip'])); // mangled
  return `query Q($v: ${pick(['ID!', 'Int', '[String!]!', 'Nope'])}) ${valid}`; // unused or bad variables
}

describe('fuzzing the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite', {
      gatewayEnv: { RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_VIEWER: '1000000' },
    });
  });
  afterAll(() => stack?.stop());

  it(`answers ${RUNS} random documents without a crash, a 5xx or another tenant's data`, async () => {
    const token = await stack.token(ALICE);
    const failures: string[] = [];
    const queue = Array.from({ length: RUNS }, document);
    const worker = async () => {
      for (let query = queue.pop(); query !== undefined; query = queue.pop()) {
        const variables = random() < 0.2 ? { v: pick([1, 'x', null, [1], { a: 1 }]) } : {};
        const response = await fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const text = await response.text();
        if (response.status >= 500)
          failures.push(`${response.status} ${query} ${text.slice(0, 200)}`);
        if (OTHER_TENANTS.test(JSON.stringify(JSON.parse(text).data ?? null)))
          failures.push(`another tenant in ${query}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures.slice(0, 5)).toEqual([]);
    for (const url of [stack.gatewayUrl, ...Object.values(stack.subgraphs).map((s) => s.url)]) {
      expect((await fetch(new URL('/health', url))).status).toBe(200);
    }
  }, 120_000);
});
