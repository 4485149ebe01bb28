import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { projectRoot } from '../lib/config/project-root';

// One graphql-ws client running the contract's CaseEvents subscription, as a dashboard would:
// its own socket, the bearer token in connectionParams, no retries (a failure is counted).

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

export interface SubscriberHandlers {
  connected: () => void;
  event: (arrival: Arrival) => void;
  error: (error: unknown) => void;
}

export function subscribeToCaseEvents(
  graphqlUrl: string,
  token: string,
  variables: Record<string, unknown>,
  on: SubscriberHandlers,
): Client {
  const client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: { authorization: `Bearer ${token}` },
    on: { connected: on.connected },
  });
  client.subscribe(
    { query: CASE_EVENTS, variables },
    {
      next: (result) => {
        const receivedAt = Date.now();
        const event = (result.data as { caseEvents?: CaseEventPayload } | null)?.caseEvents;
        if (!event) return on.error(result.errors ?? 'no event');
        on.event({
          cursor: event.cursor,
          at: Date.parse(event.at),
          receivedAt,
          organizationId: event.case.organization.id,
        });
      },
      error: on.error,
      complete: () => {},
    },
  );
  return client;
}
