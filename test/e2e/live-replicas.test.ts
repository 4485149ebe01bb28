import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../support/billing';
import { caseInput } from '../support/cases';
import { testDialects } from '../support/dialects';
import { currentCursor, type Subscription, subscribeCaseEvents, until } from '../support/live';
import { contractDocument } from '../support/operations';
import { type OwnRedis, startOwnRedis } from '../support/own-redis';
import { type RunningProcess, spawnCases, spawnGateway } from '../support/processes';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis';
import { type Stack, startStack } from '../support/stack';

// Live updates across replicas, with real processes on PostgreSQL and Redis: two cases processes
// on one database, two gateway processes each in front of its own cases process. A case opened
// through gateway 1 is written by cases 1 and must reach a subscriber of gateway 2 (fed by cases
// 2) with its cross-subgraph fields resolved.

interface Cluster {
  gateways: [RunningProcess, RunningProcess];
  stop(): Promise<void>;
}

async function startCluster(stack: Stack, redisUrl: string): Promise<Cluster> {
  const live = {
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: uniqueRedisPrefix(),
    LIVE_POLL_INTERVAL_MS: '500',
  };
  const cases = await Promise.all([spawnCases(stack, live), spawnCases(stack, live)]);
  const gateways = (await Promise.all(
    cases.map((c) => spawnGateway(stack, { CASES_URL: c.url })),
  )) as [RunningProcess, RunningProcess];
  return {
    gateways,
    async stop() {
      await Promise.all(gateways.map((g) => g.stop()));
      await Promise.all(cases.map((c) => c.stop()));
    },
  };
}

async function openCaseThrough(stack: Stack, gateway: RunningProcess): Promise<string> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await stack.token(ALICE)}`,
    },
    body: JSON.stringify({
      query: contractDocument('OpenCase'),
      operationName: 'OpenCase',
      variables: { input: caseInput('org-contoso') },
    }),
  });
  const body = (await response.json()) as { data?: { openCase: { id: string } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.openCase.id;
}

// Several processes on one database need PostgreSQL. CI requires it (REQUIRE_POSTGRES=1), so
// this only stands aside on a laptop without it, like the PostgreSQL half of every other file.
const hasPostgres = testDialects().includes('postgresql');

describe.runIf(hasPostgres)('live updates across replicas (PostgreSQL, Redis)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('postgresql');
  });
  afterAll(() => stack?.stop());

  async function subscribeOn(gateway: RunningProcess): Promise<Subscription> {
    const after = await currentCursor(stack);
    return subscribeCaseEvents(
      { gatewayUrl: gateway.url },
      'graphql-ws',
      await stack.token(ALICE),
      {
        after,
      },
    );
  }

  describe('on the shared Redis', () => {
    let cluster: Cluster;
    beforeAll(async () => {
      cluster = await startCluster(stack, TEST_REDIS_URL);
    });
    afterAll(() => cluster?.stop());

    it('a case opened through gateway 1 reaches a subscriber of gateway 2', async () => {
      const live = await subscribeOn(cluster.gateways[1]);
      const caseId = await openCaseThrough(stack, cluster.gateways[0]);
      await until(() => live.events.some((e) => e.case.id === caseId), 15_000);
      const [event] = live.events.filter((e) => e.case.id === caseId);
      expect(event).toMatchObject({
        kind: 'OPENED',
        case: { organization: { id: 'org-contoso', name: 'Contoso' } },
      });
      expect(event!.case.organization.supportEntitlement?.planFamily).toBeTruthy();
      expect(live.errors).toEqual([]);
      live.stop();
    }, 30_000);
  });

  describe('on a Redis that restarts', () => {
    let redis: OwnRedis;
    let cluster: Cluster;
    beforeAll(async () => {
      redis = await startOwnRedis();
      cluster = await startCluster(stack, redis.url);
    });
    afterAll(async () => {
      await cluster?.stop();
      await redis?.stop();
    });

    it('commits while Redis is down, and the subscriber gets every event once, in order', async () => {
      const [one, two] = cluster.gateways;
      const live = await subscribeOn(two);
      const warm = await openCaseThrough(stack, one);
      await until(() => live.events.some((e) => e.case.id === warm), 15_000);

      await redis.kill();
      const whileDown = [await openCaseThrough(stack, one), await openCaseThrough(stack, one)];
      await redis.start();
      const afterRestart = await openCaseThrough(stack, one);

      const expected = [warm, ...whileDown, afterRestart];
      await until(() => expected.every((id) => live.events.some((e) => e.case.id === id)), 20_000);
      expect(live.events.map((e) => e.case.id)).toEqual(expected);
      const cursors = live.events.map((e) => e.cursor);
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(live.errors).toEqual([]);
      live.stop();
    }, 60_000);
  });
});
