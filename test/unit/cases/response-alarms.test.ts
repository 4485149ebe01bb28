import { describe, expect, it } from 'vitest';
import { CaseEventKind, CaseStatus } from '../../../subgraphs/cases/domain/case-enums';
import { alarmKey, dueAlarm } from '../../../subgraphs/cases/domain/response-alarms';

const DUE = new Date('2026-06-01T12:00:00Z');
const at = (minutes: number) => new Date(DUE.getTime() + minutes * 60_000);
const running = { dueAt: DUE, respondedAt: null, status: CaseStatus.OPEN };

describe('dueAlarm', () => {
  it.each([
    [-16, null],
    [-15, CaseEventKind.RESPONSE_DUE_SOON],
    [-1, CaseEventKind.RESPONSE_DUE_SOON],
    [0, CaseEventKind.RESPONSE_BREACHED],
    [600, CaseEventKind.RESPONSE_BREACHED],
  ])('%i minutes from dueAt: %s', (minutes, expected) => {
    expect(dueAlarm(running, at(minutes))).toBe(expected);
  });

  it('stays quiet for answered, closed and uncommitted cases', () => {
    expect(dueAlarm({ ...running, respondedAt: at(-30) }, at(5))).toBeNull();
    expect(dueAlarm({ ...running, status: CaseStatus.CLOSED }, at(5))).toBeNull();
    expect(dueAlarm({ ...running, dueAt: null }, at(5))).toBeNull();
  });

  it('keys an alarm by case, kind and due instant', () => {
    const key = alarmKey('case-1', CaseEventKind.RESPONSE_DUE_SOON, DUE);
    expect(key).not.toBe(alarmKey('case-1', CaseEventKind.RESPONSE_BREACHED, DUE));
    expect(key).not.toBe(alarmKey('case-1', CaseEventKind.RESPONSE_DUE_SOON, at(60)));
  });
});
