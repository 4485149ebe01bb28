import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaOf, validateDocuments } from '../../lib/federation/contract-validation';
import { buildBillingSchema } from '../../subgraphs/billing/schema';
import { projectDocument } from '../support/project-operations';

const supergraph = readFileSync(
  join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
  'utf8',
);

describe('the billing subgraph schema', () => {
  it("takes the organization's cloud from accounts for every field the policy guards", async () => {
    const { sdl } = await buildBillingSchema();
    expect(sdl).toMatch(/cloud: Cloud! @external/);
    for (const field of ['subscriptions', 'supportEntitlement', 'invoices', 'billingAuditLog']) {
      expect(supergraph, field).toMatch(
        new RegExp(
          `\\n  ${field}(\\([^)]*\\))?: [^\\n]*@join__field\\(graph: BILLING, requires: "cloud"\\)`,
        ),
      );
    }
  });

  it('keeps money as integer minor units with a currency', () => {
    const money = apiSchemaOf(supergraph).getType('Money') as GraphQLObjectType;
    expect(String(money.getFields().amount!.type)).toBe('Int!');
    expect(String(money.getFields().currency!.type)).toBe('String!');
  });

  it("accepts the project's own billing operations", () => {
    const source = projectDocument('InvoiceDetails');
    expect(
      validateDocuments(apiSchemaOf(supergraph), [{ name: 'billing.graphql', source }]),
    ).toEqual([]);
  });
});
