import {
  type EntityManager,
  LockMode,
  type MikroORM,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { CaseStatus } from '../domain/case-enums';
import {
  alarmKey,
  DUE_SOON_LEAD_MS,
  dueAlarm,
  type ResponseAlarmKind,
} from '../domain/response-alarms';
import type { CaseEvent } from '../entities/case-event.entity';
import { ResponseAlarm } from '../entities/response-alarm.entity';
import { SupportCase } from '../entities/support-case.entity';
import { type Actor, CaseEventRecorder } from './case-event-recorder';

// Fires the response-clock alarms due at `now`: each in its own transaction that claims the alarm
// (its key is the primary key of response_alarm) and writes the case event. Several replicas may
// run this at once; for each alarm exactly one transaction commits.

const SYSTEM: Actor = { id: 'system', email: null };

/** Running clocks looked at per tick, latest due first, so new alarms are never starved. */
const BATCH = 500;

interface Due {
  caseId: string;
  kind: ResponseAlarmKind;
  dueAt: Date;
}

export async function fireResponseAlarms(orm: MikroORM, now: Date): Promise<CaseEvent[]> {
  const fired: CaseEvent[] = [];
  for (const due of await unclaimedAlarms(orm.em.fork(), now)) {
    const event = await claim(orm, due, now);
    if (event) fired.push(event);
  }
  return fired;
}

async function unclaimedAlarms(em: EntityManager, now: Date): Promise<Due[]> {
  const running = await em.find(
    SupportCase,
    {
      respondedAt: null,
      status: { $ne: CaseStatus.CLOSED },
      dueAt: { $ne: null, $lte: new Date(now.getTime() + DUE_SOON_LEAD_MS) },
    },
    { orderBy: { dueAt: 'desc' }, limit: BATCH, fields: ['id', 'dueAt', 'respondedAt', 'status'] },
  );
  const due = running.flatMap((kase) => {
    const kind = dueAlarm(kase, now);
    return kind ? [{ caseId: kase.id, kind, dueAt: kase.dueAt! }] : [];
  });
  if (due.length === 0) return [];
  const claimed = await em.find(
    ResponseAlarm,
    { id: { $in: due.map((d) => alarmKey(d.caseId, d.kind, d.dueAt)) } },
    { fields: ['id'] },
  );
  const taken = new Set(claimed.map((a) => a.id));
  return due.filter((d) => !taken.has(alarmKey(d.caseId, d.kind, d.dueAt)));
}

/** The event, or null when the clock moved on or another replica claimed the alarm first. */
async function claim(orm: MikroORM, due: Due, now: Date): Promise<CaseEvent | null> {
  try {
    return await orm.em.fork().transactional(async (em) => {
      // The case row lock orders the alarm after a first response committing at the same time.
      const kase = await em.findOne(
        SupportCase,
        { id: due.caseId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (
        !kase ||
        dueAlarm(kase, now) !== due.kind ||
        kase.dueAt?.getTime() !== due.dueAt.getTime()
      ) {
        return null;
      }
      const events = new CaseEventRecorder(kase, SYSTEM, now);
      events.add(due.kind, null, { dueAt: due.dueAt, clock: due.kind });
      const [event] = await events.write(em);
      // The claim: a replica that raced us here fails on the key and rolls back, event included.
      await em.insert(ResponseAlarm, {
        id: alarmKey(due.caseId, due.kind, due.dueAt),
        caseId: due.caseId,
        kind: due.kind,
        dueAt: due.dueAt,
        firedAt: now,
        eventId: event!.id,
      });
      return event!;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return null;
    throw error;
  }
}
