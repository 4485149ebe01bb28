import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
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
  stack: Pick<Stack, 'gatewayUrl'>,
  transport: Transport,
  token: string | null,
  variables: { organizationId?: string; after?: string } = {},
  /** Another subscription document than the contract's CaseEvents. */
  query?: string,
  operationName?: string,
): Subscription {
  const url = stack.gatewayUrl;
  const payload = query
    ? { query, variables, operationName }
    : { query: contractDocument('CaseEvents'), operationName: 'CaseEvents', variables };
  const result: Subscription = { events: [], errors: [], completed: false, stop: () => {} };
  const sink = {
    next: (r: { data?: unknown; errors?: readonly unknown[] }) => {
      if (r.errors) result.errors.push(...r.errors);
      if (r.data) result.events.push((r.data as { caseEvents: LiveEvent }).caseEvents);
    },
    error: (e: unknown) => {
      // graphql-ws fails a refused subscription with its list of GraphQL errors.
      if (Array.isArray(e)) result.errors.push(...e);
      else result.errors.push(describeFailure(e));
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

/** A gateway metric's value from /metrics, e.g. ('live_upstream_connections', 'subgraph="cases"'). */
export async function gatewayMetric(stack: Stack, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(stack.gatewayMetricsUrl)).text();
  const series = labels ? `${name}{${labels}}` : name;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Polls an asynchronous check until it holds (a metric reaching a value, say). */
export async function eventually(check: () => Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * For subscriptions without a cursor, which see only what happens once they are listening:
 * makes events (`act`) until every subscription has received one, so a test can start from a
 * point where all of them are live.
 */
export async function untilLive(subs: Subscription[], act: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await act();
    try {
      await until(() => subs.every((s) => s.events.length > 0), 1500);
      return;
    } catch {
      // Not every upstream subscription was listening yet: try with another event.
    }
  }
  throw new Error('subscriptions never went live');
}

/**
 * A raw graphql-ws client that can stop reading (its socket paused, so the gateway's sends stall
 * as with a client on a congested link) and later read again, to see how it was closed.
 */
export async function pausableWebSocket(
  stack: Stack,
  token: string,
  payload: { query: string; variables: Record<string, unknown> },
) {
  const socket = new WebSocket(stack.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
  );
  let received = 0;
  const acked = new Promise<void>((done) =>
    socket.on('message', (data) => {
      received++;
      if (JSON.parse(data.toString()).type === 'connection_ack') done();
    }),
  );
  await new Promise((done) => socket.once('open', done));
  socket.send(
    JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
  );
  await acked;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload }));
  return {
    received: () => received,
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    closed,
  };
}

/**
 * A raw graphql-sse request (distinct connections) whose response can stop being read, then be
 * read to its end: the events it got, as parsed `next` payloads.
 */
export async function pausableEventStream(
  stack: Stack,
  token: string,
  payload: { query: string; variables: Record<string, unknown> },
) {
  const url = new URL(stack.gatewayUrl);
  const response = await new Promise<IncomingMessage>((done, fail) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
    });
    req.once('response', done).once('error', fail);
    req.end(JSON.stringify(payload));
  });
  let text = '';
  const ended = new Promise<void>((done) => response.once('end', done));
  response.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const nexts = () =>
    text
      .split('\n\n')
      .filter((block) => block.startsWith('event: next'))
      .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)));
  return {
    pause: () => response.pause(),
    /** Reads the rest of the stream; resolves with every `next` payload once it ends. */
    readToEnd: async () => {
      response.resume();
      await ended;
      return nexts();
    },
  };
}
