import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { projectRoot } from '../lib/config/project-root';

// One subscriber running the contract's CaseEvents subscription as a dashboard would: its own
// socket, the graphql-transport-ws protocol (graphql-ws' own), the bearer token in the
// connection_init payload, no retries (a failure is counted).
//
// It speaks the protocol over `ws` itself instead of running graphql-ws' client: thousands of
// subscribers share the machine with the gateway they measure, and the library's per-message
// work (a validated parse, an emitter, a sink per subscription) cost the load generator 1.4x the
// CPU of this client for the same frames (bench/OPTIMISATIONS.md, fifth pass), time the
// receipt stamps of later subscribers waited behind. A real dashboard parses on its own machine.

const CASE_EVENTS = readFileSync(
  join(projectRoot(), 'contract', 'operations', 'live.graphql'),
  'utf8',
);

export interface Arrival {
  cursor: string;
  /** The event's `at` (ms since epoch), stamped by cases just before its commit. */
  at: number;
  receivedAt: number;
  organizationId: string;
}

interface CaseEventPayload {
  cursor: string;
  at: string;
  case: { organization: { id: string } };
}

type Message =
  | { type: 'connection_ack' | 'ping' | 'pong' }
  | {
      type: 'next';
      id: string;
      payload: { data?: { caseEvents?: CaseEventPayload }; errors?: unknown };
    }
  | { type: 'error'; id: string; payload: unknown }
  | { type: 'complete'; id: string };

export interface SubscriberHandlers {
  connected: () => void;
  event: (arrival: Arrival) => void;
  error: (error: unknown) => void;
}

export interface LiveSubscriber {
  /** Closes the socket normally; resolves once it is closed. */
  dispose(): Promise<void>;
}

export function subscribeToCaseEvents(
  graphqlUrl: string,
  token: string,
  variables: Record<string, unknown>,
  on: SubscriberHandlers,
): LiveSubscriber {
  const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const id = randomUUID();
  const send = (message: unknown) => socket.send(JSON.stringify(message));
  let disposed = false;
  socket.on('open', () =>
    send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
  );
  socket.on('message', (data) => {
    const receivedAt = Date.now();
    const message = JSON.parse(String(data)) as Message;
    if (message.type === 'next') {
      const event = message.payload.data?.caseEvents;
      if (!event) return on.error(message.payload.errors ?? 'no event');
      on.event({
        cursor: event.cursor,
        at: Date.parse(event.at),
        receivedAt,
        organizationId: event.case.organization.id,
      });
    } else if (message.type === 'connection_ack') {
      on.connected();
      send({ id, type: 'subscribe', payload: { query: CASE_EVENTS, variables } });
    } else if (message.type === 'ping') send({ type: 'pong' });
    else if (message.type === 'error') on.error(message.payload);
    else if (message.type === 'complete') on.error('the subscription completed');
  });
  socket.on('error', (error) => on.error(error));
  socket.on('close', (code, reason) => {
    if (!disposed) on.error(`closed ${code} ${reason}`);
  });
  return {
    dispose: () => {
      disposed = true;
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((done) => {
        socket.once('close', () => done());
        socket.close(1000);
      });
    },
  };
}
