import { ClockState } from './case-enums';

// The state of a case's initial response target (contract/README.md, "responseClock.state").
// Pure: the caller passes `now`, so every request reads one consistent instant.

export interface ResponseClockInput {
  /** Null when the plan makes no commitment for this case. */
  dueAt: Date | null;
  /** First response from support in the current cycle, null while waiting. */
  respondedAt: Date | null;
}

export interface ResponseClockView extends ResponseClockInput {
  state: ClockState;
}

export function responseClock(input: ResponseClockInput, now: Date): ResponseClockView {
  return { ...input, state: clockState(input, now) };
}

export function clockState({ dueAt, respondedAt }: ResponseClockInput, now: Date): ClockState {
  if (!dueAt) return ClockState.NO_COMMITMENT;
  // A response exactly at the due instant is on time.
  if (respondedAt) return respondedAt <= dueAt ? ClockState.MET : ClockState.BREACHED;
  return now > dueAt ? ClockState.BREACHED : ClockState.RUNNING;
}
