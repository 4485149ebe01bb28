import { CaseEventKind, CaseStatus } from './case-enums';

// When a running response clock raises an alarm: RESPONSE_DUE_SOON from 15 minutes before dueAt
// until dueAt, RESPONSE_BREACHED from dueAt on. One alarm per case, kind and due instant: a
// lowered severity or a reopening moves dueAt, and the new instant gets its own alarms.
// Pure: the scheduler passes `now`.

export const DUE_SOON_LEAD_MS = 15 * 60 * 1000;

export type ResponseAlarmKind = CaseEventKind.RESPONSE_DUE_SOON | CaseEventKind.RESPONSE_BREACHED;

export interface AlarmClock {
  dueAt?: Date | null;
  respondedAt?: Date | null;
  status: CaseStatus;
}

/** The alarm that is due now, if any; a clock already past dueAt skips the "due soon" one. */
export function dueAlarm(clock: AlarmClock, now: Date): ResponseAlarmKind | null {
  const { dueAt } = clock;
  // Only a running clock alarms: no commitment, answered, or closed cases wait on nobody.
  if (!dueAt || clock.respondedAt || clock.status === CaseStatus.CLOSED) return null;
  if (now >= dueAt) return CaseEventKind.RESPONSE_BREACHED;
  if (now.getTime() >= dueAt.getTime() - DUE_SOON_LEAD_MS) return CaseEventKind.RESPONSE_DUE_SOON;
  return null;
}

/** The identity of one alarm: claiming it twice fails on the primary key. */
export function alarmKey(caseId: string, kind: ResponseAlarmKind, dueAt: Date): string {
  return `${caseId}|${kind}|${dueAt.toISOString()}`;
}
