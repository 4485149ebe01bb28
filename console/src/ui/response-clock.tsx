import type { ClockState } from '../graphql/graphql';
import { DateTime, formatDuration } from './date-time';
import { useNow } from './use-now';

const LABEL: Record<ClockState, string> = {
  RUNNING: 'Running',
  MET: 'Met',
  BREACHED: 'Breached',
  NO_COMMITMENT: 'No commitment',
};

export interface Clock {
  state: ClockState;
  dueAt?: string | null;
  respondedAt?: string | null;
}

/** The first-response clock: state, due time, and while it runs, the time left counting down. */
export function ResponseClock({ clock }: { clock: Clock }) {
  return (
    <span className={`clock clock-${clock.state.toLowerCase()}`} data-clock-state={clock.state}>
      <span className="badge">{LABEL[clock.state]}</span>
      {clock.dueAt && (
        <span className="due">
          {' '}
          due <DateTime value={clock.dueAt} />
        </span>
      )}
      {clock.state === 'RUNNING' && clock.dueAt && <TimeLeft dueAt={clock.dueAt} />}
      {clock.respondedAt && (
        <span className="responded">
          {' '}
          answered <DateTime value={clock.respondedAt} />
        </span>
      )}
    </span>
  );
}

function TimeLeft({ dueAt }: { dueAt: string }) {
  const left = Date.parse(dueAt) - useNow();
  return (
    <span className="time-left" data-testid="time-left">
      {' '}
      ({left > 0 ? `${formatDuration(left)} left` : `${formatDuration(-left)} overdue`})
    </span>
  );
}
