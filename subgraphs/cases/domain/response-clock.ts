import { ClockState, CloseReason } from './case-enums';

// The state of a case's initial response target (contract/README.md, "responseClock.state").
// Pure: the caller passes `now`, so every request reads one consistent instant.

export interface ResponseClockInput {
  /** Null when the plan makes no commitment for this case. */
  dueAt: Date | null;
  /** First response from support in the current cycle, null while waiting. */
  respondedAt: Date | null;
  /** Why support closed the case, when it said. */
  closeReason?: CloseReason | null;
}

export interface ResponseClockView extends ResponseClockInput {
  state: ClockState;
}

export function responseClock(input: ResponseClockInput, now: Date): ResponseClockView {
  return { dueAt: input.dueAt, respondedAt: input.respondedAt, state: clockState(input, now) };
}

export function clockState(
  { dueAt, respondedAt, closeReason }: ResponseClockInput,
  now: Date,
): ClockState {
  if (!dueAt) return ClockState.NO_COMMITMENT;
  // Out of scope, the target never applied: telling the customer so is the answer (issue 12.5).
  if (closeReason === CloseReason.OUT_OF_SCOPE) return ClockState.MET;
  // A response exactly at the due instant is on time.
  if (respondedAt) return respondedAt <= dueAt ? ClockState.MET : ClockState.BREACHED;
  return now > dueAt ? ClockState.BREACHED : ClockState.RUNNING;
}
