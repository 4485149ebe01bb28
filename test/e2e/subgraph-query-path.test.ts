import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewerTokenCodec, VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import { ALICE_VIEWER } from '../support/demo-users';
import { type Stack, startStack } from '../support/stack';

// The query planner's queries run on graphql-js directly (lib/http/subgraph-query-path.ts); every
// other request goes through Apollo Server. A request with an `extensions` object always takes
// Apollo Server's path, so the same operation sent both ways must get the same answer: status,
// content type and body.

const ENTITIES = `query Q__accounts__1($representations:[_Any!]!){_entities(representations:$representations){...on Organization{name cloud}...on User{email}}}`;

describe('the subgraphs’ query path, against Apollo Server’s', () => {
  let stack: Stack;
  let viewerContext: string;
  beforeAll(async () => {
    stack = await startStack('sqlite', { logSink: (line) => lines.push(line) });
    viewerContext = await createViewerTokenCodec(stack.internalSecret).sign(ALICE_VIEWER);
  });
  afterAll(() => stack?.stop());
  const lines: Record<string, unknown>[] = [];

  const post = async (subgraph: 'accounts' | 'cases', body: Record<string, unknown>) => {
    const response = await fetch(stack.subgraphs[subgraph].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [VIEWER_HEADER]: viewerContext },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      json: (await response.json()) as { data?: any; errors?: any[] },
    };
  };
  /** The answer of the query path and of Apollo Server for one request. */
  const bothWays = async (subgraph: 'accounts' | 'cases', body: Record<string, unknown>) => {
    const direct = await post(subgraph, body);
    const apollo = await post(subgraph, { ...body, extensions: {} });
    expect(direct).toEqual(apollo);
    return direct;
  };

  it('answers an entity fetch alike, refusals included', async () => {
    const { status, json } = await bothWays('accounts', {
      query: ENTITIES,
      operationName: 'Q__accounts__1',
      variables: {
        representations: [
          { __typename: 'Organization', id: 'org-contoso' },
          { __typename: 'Organization', id: 'org-fabrikam' },
          { __typename: 'User', id: 'user-bob' },
        ],
      },
    });
    expect(status).toBe(200);
    expect(json.data._entities[0]).toEqual({ name: 'Contoso', cloud: 'GLOBAL' });
    expect(json.data._entities[2]).toEqual({ email: 'bob@contoso.example' });
    expect(json.errors?.map((e) => [e.path, e.extensions.code])).toEqual([
      [['_entities', 1], 'FORBIDDEN'],
    ]);
  });

  it('answers a root query with variables alike', async () => {
    const { json } = await bothWays('cases', {
      query:
        'query($first:Int){_entities(representations:[{__typename:"Organization",id:"org-contoso",cloud:"GLOBAL"}]){...on Organization{cases(first:$first){totalCount edges{node{id}}}}}}',
      variables: { first: 2 },
    });
    expect(json.data._entities[0].cases.edges).toHaveLength(2);
  });

  it.each([
    ['variables that do not coerce', { query: ENTITIES, variables: { representations: null } }],
    ['an unknown operation name', { query: ENTITIES, operationName: 'Other', variables: {} }],
    ['an invalid query', { query: '{ organization { nope } }' }],
    ['a query that does not parse', { query: '{ organization(' }],
  ])('refuses %s alike, with 400 and a code', async (_name, body) => {
    const { status, json } = await bothWays('accounts', body);
    expect(status).toBe(400);
    expect(json.errors?.[0].extensions.code).toEqual(expect.any(String));
  });

  it('writes the access-log line for a query it runs', async () => {
    lines.length = 0;
    await post('accounts', {
      query: ENTITIES,
      operationName: 'Q__accounts__1',
      variables: { representations: [{ __typename: 'User', id: 'user-bob' }] },
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'graphql request',
        operationName: 'Q__accounts__1',
        errors: 0,
      }),
    );
  });
});
