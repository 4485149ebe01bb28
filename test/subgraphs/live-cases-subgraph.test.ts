import {
  type Client,
  createClient,
  type ExecutionResult,
  type Sink,
  type SubscribePayload,
} from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AdminRole } from '../../lib/domain/enums';
import { ANONYMOUS, GATEWAY_SERVICE, type Viewer } from '../../lib/viewer/viewer';
import { createViewerTokenCodec, VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import { openCase } from '../support/cases';
import { ALICE_VIEWER as ALICE } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { currentCursor } from '../support/live';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// Subscription.caseEvents on the cases subgraph itself, over graphql-ws, the way the gateway
// talks to it: a connection as the gateway's service identity, and each subscription with its
// user's signed viewer context in its extensions.

const future = new Date(Date.now() + 3_600_000).toISOString();
const past = new Date(Date.now() - 3_600_000).toISOString();
const LITWARE_AGENT: Viewer = {
  ...ANONYMOUS,
  kind: 'user',
  userId: 'user-litware-agent',
  email: 'agent@litware.example',
  partnerId: 'partner-litware',
  delegations: [
    { organizationId: 'org-tailspin', roles: [AdminRole.SERVICE_SUPPORT_ADMIN], expiresAt: future },
    { organizationId: 'org-adatum', roles: [AdminRole.SERVICE_SUPPORT_ADMIN], expiresAt: past },
  ],
};

const SUBSCRIPTION = projectOperation('SubgraphCaseEvents');

interface Received {
  cursor: string;
  kind: string;
  case: { id: string; number: string; organization: { id: string } };
}

/** A connection to the subgraph whose subscriptions carry `viewer`'s signed context, if any. */
interface Connection {
  subscribe(
    payload: SubscribePayload,
    sink: Sink<ExecutionResult<{ caseEvents: Received }>>,
  ): () => void;
}

function collect(client: Connection, variables: Record<string, unknown> = {}) {
  const events: Received[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe(
    { query: SUBSCRIPTION, variables },
    {
      next: (r) => {
        if (r.errors) errors.push(...r.errors);
        if (r.data) events.push(r.data.caseEvents);
      },
      error: (e) => errors.push(e),
      complete: () => {},
    },
  );
  return { events, errors, stop };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDialects())('caseEvents on the cases subgraph (%s)', (dialect) => {
  let stack: Stack;
  const clients: Client[] = [];
  let connect: (
    viewer: Viewer | null,
    options?: { connectAs?: Viewer; viewerToken?: string },
  ) => Connection;

  beforeAll(async () => {
    stack = await startStack(dialect);
    const codec = createViewerTokenCodec(stack.internalSecret);
    const url = stack.subgraphs.cases.url.replace(/^http/, 'ws');
    connect = (viewer, options = {}) => {
      const identity = options.connectAs ?? GATEWAY_SERVICE;
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        connectionParams: async () => ({ [VIEWER_HEADER]: await codec.sign(identity) }),
      });
      clients.push(client);
      const token = async () => options.viewerToken ?? (viewer ? codec.sign(viewer) : null);
      return {
        subscribe(payload, sink) {
          let stop = () => {};
          let stopped = false;
          void token().then((t) => {
            if (stopped) return;
            const extensions = t ? { [VIEWER_HEADER]: t } : {};
            stop = client.subscribe({ ...payload, extensions }, sink);
          });
          return () => {
            stopped = true;
            stop();
          };
        },
      };
    };
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await stack?.stop();
  });

  it('delivers each tenant exactly its own events, live', async () => {
    const after = await currentCursor(stack);
    const alice = collect(connect(ALICE), { after });
    const agent = collect(connect(LITWARE_AGENT), { after });
    const contoso = await openCase(stack, 'alice@contoso.example', 'org-contoso');
    const tailspin = await openCase(stack, 'agent@litware.example', 'org-tailspin');
    const adatum = await openCase(stack, 'hana@adatum.example', 'org-adatum');
    await until(() => alice.events.length >= 1 && agent.events.length >= 1).catch(() => {
      throw new Error(JSON.stringify({ alice, agent }));
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(alice.errors).toEqual([]);
    expect(agent.errors).toEqual([]);
    expect(alice.events.map((e) => [e.kind, e.case.id])).toEqual([['OPENED', contoso.id]]);
    expect(agent.events.map((e) => [e.kind, e.case.id])).toEqual([['OPENED', tailspin.id]]);
    expect(JSON.stringify([alice.events, agent.events])).not.toContain(adatum.id);
    alice.stop();
    agent.stop();
  });

  it('resumes after a cursor: replays what was missed, then goes live, nothing doubled', async () => {
    const first = collect(connect(ALICE), {
      organizationId: 'org-contoso',
      after: await currentCursor(stack),
    });
    await openCase(stack, 'alice@contoso.example', 'org-contoso');
    await until(() => first.events.length === 1);
    first.stop();
    const cursor = first.events[0]!.cursor;
    const missed = [
      await openCase(stack, 'alice@contoso.example', 'org-contoso'),
      await openCase(stack, 'alice@contoso.example', 'org-contoso'),
    ];
    const resumed = collect(connect(ALICE), { organizationId: 'org-contoso', after: cursor });
    await until(() => resumed.events.length === 2);
    const live = await openCase(stack, 'alice@contoso.example', 'org-contoso');
    await until(() => resumed.events.length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.errors).toEqual([]);
    expect(resumed.events.map((e) => e.case.id)).toEqual([...missed.map((c) => c.id), live.id]);
    const cursors = resumed.events.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(3);
    resumed.stop();
  });

  it('refuses a connection that is not the gateway', async () => {
    const direct = collect(connect(ALICE, { connectAs: ALICE }));
    await until(() => direct.errors.length > 0);
    expect(direct.events).toEqual([]);
    expect(direct.errors).toEqual([expect.objectContaining({ code: 4403 })]);
  });

  it('refuses a subscription without a valid viewer context of its own', async () => {
    const missing = collect(connect(null));
    const forged = collect(connect(null, { viewerToken: 'not.a.signed-context' }));
    await until(() => missing.errors.length > 0 && forged.errors.length > 0);
    for (const refused of [missing, forged]) {
      expect(refused.events).toEqual([]);
      // graphql-ws' client fails a refused subscription with the list of its GraphQL errors.
      expect(refused.errors).toEqual([
        [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })],
      ]);
    }
  });

  it('refuses to subscribe to an organization the viewer may not see', async () => {
    const agent = collect(connect(LITWARE_AGENT), { organizationId: 'org-adatum' });
    await until(() => agent.errors.length > 0);
    expect(agent.events).toEqual([]);
  });
});
