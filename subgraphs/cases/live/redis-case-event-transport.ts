import { once } from 'node:events';
import Redis from 'ioredis';
import type { Logger } from '../../../lib/logging/logger';
import type { CommittedCaseEvent } from './case-event-bus';
import type { CaseEventTransport } from './case-event-transport';

// Notices of committed case events between cases replicas, over one Redis pub/sub channel.
// Publishing never queues while Redis is away (a mutation must not wait on it); the feed's log
// reads recover whatever was not announced. The subscriber reconnects and resubscribes by itself.

interface Notice extends Omit<CommittedCaseEvent, 'at'> {
  at: string;
}

export function redisCaseEventTransport(
  url: string,
  keyPrefix: string,
  log: Logger,
): CaseEventTransport {
  const channel = `${keyPrefix}case-events`;
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(url);
  for (const [role, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error) => log.warn({ err: error, role }, 'redis unavailable'));
  }
  return {
    async send(events) {
      await publisher.publish(channel, JSON.stringify(events));
    },
    async listen(onEvents) {
      subscriber.on('message', (from: string, message: string) => {
        if (from !== channel) return;
        const events = parseNotices(message);
        if (events) onEvents(events);
        else log.warn({ channel }, 'ignored a malformed case event notice');
      });
      // Like the gateway, a replica starts once Redis answers: from then on an outage only
      // delays notices.
      // SUBSCRIBE only once ioredis' ready check (INFO) has answered: sent earlier, it puts the
      // connection in subscriber mode, the INFO fails, and this replica never hears a notice.
      await Promise.all([ready(subscriber), ready(publisher)]);
      await subscriber.subscribe(channel);
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

async function ready(client: Redis): Promise<void> {
  if (client.status !== 'ready') await once(client, 'ready');
}

function parseNotices(message: string): CommittedCaseEvent[] | null {
  try {
    const notices = JSON.parse(message) as Notice[];
    if (!Array.isArray(notices) || !notices.every((n) => Number.isSafeInteger(n.id))) return null;
    return notices.map((n) => ({ ...n, at: new Date(n.at) }));
  } catch {
    return null;
  }
}
