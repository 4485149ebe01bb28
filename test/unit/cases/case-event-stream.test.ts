import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../lib/domain/enums';
import { CaseEventKind } from '../../../subgraphs/cases/domain/case-enums';
import {
  CaseEventBus,
  type CommittedCaseEvent,
} from '../../../subgraphs/cases/live/case-event-bus';
import {
  decodeEventCursor,
  encodeEventCursor,
} from '../../../subgraphs/cases/live/case-event-cursor';
import { caseEventStream } from '../../../subgraphs/cases/live/case-event-stream';

const event = (id: number, organizationId = 'org-a'): CommittedCaseEvent => ({
  id,
  caseId: `case-${id}`,
  organizationId,
  cloud: Cloud.GLOBAL,
  kind: CaseEventKind.OPENED,
  at: new Date(0),
});

async function take(it: AsyncIterator<CommittedCaseEvent>, n: number): Promise<number[]> {
  const ids: number[] = [];
  while (ids.length < n) ids.push((await it.next()).value!.id);
  return ids;
}

describe('caseEventStream', () => {
  it('replays the log, then drains what arrived meanwhile: no gap, no duplicate', async () => {
    const bus = new CaseEventBus();
    const log = [1, 2, 3, 4].map((id) => event(id));
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const stream = caseEventStream({
      bus,
      after: 1,
      pageSize: 2,
      visible: () => true,
      readLog: async (afterId, limit) => {
        await gate;
        return log.filter((e) => e.id > afterId).slice(0, limit);
      },
    });
    // Events 4 and 5 commit while the replay is still reading: 4 is in the log too.
    bus.publish([event(4), event(5)]);
    log.push(event(5));
    release();
    bus.publish([event(6)]);
    expect(await take(stream, 5)).toEqual([2, 3, 4, 5, 6]);
    await stream.return!();
    expect(bus.listenerCount).toBe(0);
  });

  it('checks every live event against the viewer', async () => {
    const bus = new CaseEventBus();
    const stream = caseEventStream({
      bus,
      after: null,
      readLog: async () => [],
      visible: (e) => e.organizationId === 'org-a',
    });
    bus.publish([event(1, 'org-b'), event(2, 'org-a'), event(3, 'org-b'), event(4, 'org-a')]);
    expect(await take(stream, 2)).toEqual([2, 4]);
    await stream.return!();
  });

  it('cuts off a subscriber that lets too many events pile up', async () => {
    const bus = new CaseEventBus();
    const stream = caseEventStream({
      bus,
      after: null,
      readLog: async () => [],
      visible: () => true,
      maxBuffered: 2,
    });
    bus.publish([event(1), event(2), event(3)]);
    await expect(stream.next()).rejects.toThrow(/resume with your last cursor/);
    expect(bus.listenerCount).toBe(0);
  });

  it('ends a pending wait when the client leaves', async () => {
    const bus = new CaseEventBus();
    const stream = caseEventStream({
      bus,
      after: null,
      readLog: async () => [],
      visible: () => true,
    });
    const pending = stream.next();
    await stream.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

describe('event cursors', () => {
  it('round-trip, and refuse what this API did not issue', () => {
    expect(decodeEventCursor(encodeEventCursor(42))).toBe(42);
    expect(() => decodeEventCursor('bm9wZQ')).toThrow(/cursor/);
  });
});
