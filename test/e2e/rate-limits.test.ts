import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, CN_ENGINEER as ENGINEER } from '../support/demo-users';
import { type OwnRedis, startOwnRedis } from '../support/own-redis';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function post(stack: Stack, query: string, token?: string) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return { response, body: (await response.json()) as Record<string, any> };
}

describe('rate limits at the gateway', () => {
  describe('in memory', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack('sqlite', {
        gatewayEnv: {
          RATE_LIMIT_PER_IP: '12',
          RATE_LIMIT_PER_VIEWER: '4',
          RATE_LIMIT_PIN_PER_VIEWER: '2',
        },
      });
    });
    afterAll(() => stack?.stop());

    it('answers RATE_LIMITED with Retry-After once a viewer spends its budget', async () => {
      const token = await stack.token(ALICE);
      for (let i = 0; i < 4; i++) {
        const { response } = await post(stack, projectOperation('ViewerId'), token);
        expect(response.status).toBe(200);
      }
      const { response, body } = await post(stack, projectOperation('ViewerId'), token);
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(body.errors[0].extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfter: Number(response.headers.get('retry-after')),
      });
    });

    it('counts every PIN guess in an operation against a tighter budget', async () => {
      const token = await stack.token(ENGINEER);
      const guesses = ['000001', '000002', '000003']
        .map(
          (code, i) =>
            `g${i}: confirmPhoneVerification(challengeId: "x", code: "${code}") { verified }`,
        )
        .join(' ');
      const { response, body } = await post(stack, `mutation { ${guesses} }`, token);
      expect(response.status).toBe(429);
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    });

    it('limits a client IP before parsing anything', async () => {
      let last: Response | undefined;
      for (let i = 0; i < 12 && last?.status !== 429; i++)
        last = (await post(stack, projectOperation('Typename'))).response;
      expect(last?.status).toBe(429);
      expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('in Redis, shared between gateways', () => {
    const prefix = `test-rate-${randomBytes(4).toString('hex')}`;
    let stack: Stack;
    let redis: Redis;
    beforeAll(async () => {
      redis = new Redis(REDIS_URL);
      stack = await startStack('sqlite', {
        gatewayEnv: { REDIS_URL, RATE_LIMIT_KEY_PREFIX: prefix, RATE_LIMIT_PER_VIEWER: '3' },
      });
    });
    afterAll(async () => {
      await stack?.stop();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });

    it('keeps the counters in Redis', async () => {
      const token = await stack.token(ALICE);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await post(stack, projectOperation('ViewerId'), token)).response.status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await redis.keys(`${prefix}:viewer*`)).toHaveLength(1);
    });
  });

  describe('when Redis goes away and comes back', () => {
    let stack: Stack;
    let redis: OwnRedis;
    beforeAll(async () => {
      redis = await startOwnRedis();
      stack = await startStack('sqlite', {
        gatewayEnv: { REDIS_URL: redis.url, RATE_LIMIT_PER_VIEWER: '3' },
      });
    });
    afterAll(async () => {
      await stack?.stop();
      await redis?.stop();
    });

    const statuses = async (token: string, count: number) => {
      const seen: number[] = [];
      for (let i = 0; i < count; i++)
        seen.push((await post(stack, projectOperation('ViewerId'), token)).response.status);
      return seen;
    };

    it('keeps serving and limiting from memory while Redis is down, then counts in Redis again without a restart', async () => {
      expect(await statuses(await stack.token(ALICE), 1)).toEqual([200]);
      expect(await redis.client().keys('gateway-rate:viewer:*')).toHaveLength(1);

      await redis.kill();
      // Served, and still limited: the memory fallback, not failing open.
      expect(await statuses(await stack.token(BOB), 4)).toEqual([200, 200, 200, 429]);

      await redis.start(); // empty: the fresh server knows nothing of the counts so far
      const carol = await stack.token(CAROL);
      const deadline = Date.now() + 15_000;
      let carolKeys: string[] = [];
      while (carolKeys.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        await post(stack, projectOperation('Typename'), carol);
        carolKeys = await redis.client().keys('gateway-rate:viewer:*');
      }
      expect(carolKeys).toHaveLength(1);
      const spent = Number(await redis.client().get(carolKeys[0]));
      expect(spent).toBeGreaterThanOrEqual(1);
      const more = await statuses(carol, 4 - spent);
      expect(more.at(-1)).toBe(429);
      expect(Number(await redis.client().get(carolKeys[0]))).toBeGreaterThan(3);
    }, 30_000);
  });
});
