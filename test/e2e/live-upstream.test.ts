import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../support/cases';
import { ALICE } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import {
  currentCursor,
  eventually,
  gatewayMetric,
  type Subscription,
  subscribeCaseEvents,
  type Transport,
  until,
  untilLive,
} from '../support/live';
import { type Stack, startStack } from '../support/stack';

// The gateway's side of live updates towards the cases subgraph: a bounded number of graphql-ws
// connections whatever the number of clients, identical live subscriptions sharing one upstream
// subscription and one execution per event, and a dropped connection.

const CASES = 'subgraph="cases"';

describe.each(testDialects())('live updates upstream of the gateway (%s)', (dialect) => {
  let stack: Stack;
  const open: Subscription[] = [];
  const subscribe = async (
    transport: Transport,
    variables: { organizationId?: string; after?: string } = {},
  ) => {
    const s = subscribeCaseEvents(stack, transport, await stack.token(ALICE), variables);
    open.push(s);
    return s;
  };
  const metric = (name: string, labels = '') => gatewayMetric(stack, name, labels);
  const stopAll = async (subs: Subscription[]) => {
    for (const s of subs) s.stop();
    await eventually(async () => (await metric('live_upstream_subscriptions', CASES)) === 0);
  };

  beforeAll(async () => {
    stack = await startStack(dialect, { gatewayEnv: { LIVE_UPSTREAM_CONNECTIONS: '2' } });
  });
  afterAll(async () => {
    for (const s of open) s.stop();
    await stack?.stop();
  });

  it('multiplexes client subscriptions over at most LIVE_UPSTREAM_CONNECTIONS connections', async () => {
    const after = await currentCursor(stack);
    const subs: Subscription[] = [];
    for (let i = 0; i < 8; i++) {
      subs.push(await subscribe(i % 2 ? 'graphql-sse' : 'graphql-ws', { after }));
    }
    const kase = await openCase(stack, ALICE, 'org-contoso');
    await until(() => subs.every((s) => s.events.length >= 1));
    for (const s of subs) {
      expect(s.errors).toEqual([]);
      expect(s.events.map((e) => e.case.id)).toEqual([kase.id]);
    }
    // Each has a cursor, so each replays on its own upstream subscription...
    expect(await metric('live_upstream_subscriptions', CASES)).toBe(8);
    // ...and they share the bounded connections.
    const connections = await metric('live_upstream_connections', CASES);
    expect(connections).toBeGreaterThanOrEqual(1);
    expect(connections).toBeLessThanOrEqual(2);
    expect(await metric('live_websocket_connections')).toBe(4);
    expect(await metric('live_subscriptions_active')).toBe(8);
    await stopAll(subs);
    await eventually(async () => (await metric('live_websocket_connections')) === 0);
    expect(await metric('live_subscriptions_active')).toBe(0);
  });

  it('shares one upstream subscription among identical live subscriptions, one execution per event with replaying ones too', async () => {
    const live = [
      await subscribe('graphql-ws', { organizationId: 'org-contoso' }),
      await subscribe('graphql-ws', { organizationId: 'org-contoso' }),
      await subscribe('graphql-sse', { organizationId: 'org-contoso' }),
    ];
    const replaying = await subscribe('graphql-ws', {
      organizationId: 'org-contoso',
      after: await currentCursor(stack),
    });
    await eventually(async () => (await metric('live_subscriptions_active')) === 4);
    expect(await metric('live_upstream_subscriptions', CASES)).toBe(2);
    await untilLive([...live, replaying], () => openCase(stack, ALICE, 'org-contoso'));

    const executions = await metric('live_event_executions_total');
    const delivered = await metric('live_events_delivered_total');
    const counts = [...live, replaying].map((s) => s.events.length);
    const kase = await openCase(stack, ALICE, 'org-contoso');
    await until(() => [...live, replaying].every((s, i) => s.events.length > counts[i]!));
    for (const s of [...live, replaying]) {
      expect(s.errors).toEqual([]);
      expect(s.events.at(-1)!.case.id).toBe(kase.id);
    }
    // The replaying subscription has its own upstream, but once live it resolves the same event
    // as the shared one for the same viewer and document: one execution serves both.
    expect((await metric('live_event_executions_total')) - executions).toBe(1);
    expect((await metric('live_events_delivered_total')) - delivered).toBe(4);
    await stopAll([...live, replaying]);
  });

  it('fails subscriptions whose connection drops, and reconnects for new ones', async () => {
    const dropped = await subscribe('graphql-ws', { after: await currentCursor(stack) });
    await eventually(async () => (await metric('live_upstream_connections', CASES)) >= 1);
    await stack.restartSubgraph('cases');
    await until(() => dropped.errors.length > 0);
    expect(dropped.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/resume with your last cursor/),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      }),
    ]);

    const resumed = await subscribe('graphql-ws', { after: await currentCursor(stack) });
    const kase = await openCase(stack, ALICE, 'org-contoso');
    await until(() => resumed.events.length >= 1);
    expect(resumed.errors).toEqual([]);
    expect(resumed.events.map((e) => e.case.id)).toEqual([kase.id]);
  });
});
