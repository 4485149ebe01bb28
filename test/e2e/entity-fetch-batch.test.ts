import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EntityFetch, entityFetchBatcher } from '../../gateway/entity-fetch-batch';
import type { SubgraphName } from '../../lib/config/subgraph-config';
import { createViewerTokenCodec, VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import { ALICE, ALICE_VIEWER, MEI } from '../support/demo-users';
import { type Stack, startStack } from '../support/stack';

// Entity fetches of one client request to one subgraph, leaving in the same tick or ending sibling
// branches of the query plan, go out as one operation. The batching lives in the gateway alone, so one database (SQLite) is enough here.

const entities = (name: string, selection: string, extra = ''): string =>
  `query ${name}($representations:[_Any!]!${extra}){_entities(representations:$representations){${selection}}}`;

const fetchOf = (
  query: string,
  representations: Record<string, unknown>[],
  variables: Record<string, unknown> = {},
): EntityFetch => ({
  query,
  operationName: /^query (\w+)/.exec(query)?.[1],
  variables: { representations, ...variables },
});

/** Locations point into the operation sent, which batching changes: the gateway drops them. */
const answerOf = ({ data, errors }: GatewayGraphQLResponse) => ({
  data,
  errors: errors?.map(({ locations: _, ...error }) => error),
});

/** The two stacks seed the same demo data but draw their own note ids. */
const sameSeed = (answer: unknown) =>
  JSON.parse(JSON.stringify(answer).replace(/"note-[0-9a-f-]{36}"/g, '"note-*"'));

/** Fetches accounts' counts of gateway fetches per subgraph, from the gateway's metrics. */
async function fetchCounts(stack: Stack): Promise<Record<string, number>> {
  const text = await (await fetch(stack.gatewayMetricsUrl)).text();
  const counts: Record<string, number> = {};
  for (const [, name, count] of text.matchAll(
    /^subgraph_fetch_duration_seconds_count\{subgraph="(\w+)"\} (\d+)$/gm,
  )) {
    counts[name] = Number(count);
  }
  return counts;
}

/** What `run` answered on `stack`, and how many fetches each subgraph got for it. */
async function fetchesOf(stack: Stack, run: (stack: Stack) => Promise<any>) {
  const before = await fetchCounts(stack);
  const answer = await run(stack);
  const after = await fetchCounts(stack);
  const fetches = Object.fromEntries(
    Object.entries(after).map(([name, count]) => [name, count - (before[name] ?? 0)]),
  );
  return { answer, fetches };
}

describe('entity fetches batched per client request', () => {
  let batched: Stack;
  let alone: Stack;
  beforeAll(async () => {
    const seedNow = new Date();
    [batched, alone] = await Promise.all([
      startStack('sqlite', { seedNow }),
      startStack('sqlite', { seedNow, gatewayEnv: { SUBGRAPH_FETCH_BATCHING: 'false' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([batched?.stop(), alone?.stop()]);
  });
  /** The same request on the stack that batches, then on the one that does not. */
  const bothWays = async (run: (stack: Stack) => Promise<any>) => {
    const withBatching = await fetchesOf(batched, run);
    const without = await fetchesOf(alone, run);
    return { answer: withBatching.answer, single: without.answer, withBatching, without };
  };

  it('asks accounts once for the note authors and the organization of a case', async () => {
    const { answer, single, withBatching, without } = await bothWays((stack) =>
      stack.contract('CaseDetail', { id: 'case-contoso-1' }, ALICE),
    );
    expect(without.fetches.accounts).toBe(2);
    expect(withBatching.fetches.accounts).toBe(1);
    expect(sameSeed(answer)).toEqual(sameSeed(single));
    expect((answer as { errors?: unknown }).errors).toBeUndefined();
  });

  it('asks accounts once for the partners and the case openers, at the end of both branches', async () => {
    // Tailspin buys through Litware and has cases: SupportPicture's billing branch ends with two
    // partner fetches, its cases branch with one for the openers; they meet and go as one.
    const { answer, single, withBatching, without } = await bothWays((stack) =>
      stack.contract('SupportPicture', { organizationId: 'org-tailspin' }, MEI),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organization.supportEntitlement.partner?.name).toBeTruthy();
    expect(answer.data.organization.cases.edges[0].node.openedBy.email).toBeTruthy();
    expect(without.fetches.accounts).toBe(4);
    expect(withBatching.fetches.accounts).toBe(2);
    expect(sameSeed(answer)).toEqual(sameSeed(single));
  });

  /** SupportPicture of Tailspin where the cases branch leaves no opener to ask accounts for. */
  async function pictureWithoutOpeners(variables: Record<string, unknown>) {
    const { answer, single, withBatching, without } = await bothWays((stack) =>
      stack.contract('SupportPicture', { organizationId: 'org-tailspin', ...variables }, MEI),
    );
    expect(answer).toEqual(single);
    expect(answer.data.organization.supportEntitlement.partner?.name).toBeTruthy();
    expect(without.fetches.accounts).toBe(3);
    expect(withBatching.fetches.accounts).toBe(2);
    return answer;
  }

  it('sends the partner fetches once cases answers a page with no case', async () => {
    const { data } = await batched.contract(
      'SupportPicture',
      { organizationId: 'org-tailspin', first: 100 },
      MEI,
    );
    const answer = await pictureWithoutOpeners({
      after: data?.organization.cases.pageInfo.endCursor,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organization.cases.edges).toEqual([]);
  });

  it('sends the partner fetches once cases answers with an error', async () => {
    const answer = await pictureWithoutOpeners({ first: 0 });
    expect(answer.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  describe('against a subgraph directly', () => {
    let sender: (subgraph: SubgraphName) => (body: string) => Promise<GatewayGraphQLResponse>;
    let sent: number;
    beforeAll(async () => {
      const token = await createViewerTokenCodec(batched.internalSecret).sign(ALICE_VIEWER);
      sender = (subgraph) => async (body) => {
        sent += 1;
        const response = await fetch(batched.subgraphs[subgraph].url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [VIEWER_HEADER]: token },
          body,
        });
        return (await response.json()) as GatewayGraphQLResponse;
      };
    });

    /** Each fetch's answer when batched must be the answer it gets alone, in one HTTP request. */
    async function expectSameAnswers(
      fetches: EntityFetch[],
      subgraph: SubgraphName = 'accounts',
      requests = 1,
    ) {
      const send = sender(subgraph);
      sent = 0;
      const alone = await Promise.all(fetches.map((f) => send(JSON.stringify(f))));
      sent = 0;
      const batch = entityFetchBatcher();
      const together = await Promise.all(fetches.map((f) => batch('alice', f, send)));
      expect(sent).toBe(requests);
      expect(together.map(answerOf)).toEqual(alone.map(answerOf));
      return together.map(answerOf);
    }

    it('cuts the answer back per fetch, the same entity asked twice included', async () => {
      const partner = entities('A__accounts__1', '...on Partner{name}');
      const [first, second] = await expectSameAnswers([
        fetchOf(partner, [{ __typename: 'Partner', id: 'partner-litware' }]),
        fetchOf(entities('A__accounts__2', '...on Partner{name}'), [
          { __typename: 'Partner', id: 'partner-litware' },
        ]),
      ]);
      expect(first.data).toEqual({ _entities: [{ name: expect.any(String) }] });
      expect(second.data).toEqual(first.data);
    });

    it("gives each fetch only its own entities' errors, at its own paths", async () => {
      const [users, organizations] = await expectSameAnswers([
        fetchOf(entities('B__accounts__1', '...on User{email}'), [
          { __typename: 'User', id: 'user-bob' },
          { __typename: 'User', id: 'user-dan' },
        ]),
        fetchOf(entities('B__accounts__2', '...on Organization{name cloud}'), [
          { __typename: 'Organization', id: 'org-fabrikam' },
          { __typename: 'Organization', id: 'org-contoso' },
        ]),
      ]);
      // Alice (Contoso) may not see Fabrikam's profile: that error is the organizations' alone.
      expect(organizations.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
        [['_entities', 0], 'FORBIDDEN'],
      ]);
      expect(organizations.data?._entities[1]).toEqual({ name: 'Contoso', cloud: 'GLOBAL' });
      expect(users.errors).toBeUndefined();
      expect(users.data?._entities).toHaveLength(2);
    });

    it('sends alone what it cannot merge, and each still gets its own answer', async () => {
      const [broken, fine] = await expectSameAnswers(
        [
          fetchOf('query D__accounts__1($representations:[_Any!]!){_entities(', [
            { __typename: 'User', id: 'user-bob' },
          ]),
          fetchOf(entities('D__accounts__2', '...on User{email}'), [
            { __typename: 'User', id: 'user-bob' },
          ]),
        ],
        'accounts',
        2,
      );
      expect(broken.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(fine.data).toEqual({ _entities: [{ email: 'bob@contoso.example' }] });
    });

    it('keeps the variables each fetch shares with the client operation', async () => {
      const organization = [{ __typename: 'Organization', id: 'org-contoso', cloud: 'GLOBAL' }];
      const [counted, listed] = await expectSameAnswers(
        [
          fetchOf(
            entities(
              'C__cases__1',
              '...on Organization{cases(first:$first){totalCount}}',
              '$first:Int=20',
            ),
            organization,
            { first: 2 },
          ),
          fetchOf(
            entities(
              'C__cases__2',
              '...on Organization{cases(first:$first){edges{node{id}}}}',
              '$first:Int=20',
            ),
            organization,
            { first: 2 },
          ),
        ],
        'cases',
      );
      expect(counted.data?._entities[0].cases.totalCount).toBeGreaterThan(2);
      expect(listed.data?._entities[0].cases.edges).toHaveLength(2);
    });
  });
});
