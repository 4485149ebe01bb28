import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewerTokenCodec, VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import { openCase } from '../support/cases';
import { AGENT, ALICE, ALICE_VIEWER, BOB, MEI } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { currentCursor, eventually, subscribeCaseEvents, until } from '../support/live';
import { contractDocument } from '../support/operations';
import { type OwnRedis, startOwnRedis } from '../support/own-redis';
import { type RunningProcess, spawnAccounts, spawnGateway } from '../support/processes';
import { projectOperation } from '../support/project-operations';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis';
import { firstCode, type GraphQLResponse, type Stack, startStack } from '../support/stack';

// Revocation at once across gateway replicas, with real processes on PostgreSQL and Redis: one
// accounts process and two gateways, each with its 15 s viewer cache. A change committed in
// accounts, whichever replica relayed it (or none), reaches the other replica before the
// affected person's next request and before the next event of its live stream.

const TAILSPIN = projectOperation('TailspinName');
const CONTOSO_CASES = projectOperation('ContosoCaseCount');
const DELEGATIONS = projectOperation('TailspinDelegations');
const TERMINATE = projectOperation('TerminateDelegation');
const ROLE = (verb: 'assign' | 'remove') =>
  projectOperation(verb === 'assign' ? 'AssignHelpdeskAdminToBob' : 'RemoveHelpdeskAdminFromBob');

const hasPostgres = testDialects().includes('postgresql');

interface Replicas {
  accounts: RunningProcess;
  gateways: RunningProcess[];
  stop(): Promise<void>;
}

/** One accounts process and `count` gateways on the stack's databases, all on one Redis. */
async function startReplicas(
  stack: Stack,
  redisUrl: string,
  count: number,
  gatewayEnv: Record<string, string> = {},
): Promise<Replicas> {
  const prefix = uniqueRedisPrefix();
  const redis = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
  const accounts = await spawnAccounts(stack, redis);
  const gateways = await Promise.all(
    Array.from({ length: count }, () =>
      spawnGateway(stack, {
        ...redis,
        ACCOUNTS_URL: accounts.url,
        RATE_LIMIT_KEY_PREFIX: `${prefix}rate`,
        ...gatewayEnv,
      }),
    ),
  );
  return {
    accounts,
    gateways,
    async stop() {
      await Promise.all(gateways.map((g) => g.stop()));
      await accounts.stop();
    },
  };
}

/** A change that bypasses every gateway: an internal client of accounts, acting as alice. */
async function asAliceAtAccounts(stack: Stack, accounts: RunningProcess, document: string) {
  const alice = await createViewerTokenCodec(stack.internalSecret).sign(ALICE_VIEWER);
  const response = await fetch(accounts.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [VIEWER_HEADER]: alice },
    body: JSON.stringify({ query: document }),
  });
  return (await response.json()) as GraphQLResponse;
}

describe.runIf(hasPostgres)('revocation across gateway replicas (PostgreSQL, Redis)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('postgresql');
  });
  afterAll(() => stack?.stop());

  async function query(
    gateway: RunningProcess,
    email: string,
    document: string,
    variables: Record<string, unknown> = {},
    operationName?: string,
  ): Promise<GraphQLResponse> {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await stack.token(email)}`,
      },
      body: JSON.stringify({ query: document, variables, operationName }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  describe('on the shared Redis, two gateways', () => {
    let replicas: Replicas;
    let gateways: RunningProcess[];
    beforeAll(async () => {
      replicas = await startReplicas(stack, TEST_REDIS_URL, 2);
      gateways = replicas.gateways;
    });
    afterAll(() => replicas?.stop());

    it('refuses the partner agent on the other replica at once when the customer terminates', async () => {
      const [one, two] = gateways;
      const kase = await openCase(stack, AGENT, 'org-tailspin');
      // Cached on replica 2 from now on (15 s), and live there.
      expect((await query(two, AGENT, TAILSPIN)).data?.organization.name).toBe('Tailspin');
      const live = subscribeCaseEvents(
        { gatewayUrl: two.url },
        'graphql-ws',
        await stack.token(AGENT),
        {
          after: await currentCursor(stack),
        },
      );
      const addNote = async () => {
        const note = await query(
          one,
          MEI,
          contractDocument('AddCaseNote'),
          { caseId: kase.id, body: 'Still failing.' },
          'AddCaseNote',
        );
        expect(note.errors).toBeUndefined();
      };
      await addNote();
      await until(() => live.events.length === 1, 15_000);

      const listed = await query(one, MEI, DELEGATIONS);
      const active = listed.data?.organization.delegations.find(
        (d: { status: string }) => d.status === 'ACTIVE',
      );
      const ended = await query(one, MEI, TERMINATE, { id: active.id });
      expect(ended.data?.terminateDelegation.status).toBe('TERMINATED');

      expect(firstCode(await query(two, AGENT, TAILSPIN))).toBe('FORBIDDEN');
      await addNote();
      await until(() => live.errors.length > 0, 15_000);
      expect(live.events).toHaveLength(1);
      expect(live.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
      live.stop();
    }, 60_000);

    it('applies role changes made through either replica, or straight at accounts, on the next request', async () => {
      const [one, two] = gateways;
      expect(firstCode(await query(one, BOB, CONTOSO_CASES))).toBe('FORBIDDEN');

      const assigned = await asAliceAtAccounts(stack, replicas.accounts, ROLE('assign'));
      expect(assigned.errors).toBeUndefined();
      const bobs = await query(one, BOB, CONTOSO_CASES);
      expect(bobs.data?.organization.cases.totalCount).toBeGreaterThan(0);

      const removed = await query(two, ALICE, ROLE('remove'));
      expect(removed.data?.removeAdminRole.adminRoles).toEqual([]);
      expect(firstCode(await query(one, BOB, CONTOSO_CASES))).toBe('FORBIDDEN');
    }, 60_000);
  });

  describe('on a Redis that restarts', () => {
    let redis: OwnRedis;
    let replicas: Replicas;
    beforeAll(async () => {
      redis = await startOwnRedis();
      // The longest cache there is (60 s): what arrives sooner was not the TTL.
      replicas = await startReplicas(stack, redis.url, 1, { VIEWER_CACHE_TTL_MS: '60000' });
    });
    afterAll(async () => {
      await replicas?.stop();
      await redis?.stop();
    });

    it('forgets every cached viewer once Redis is back, since notices may have been lost', async () => {
      const [gateway] = replicas.gateways;
      expect(firstCode(await query(gateway, BOB, CONTOSO_CASES))).toBe('FORBIDDEN');
      await redis.kill();
      const assigned = await asAliceAtAccounts(stack, replicas.accounts, ROLE('assign'));
      expect(assigned.errors).toBeUndefined();
      await redis.start();
      await eventually(async () => {
        const bobs = await query(gateway, BOB, CONTOSO_CASES);
        return bobs.data?.organization?.cases?.totalCount > 0;
      }, 15_000);
      await asAliceAtAccounts(stack, replicas.accounts, ROLE('remove'));
    }, 60_000);
  });
});
