import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../lib/domain/enums';
import { createLogger } from '../../../lib/logging/logger';
import { CaseEventKind } from '../../../subgraphs/cases/domain/case-enums';
import type { CommittedCaseEvent } from '../../../subgraphs/cases/live/case-event-bus';
import { CaseEventFeed } from '../../../subgraphs/cases/live/case-event-feed';
import { until } from '../../support/live';

const event = (id: number): CommittedCaseEvent => ({
  id,
  caseId: 'case-1',
  organizationId: 'org-a',
  cloud: Cloud.GLOBAL,
  kind: CaseEventKind.NOTE_ADDED,
  at: new Date(0),
});

/** A feed over an in-memory log that starts at id 4 and can be made to fail. */
async function feedOver(log: CommittedCaseEvent[], failures = 0) {
  let failing = failures;
  const feed = new CaseEventFeed({
    lastId: async () => 4,
    readLog: async (afterId, limit) => {
      if (failing-- > 0) throw new Error('database unavailable');
      return log.filter((e) => e.id > afterId).slice(0, limit);
    },
    pollIntervalMs: 0,
    log: createLogger('test', 'silent'),
  });
  await feed.start();
  const ids: number[] = [];
  feed.subscribe((e) => ids.push(e.id));
  return { feed, ids };
}

describe('CaseEventFeed', () => {
  it('delivers in id order whatever the order of the notices, each once', async () => {
    const log = [5, 6, 7].map(event);
    const { feed, ids } = await feedOver(log);
    feed.receive([event(7)]);
    feed.receive([event(6), event(5), event(7)]);
    await until(() => ids.length >= 3);
    await feed.catchUp();
    expect(ids).toEqual([5, 6, 7]);
    await feed.close();
  });

  it('retries a hole it could not read, without waiting for another event', async () => {
    const log = [5, 6].map(event);
    const { feed, ids } = await feedOver(log, 1);
    feed.receive([event(6)]);
    await until(() => ids.length >= 2, 5_000);
    expect(ids).toEqual([5, 6]);
    await feed.close();
  });
});
