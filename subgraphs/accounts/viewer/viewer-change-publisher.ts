import Redis from 'ioredis';
import type { LiveConfig } from '../../../lib/config/subgraph-config';
import type { Logger } from '../../../lib/logging/logger';
import { type ViewerChange, viewerChangeChannel } from '../../../lib/viewer/viewer-change';

/** Tells every gateway replica whose cached viewer context a committed change made stale. */
export interface ViewerChangePublisher {
  publish(change: ViewerChange): Promise<void>;
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
  if (!config.redisUrl) return { publish: async () => {}, close: async () => {} };
  const channel = viewerChangeChannel(config.redisKeyPrefix);
  const client = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
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
    async close() {
      client.disconnect();
    },
  };
}
