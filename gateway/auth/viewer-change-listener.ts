import { setTimeout as delay } from 'node:timers/promises';
import Redis from 'ioredis';
import type { Logger } from '../../lib/logging/logger';
import { parseViewerChange, viewerChangeChannel } from '../../lib/viewer/viewer-change';
import type { ViewerDirectory } from './viewer-directory';

const STARTUP_WAIT_MS = 3_000;

export interface ViewerChangeListener {
  /** Resolves once listening, or after a few seconds without Redis (the TTL covers the gap). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every gateway replica hears accounts' viewer changes on Redis and drops the stale cached
 * viewers at once, whichever replica (or other client of accounts) made the change. A replica
 * that lost Redis may have missed notices: when it is back, the whole cache goes.
 */
export function listenForViewerChanges(
  redisUrl: string,
  keyPrefix: string,
  directory: Pick<ViewerDirectory, 'forget' | 'forgetAll'>,
  log: Logger,
): ViewerChangeListener {
  const channel = viewerChangeChannel(keyPrefix);
  const subscriber = new Redis(redisUrl);
  subscriber.on('error', (error) => log.warn({ err: error }, 'redis unavailable'));
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    const change = parseViewerChange(message);
    if (change) directory.forget(change);
    else log.warn({ channel }, 'ignored a malformed viewer change notice');
  });
  let reconnection = false;
  let markListening: () => void = () => {};
  const listening = new Promise<void>((resolve) => {
    markListening = resolve;
  });
  // SUBSCRIBE only once ioredis' ready check has answered (see redis-case-event-transport.ts);
  // ioredis subscribes again by itself on every reconnection.
  subscriber.on('ready', () => {
    if (reconnection) return directory.forgetAll();
    reconnection = true;
    subscriber.subscribe(channel).then(markListening, (error: unknown) => {
      log.warn({ err: error, channel }, 'could not listen for viewer changes');
    });
  });
  return {
    ready: () => Promise.race([listening, delay(STARTUP_WAIT_MS, undefined, { ref: false })]),
    async close() {
      subscriber.disconnect();
    },
  };
}
