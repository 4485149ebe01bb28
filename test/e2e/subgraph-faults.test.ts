import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../support/demo-users';
import { type Stack, startStack } from '../support/stack';

const TIMEOUT_MS = 500;
const picture = (s: Stack) =>
  s.contract('SupportPicture', { organizationId: 'org-contoso' }, ALICE);
const ready = async (s: Stack) => (await fetch(new URL('/ready', s.gatewayUrl))).status;

describe('a subgraph that is down or slow', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite', { gatewayEnv: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } });
    expect((await picture(stack)).errors).toBeUndefined(); // caches the viewer
  });
  afterAll(() => stack?.stop());

  it.each([
    ['down', false],
    ['slow', true],
  ])(
    'when %s, costs only its fields, turns /ready false, and recovers without restart',
    async (_, hang) => {
      await stack.stopSubgraph('billing', { hang });
      const started = Date.now();
      const partial = await picture(stack);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
      expect(partial.status).toBe(200);
      expect(partial.errors?.map((e) => e.extensions)).toContainEqual({
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: 'billing',
      });
      expect(partial.data?.organization).toMatchObject({ id: 'org-contoso', name: 'Contoso' });
      expect(partial.data?.organization.subscriptions).toBeNull();
      expect(partial.data?.organization.cases.edges.length).toBeGreaterThan(0);
      expect(await ready(stack)).toBe(503);

      await stack.restartSubgraph('billing');
      const whole = await picture(stack);
      expect(whole.errors).toBeUndefined();
      expect(whole.data?.organization.subscriptions.length).toBeGreaterThan(0);
      expect(await ready(stack)).toBe(200);
    },
  );
});
