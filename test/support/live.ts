import { createClient as createSseClient } from 'graphql-sse';
import { type Client, createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CaseEvent } from '../../subgraphs/cases/entities/case-event.entity';
import { encodeEventCursor } from '../../subgraphs/cases/live/case-event-cursor';
import { contractDocument } from './operations';
import type { Stack } from './stack';

// Live-update clients for tests: the real graphql-ws and graphql-sse clients against the gateway,
// running the contract's CaseEvents subscription and collecting what arrives.

export type Transport = 'graphql-ws' | 'graphql-sse';

export interface LiveEvent {
  cursor: string;
  kind: string;
  at: string;
  case: {
    id: string;
    number: string;
    status: string;
    severity: string;
    organization: { id: string; name: string; supportEntitlement: { planFamily: string } | null };
  };
}

export interface Subscription {
  events: LiveEvent[];
  errors: unknown[];
  completed: boolean;
  stop(): void;
}

export function subscribeCaseEvents(
  stack: Stack,
  transport: Transport,
  token: string | null,
  variables: { organizationId?: string; after?: string } = {},
): Subscription {
  const url = stack.gatewayUrl;
  const payload = { query: contractDocument('CaseEvents'), operationName: 'CaseEvents', variables };
  const result: Subscription = { events: [], errors: [], completed: false, stop: () => {} };
  const sink = {
    next: (r: { data?: unknown; errors?: readonly unknown[] }) => {
      if (r.errors) result.errors.push(...r.errors);
      if (r.data) result.events.push((r.data as { caseEvents: LiveEvent }).caseEvents);
    },
    error: (e: unknown) => {
      result.errors.push(describeFailure(e));
    },
    complete: () => {
      result.completed = true;
    },
  };
  if (transport === 'graphql-ws') {
    const client: Client = createWsClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    client.subscribe(payload, sink);
    result.stop = () => void client.dispose();
  } else {
    const client = createSseClient({
      url,
      singleConnection: false,
      retryAttempts: 0,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    client.subscribe(payload, sink);
    result.stop = () => client.dispose();
  }
  return result;
}

export async function until(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for live events');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/** A websocket close event or an SSE network error, as plain data a test can compare. */
function describeFailure(e: unknown): unknown {
  const failure = e as { code?: number; reason?: string; response?: Response; message?: string };
  if (failure && typeof failure.code === 'number' && 'reason' in failure) {
    return { closeCode: failure.code, reason: failure.reason };
  }
  if (failure?.response && typeof failure.response.status === 'number') {
    return { status: failure.response.status, message: failure.message };
  }
  return e;
}

/**
 * A cursor at the current end of the case event log: subscribing with it delivers exactly what
 * happens from now on, however long the subscription takes to start (no sleeps in tests).
 */
export async function currentCursor(stack: Stack): Promise<string> {
  const [last] = await stack.subgraphs.cases.orm.em
    .fork()
    .find(CaseEvent, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
  return encodeEventCursor(last?.id ?? 0);
}
