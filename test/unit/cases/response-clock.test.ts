import { describe, expect, it } from 'vitest';
import { ClockState, CloseReason } from '../../../subgraphs/cases/domain/case-enums';
import { clockState, responseClock } from '../../../subgraphs/cases/domain/response-clock';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const { RUNNING, MET, BREACHED, NO_COMMITMENT } = ClockState;

describe('responseClock', () => {
  it.each([
    // dueAt, respondedAt, now, state
    [null, null, '09:00', NO_COMMITMENT],
    [null, '08:30', '09:00', NO_COMMITMENT],
    ['10:00', null, '09:00', RUNNING],
    ['10:00', null, '10:00', RUNNING],
    ['10:00', null, '10:01', BREACHED],
    ['10:00', '09:30', '09:45', MET],
    ['10:00', '10:00', '11:00', MET],
    ['10:00', '09:30', '23:00', MET],
    ['10:00', '10:01', '10:02', BREACHED],
    ['10:00', '11:00', '09:00', BREACHED],
  ] as const)('due %s, responded %s, at %s: %s', (due, responded, now, state) => {
    const input = { dueAt: due ? at(due) : null, respondedAt: responded ? at(responded) : null };
    expect(clockState(input, at(now))).toBe(state);
  });

  it('carries dueAt and respondedAt along with the state', () => {
    expect(responseClock({ dueAt: at('10:00'), respondedAt: null }, at('09:00'))).toEqual({
      state: RUNNING,
      dueAt: at('10:00'),
      respondedAt: null,
    });
  });

  it('counts a case closed OUT_OF_SCOPE as met, even when the answer came late', () => {
    const late = { dueAt: at('10:00'), respondedAt: at('11:00') };
    expect(clockState(late, at('12:00'))).toBe(BREACHED);
    expect(clockState({ ...late, closeReason: CloseReason.OUT_OF_SCOPE }, at('12:00'))).toBe(MET);
    const none = { dueAt: null, respondedAt: at('11:00'), closeReason: CloseReason.OUT_OF_SCOPE };
    expect(clockState(none, at('12:00'))).toBe(NO_COMMITMENT);
  });
});
