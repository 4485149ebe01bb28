import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveConfig } from '../../lib/config/subgraph-config';
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
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis';

// Two cases replicas on one database, fanned out through the shared Redis: an event committed
// on one reaches the other's subscribers, in order, once; what Redis never carried comes from
// the log.

describe.each(testDialects())('case events across replicas through Redis (%s)', (dialect) => {
  let db: CasesDatabase;
  let other: MikroORM;
  let a: CaseEventFeed;
  let b: CaseEventFeed;
  const live: LiveConfig = {
    redisUrl: TEST_REDIS_URL,
    redisKeyPrefix: uniqueRedisPrefix(),
    // Long enough that within a test only Redis (or a hole) can bring an event.
    pollIntervalMs: 60_000,
    responseAlarmIntervalMs: 0,
  };
  beforeAll(async () => {
    db = await openCasesDatabase(dialect);
    other = await db.connect();
    a = await createCaseEventFeed(db.orm, { live }, silentLog);
    b = await createCaseEventFeed(other, { live }, silentLog);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.close();
  });

  function listen(feed: CaseEventFeed) {
    const ids: number[] = [];
    const stop = feed.subscribe((e: CommittedCaseEvent) => ids.push(e.id));
    return { ids, stop };
  }

  it("delivers an event committed on replica A to replica B's subscribers", async () => {
    const onB = listen(b);
    const events = await commitNoteEvents(db.orm, 2);
    a.publish(events);
    await until(() => onB.ids.length >= 2);
    await b.catchUp();
    expect(onB.ids).toEqual(events.map((e) => e.id));
    onB.stop();
  });

  it('recovers an event whose notice never went out, from the log tail on a timer', async () => {
    const c = await createCaseEventFeed(
      other,
      { live: { ...live, pollIntervalMs: 200 } },
      silentLog,
    );
    const onC = listen(c);
    const [silent] = await commitNoteEvents(other, 1); // committed, never published
    await until(() => onC.ids.length >= 1, 5_000);
    expect(onC.ids).toEqual([silent!.id]);
    onC.stop();
    await c.close();
  });

  it('fills the hole a lost notice leaves when the next one arrives', async () => {
    await b.catchUp(); // B has not heard of the silent event above yet
    const onB = listen(b);
    const [lost, next] = await commitNoteEvents(db.orm, 2);
    a.publish([next!]); // the notice of `lost` never made it
    await until(() => onB.ids.length >= 2);
    expect(onB.ids).toEqual([lost!.id, next!.id]);
    onB.stop();
  });
});
