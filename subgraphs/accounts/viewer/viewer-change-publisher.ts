import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import Redis from 'ioredis';
import type { LiveConfig } from '../../../lib/config/subgraph-config';
import type { Logger } from '../../../lib/logging/logger';
import { type ViewerChange, viewerChangeChannel } from '../../../lib/viewer/viewer-change';

const STARTUP_WAIT_MS = 3_000;

/** Tells every gateway replica whose cached viewer context a committed change made stale. */
export interface ViewerChangePublisher {
  publish(change: ViewerChange): Promise<void>;
  /** Resolves once Redis answers, or after a few seconds (notices are then lost until it does). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Over Redis pub/sub when REDIS_URL is set (every gateway replica listens); without it there is
 * nothing to publish to, and the gateway that relayed the mutation learns from its answer
 * (viewer-changes.plugin.ts). A publish never fails or delays a committed change beyond one
 * attempt: nothing queues while Redis is away, and the gateways' cache TTL is the backstop.
 */
export function createViewerChangePublisher(
  config: Pick<LiveConfig, 'redisUrl' | 'redisKeyPrefix'>,
  log: Logger,
): ViewerChangePublisher {
  if (!config.redisUrl) {
    return { publish: async () => {}, ready: async () => {}, close: async () => {} };
  }
  const channel = viewerChangeChannel(config.redisKeyPrefix);
  // A Redis that hangs must not hold the answer to a committed mutation for long.
  const client = new Redis(config.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
  });
  client.on('error', (error) => log.warn({ err: error }, 'redis unavailable'));
  return {
    async publish(change) {
      try {
        await client.publish(channel, JSON.stringify(change));
      } catch (error) {
        log.warn(
          { err: error, change },
          'viewer change not announced; gateways see it within their cache TTL',
        );
      }
    },
    async ready() {
      if (client.status === 'ready') return;
      await Promise.race([
        once(client, 'ready'),
        delay(STARTUP_WAIT_MS, undefined, { ref: false }),
      ]);
    },
    async close() {
      client.disconnect();
    },
  };
}
