import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommittedCaseEvent } from '../../subgraphs/cases/live/case-event-bus';
import type { CaseEventFeed } from '../../subgraphs/cases/live/case-event-feed';
import { createCaseEventFeed } from '../../subgraphs/cases/live/create-case-event-feed';
import {
  type CasesDatabase,
  commitNoteEvents,
  openCasesDatabase,
  silentLog,
} from '../support/cases-database';
import { testDialects } from '../support/dialects';
import { until } from '../support/live';

// One feed per cases process delivers committed events in id order. Two commits may publish in
// the opposite order to their ids; a subscriber must still get both, smaller first.

const LIVE = {
  redisUrl: null,
  redisKeyPrefix: 'test:',
  pollIntervalMs: 0,
  responseAlarmIntervalMs: 0,
};

describe.each(testDialects())('the case event feed (%s)', (dialect) => {
  let db: CasesDatabase;
  let feed: CaseEventFeed;
  beforeAll(async () => {
    db = await openCasesDatabase(dialect);
    feed = await createCaseEventFeed(db.orm, { live: LIVE }, silentLog);
  });
  afterAll(async () => {
    await feed?.close();
    await db?.close();
  });

  function listen(): { ids: number[]; stop: () => void } {
    const ids: number[] = [];
    const stop = feed.subscribe((e: CommittedCaseEvent) => ids.push(e.id));
    return { ids, stop };
  }

  it('delivers 5 then 6 when 6 is published before 5, once each', async () => {
    const a = listen();
    const b = listen();
    const [five, six] = await commitNoteEvents(db.orm, 2);
    feed.publish([six!]);
    feed.publish([five!]);
    feed.publish([six!]);
    await until(() => a.ids.length >= 2 && b.ids.length >= 2);
    await feed.catchUp();
    expect(a.ids).toEqual([five!.id, six!.id]);
    expect(b.ids).toEqual(a.ids);
    a.stop();
    b.stop();
  });

  it('reads a hole once for all subscribers', async () => {
    const listeners = Array.from({ length: 20 }, listen);
    const events = await commitNoteEvents(db.orm, 3);
    db.sqlCounter.reset();
    feed.publish([events[2]!]);
    await until(() => listeners.every((l) => l.ids.length === 3));
    expect(db.sqlCounter.count).toBe(1);
    for (const l of listeners) {
      expect(l.ids).toEqual(events.map((e) => e.id));
      l.stop();
    }
  });

  it('finds events nobody announced when asked to catch up (the timer does this)', async () => {
    const a = listen();
    const events = await commitNoteEvents(db.orm, 2);
    await feed.catchUp();
    expect(a.ids).toEqual(events.map((e) => e.id));
    a.stop();
  });
});
