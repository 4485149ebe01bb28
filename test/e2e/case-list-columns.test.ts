import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isObjectType,
  isRequiredArgument,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../lib/config/project-root';
import { ORG } from '../../lib/demo/demo-tenants';
import { CN_ENGINEER, GLOBAL_ENGINEER } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// A case list reads only the columns its selection needs (subgraphs/cases/loaders/
// case-columns.ts). For every field of Case, each demo tenant's cases listed with only that field
// must answer exactly as the same cases read one by one (which reads whole rows): a resolver
// whose columns are listed short answers differently here.

const schema = buildSchema(readFileSync(join(projectRoot(), 'schema', 'cases.graphql'), 'utf8'), {
  assumeValidSDL: true,
});
const caseType = schema.getType('Case') as GraphQLObjectType;

const callable = (field: GraphQLField<unknown, unknown>) => !field.args.some(isRequiredArgument);

/** The field with its leaf subfields, one level down (enough to read what its resolver reads). */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!isObjectType(type)) return `${field.name} { __typename }`;
  const leaves = Object.values(type.getFields()).filter(
    (f) => callable(f) && isLeafType(getNamedType(f.type)),
  );
  return `${field.name} { __typename ${leaves.map((f) => f.name).join(' ')} }`;
}

const FIELDS = Object.values(caseType.getFields()).filter(callable);

const TENANTS = [
  { organizationId: ORG.contoso, engineer: GLOBAL_ENGINEER },
  { organizationId: ORG.fabrikam, engineer: GLOBAL_ENGINEER },
  { organizationId: ORG.northwind, engineer: CN_ENGINEER },
  { organizationId: ORG.tailspin, engineer: CN_ENGINEER },
  { organizationId: ORG.adatum, engineer: CN_ENGINEER },
];

describe.each(testDialects())('case lists read the columns their fields need (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  it.each(FIELDS.map((f) => [f.name, f] as const))('%s', async (_name, field) => {
    for (const { organizationId, engineer } of TENANTS) {
      const listed = await stack.query(
        `query($id: ID!) { organization(id: $id) { cases(first: 100) { edges { node { id ${selection(field)} } } } } }`,
        { id: organizationId },
        { email: engineer },
      );
      const nodes = listed.data?.organization.cases.edges.map((e: any) => e.node) ?? [];
      expect(nodes.length, `${organizationId} lists cases`).toBeGreaterThan(0);
      const one = await stack.query(
        `{ ${nodes.map((n: any, i: number) => `c${i}: case(id: "${n.id}") { id ${selection(field)} }`).join(' ')} }`,
        {},
        { email: engineer },
      );
      expect(nodes, `${field.name} of ${organizationId}'s cases`).toEqual(
        nodes.map((_: unknown, i: number) => one.data?.[`c${i}`]),
      );
      expect(listed.errors?.length ?? 0).toBe(one.errors?.length ?? 0);
    }
  });
});
