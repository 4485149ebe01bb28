import type { MikroORM } from '@mikro-orm/core';
import type { SubgraphConfig } from '../../../lib/config/subgraph-config';
import type { Logger } from '../../../lib/logging/logger';
import { CaseEventFeed } from './case-event-feed';
import { lastCaseEventId, readCaseEventLog } from './case-event-log';
import { redisCaseEventTransport } from './redis-case-event-transport';

/** The process's feed, started: in-process, or fanned out through Redis when configured. */
export async function createCaseEventFeed(
  orm: MikroORM,
  config: Pick<SubgraphConfig, 'live'>,
  log: Logger,
): Promise<CaseEventFeed> {
  const { redisUrl, redisKeyPrefix, pollIntervalMs } = config.live;
  const feed = new CaseEventFeed({
    readLog: (afterId, limit) => readCaseEventLog(orm.em, afterId, limit),
    lastId: () => lastCaseEventId(orm.em),
    transport: redisUrl ? redisCaseEventTransport(redisUrl, redisKeyPrefix, log) : undefined,
    // In-process notices cannot be lost (a late one is a hole the feed reads), so only a
    // transport between replicas needs the timer.
    pollIntervalMs: redisUrl ? pollIntervalMs : 0,
    log,
  });
  await feed.start();
  return feed;
}
