import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { computeResponse as libraryComputeResponse } from '@apollo/gateway/dist/resultShaping';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computeResponse } from '../../../gateway/result-shaping';

// The gateway's result shaping against @apollo/gateway's own, on the same operations and
// subgraph data: the same answer, byte for byte, and the same errors, including the odd cases
// (nulls in non-null positions, wrong leaf values, unknown __typename, @skip/@include).

const schema = buildSchema(`
  scalar DateTime
  enum Severity { A B C }
  interface Node { id: ID! }
  type Case implements Node { id: ID! title: String! severity: Severity opened: DateTime notes: [Note!] count: Int }
  type Note implements Node { id: ID! text: String }
  type Org implements Node { id: ID! name: String cases: [Case!]! }
  union Thing = Case | Note
  type Query { org(id: ID!): Org node(id: ID!): Node things: [Thing] orgs: [Org] }
`);

function both(query: string, input: Record<string, unknown>, variables?: Record<string, unknown>) {
  const operation = operationFromDocument(schema, parse(query), { validate: true });
  const args = { operation, variables, input, introspectionHandling: () => null };
  const shaped = (result: ReturnType<typeof computeResponse>) => ({
    data: JSON.stringify(result.data),
    errors: result.errors.map((e) => ({
      message: e.message,
      path: e.path,
      code: e.extensions.code,
    })),
  });
  return { ours: shaped(computeResponse(args)), library: shaped(libraryComputeResponse(args)) };
}

const orgQuery = `query ($skipNotes: Boolean!, $withCount: Boolean = true) {
  org(id: "o1") {
    __typename name label: name
    cases { id title severity opened count @include(if: $withCount) kind: __typename
      notes @skip(if: $skipNotes) { id text } }
  }
}`;

const org = (cases: unknown[]) => ({
  org: { __typename: 'Org', name: 'Contoso', label: 'Contoso', extra: 1, cases },
});
const aCase = (over: Record<string, unknown> = {}) => ({
  __typename: 'Case',
  id: 'c1',
  title: 'Mail down',
  severity: 'A',
  opened: '2026-11-28T10:00:00Z',
  count: 3,
  kind: 'Case',
  notes: [{ __typename: 'Note', id: 'n1', text: 'hi' }],
  ...over,
});

describe('computeResponse', () => {
  const cases: [string, string, Record<string, unknown>, Record<string, unknown>?][] = [
    [
      'well-formed data, aliases and extra fields',
      orgQuery,
      org([aCase(), aCase({ id: 'c2' })]),
      { skipNotes: false },
    ],
    [
      '@skip and @include from variables and defaults',
      orgQuery,
      org([aCase()]),
      { skipNotes: true, withCount: false },
    ],
    [
      'a null in a non-null field bubbles up to the nullable list',
      orgQuery,
      org([aCase({ title: null })]),
      { skipNotes: false },
    ],
    [
      'a null element of a list of non-null values',
      orgQuery,
      org([aCase({ notes: [null] })]),
      { skipNotes: false },
    ],
    [
      'a leaf value of the wrong kind',
      orgQuery,
      org([aCase({ count: 'many', severity: 'Z' })]),
      { skipNotes: false },
    ],
    ['an unknown __typename', orgQuery, org([aCase({ __typename: 'Nope' })]), { skipNotes: false }],
    ['a null root', orgQuery, { org: null }, { skipNotes: false }],
    [
      'fragments on a union and an interface',
      `{ things { __typename ... on Case { id title } ... on Note { text } ... on Node { id } }
         node(id: "n1") { id ... on Note { text } } }`,
      {
        things: [aCase(), { __typename: 'Note', id: 'n1', text: 't' }, null],
        node: { __typename: 'Note', id: 'n1', text: 't' },
      },
    ],
    [
      'a list of nullable objects with missing fields',
      '{ orgs { name cases { id } } }',
      { orgs: [{ name: 'x', cases: [] }, null, { cases: [{ id: 'c' }] }] },
    ],
  ];
  it.each(cases)(
    '%s: same answer and errors as @apollo/gateway',
    (_name, query, input, variables) => {
      const { ours, library } = both(query, input, variables);
      expect(ours).toEqual(library);
    },
  );

  it('answers the well-formed data as asked, without the extra fields', () => {
    const { ours } = both(orgQuery, org([aCase()]), { skipNotes: true });
    expect(JSON.parse(ours.data)).toEqual({
      org: {
        __typename: 'Org',
        name: 'Contoso',
        label: 'Contoso',
        cases: [
          {
            id: 'c1',
            title: 'Mail down',
            severity: 'A',
            opened: '2026-11-28T10:00:00Z',
            count: 3,
            kind: 'Case',
          },
        ],
      },
    });
  });
});
