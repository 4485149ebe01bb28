import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEventKind, CaseStatus } from '../../subgraphs/cases/domain/case-enums';
import { CaseEvent } from '../../subgraphs/cases/entities/case-event.entity';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { ResponseAlarmScheduler } from '../../subgraphs/cases/jobs/response-alarm.job';
import type { CommittedCaseEvent } from '../../subgraphs/cases/live/case-event-bus';
import { type CasesDatabase, openCasesDatabase, silentLog } from '../support/cases-database';
import { testDialects } from '../support/dialects';

// The response-clock scheduler keeps its state in the database: a restart fires what it missed
// and nothing twice, and replicas racing on one database fire each alarm once.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const { RESPONSE_DUE_SOON, RESPONSE_BREACHED } = CaseEventKind;

describe.each(testDialects())('response alarms (%s)', (dialect) => {
  let db: CasesDatabase;
  const published: CommittedCaseEvent[] = [];
  const used = new Set<string>();
  beforeAll(async () => {
    db = await openCasesDatabase(dialect);
  });
  afterAll(() => db?.close());

  const scheduler = (orm: MikroORM, at: Date, batch?: number) =>
    new ResponseAlarmScheduler({
      orm,
      intervalMs: 1_000,
      clock: () => at,
      batch,
      publish: (events) => published.push(...events),
      log: silentLog,
    });

  /** Seeded cases, not used by an earlier test, whose response clock now runs until `dueAt`. */
  async function runningUntil(dueAt: Date, count: number): Promise<string[]> {
    const em = db.orm.em.fork();
    const cases = await em.find(SupportCase, {}, { orderBy: { id: 'asc' } });
    const picked = cases.filter((c) => !used.has(c.id)).slice(0, count);
    for (const kase of picked) {
      used.add(kase.id);
      await em.nativeUpdate(
        SupportCase,
        { id: kase.id },
        { dueAt, respondedAt: null, status: CaseStatus.OPEN },
      );
    }
    return picked.map((c) => c.id);
  }

  /** The alarms a case raised for the given due instant (earlier test ticks may have raised others). */
  async function alarmsOf(caseId: string, dueAt: Date): Promise<CaseEventKind[]> {
    const events = await db.orm.em.fork().find(
      CaseEvent,
      { caseId, kind: { $in: [RESPONSE_DUE_SOON, RESPONSE_BREACHED] } },
      {
        orderBy: { id: 'asc' },
      },
    );
    return events
      .filter((e) => new Date(String(e.after?.dueAt)).getTime() === dueAt.getTime())
      .map((e) => e.kind);
  }

  it('fires due soon once, and after a restart nothing again but the breach it missed', async () => {
    const dueAt = new Date(Date.now() + 30 * DAY);
    const [caseId] = await runningUntil(dueAt, 1);
    const before = new Date(dueAt.getTime() - 16 * MINUTE);
    const soon = new Date(dueAt.getTime() - 10 * MINUTE);

    await scheduler(db.orm, before).tick();
    expect(await alarmsOf(caseId!, dueAt)).toEqual([]);
    const first = scheduler(db.orm, soon);
    await first.tick();
    await first.tick();
    expect(await alarmsOf(caseId!, dueAt)).toEqual([RESPONSE_DUE_SOON]);
    expect(published.filter((e) => e.caseId === caseId).map((e) => e.kind)).toEqual([
      RESPONSE_DUE_SOON,
    ]);
    await first.stop();

    // A new process on the same database, started after dueAt passed while nobody ran.
    const restarted = await db.connect();
    await scheduler(restarted, soon).tick();
    expect(await alarmsOf(caseId!, dueAt)).toEqual([RESPONSE_DUE_SOON]);
    await scheduler(restarted, new Date(dueAt.getTime() + 5 * MINUTE)).tick();
    await scheduler(restarted, new Date(dueAt.getTime() + 6 * MINUTE)).tick();
    expect(await alarmsOf(caseId!, dueAt)).toEqual([RESPONSE_DUE_SOON, RESPONSE_BREACHED]);
  });

  it('does not alarm once support has answered', async () => {
    const dueAt = new Date(Date.now() + 40 * DAY);
    const [caseId] = await runningUntil(dueAt, 1);
    await db.orm.em
      .fork()
      .nativeUpdate(SupportCase, { id: caseId }, { respondedAt: new Date(dueAt.getTime() - DAY) });
    await scheduler(db.orm, new Date(dueAt.getTime() + MINUTE)).tick();
    expect(await alarmsOf(caseId!, dueAt)).toEqual([]);
  });

  it('fires an older breach even when more newer alarms than a batch have fired already', async () => {
    const newer = new Date(Date.now() + 70 * DAY);
    const older = new Date(Date.now() + 60 * DAY);
    const at = new Date(newer.getTime() + MINUTE);
    const claimedFirst = await runningUntil(newer, 2);
    await scheduler(db.orm, at, 2).tick();
    for (const caseId of claimedFirst) {
      expect(await alarmsOf(caseId, newer)).toEqual([RESPONSE_BREACHED]);
    }
    // Its clock starts running only now: the batch's two latest-due clocks are both claimed.
    const [late] = await runningUntil(older, 1);
    await scheduler(db.orm, at, 2).tick();
    expect(await alarmsOf(late!, older)).toEqual([RESPONSE_BREACHED]);
  });

  // Real concurrent writers need PostgreSQL (SQLite has one writer at a time).
  if (dialect === 'postgresql') {
    it('two processes racing on one database fire each alarm exactly once', async () => {
      const dueAt = new Date(Date.now() + 50 * DAY);
      const caseIds = await runningUntil(dueAt, 6);
      const other = await db.connect();
      for (const at of [-10, -9, 1, 2]) {
        const clock = new Date(dueAt.getTime() + at * MINUTE);
        await Promise.all([scheduler(db.orm, clock).tick(), scheduler(other, clock).tick()]);
      }
      for (const caseId of caseIds) {
        expect(await alarmsOf(caseId, dueAt)).toEqual([RESPONSE_DUE_SOON, RESPONSE_BREACHED]);
      }
    });
  }
});
