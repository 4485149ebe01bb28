import type { ReactNode } from 'react';
import { refusalOf } from '../api/refusal';

// Loading, failure and emptiness, said the same way on every page (and announced to screen
// readers: role=status is polite, role=alert interrupts).

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="state loading">
      Loading {what}…
    </p>
  );
}

export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div role="alert" className="state failure">
      <p>{refusalOf(error).message}</p>
      {retry && (
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}
