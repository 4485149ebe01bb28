import {
  type EntityManager,
  LockMode,
  type MikroORM,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { CaseEventKind, CaseStatus } from '../domain/case-enums';
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

/** Alarms fired per kind and tick by default; the rest wait for the next tick, latest due first. */
export const ALARM_BATCH = 500;

interface Due {
  caseId: string;
  kind: ResponseAlarmKind;
  dueAt: Date;
}

export async function fireResponseAlarms(
  orm: MikroORM,
  now: Date,
  batch = ALARM_BATCH,
): Promise<CaseEvent[]> {
  const fired: CaseEvent[] = [];
  for (const due of await unclaimedAlarms(orm.em.fork(), now, batch)) {
    const event = await claim(orm, due, now);
    if (event) fired.push(event);
  }
  return fired;
}

async function unclaimedAlarms(em: EntityManager, now: Date, batch: number): Promise<Due[]> {
  const soonUntil = new Date(now.getTime() + DUE_SOON_LEAD_MS);
  const { RESPONSE_BREACHED, RESPONSE_DUE_SOON } = CaseEventKind;
  return [
    ...(await unclaimed(em, RESPONSE_BREACHED, { $lte: now }, batch)),
    ...(await unclaimed(em, RESPONSE_DUE_SOON, { $gt: now, $lte: soonUntil }, batch)),
  ];
}

/**
 * Running clocks whose `kind` alarm for their current dueAt has no row in response_alarm. The
 * claim check is in SQL, so however many alarms are already claimed, the batch holds only
 * unclaimed ones: a backlog of old breaches never hides a new one, nor the reverse.
 */
async function unclaimed(
  em: EntityManager,
  kind: ResponseAlarmKind,
  dueAt: { $gt?: Date; $lte: Date },
  batch: number,
): Promise<Due[]> {
  const running = await (em as SqlEntityManager)
    .createQueryBuilder(SupportCase, 'c')
    .select(['c.id', 'c.dueAt'])
    .where({ respondedAt: null, status: { $ne: CaseStatus.CLOSED }, dueAt })
    .andWhere(
      'not exists (select 1 from response_alarm a where a.case_id = c.id and a.kind = ? and a.due_at = c.due_at)',
      [kind],
    )
    .orderBy({ dueAt: 'desc' })
    .limit(batch)
    .getResultList();
  return running.map((kase) => ({ caseId: kase.id, kind, dueAt: kase.dueAt! }));
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
