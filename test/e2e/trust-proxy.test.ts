import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// The test client reaches the gateway from 127.0.0.1, which plays the load balancer here.
const PER_IP = 3;

async function statusesFrom(stack: Stack, forwardedFor: () => string, count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await stack.query(
      projectOperation('Typename'),
      {},
      {
        headers: { 'x-forwarded-for': forwardedFor() },
      },
    );
    statuses.push(response.status);
  }
  return statuses;
}

describe('per-IP rate limit behind a proxy (TRUST_PROXY)', () => {
  describe('off (the default)', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack('sqlite', { gatewayEnv: { RATE_LIMIT_PER_IP: String(PER_IP) } });
    });
    afterAll(() => stack?.stop());

    it('ignores X-Forwarded-For, so forging a new address per request does not reset the budget', async () => {
      let n = 0;
      const statuses = await statusesFrom(stack, () => `198.51.100.${++n}`, PER_IP + 1);
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });

  describe('one trusted hop', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack('sqlite', {
        gatewayEnv: { RATE_LIMIT_PER_IP: String(PER_IP), TRUST_PROXY: '1' },
      });
    });
    afterAll(() => stack?.stop());

    it('charges the client named by the proxy, so one client flooding does not block another', async () => {
      const flood = await statusesFrom(stack, () => '203.0.113.7', PER_IP + 1);
      expect(flood).toEqual([200, 200, 200, 429]);
      expect(await statusesFrom(stack, () => '203.0.113.8', 1)).toEqual([200]);
    });

    it('takes only the hop the proxy appended, not addresses the client put before it', async () => {
      const forged = await statusesFrom(
        stack,
        () => `10.9.9.${(Math.random() * 250) | 0}, 203.0.113.9`,
        PER_IP + 1,
      );
      expect(forged).toEqual([200, 200, 200, 429]);
    });
  });
});
