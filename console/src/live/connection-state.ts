import { useSyncExternalStore } from 'react';

// Whether live updates flow: 'reconnecting' from the moment a subscription loses its socket until
// it is resumed, so every page can say so.
export type LiveState = 'connecting' | 'live' | 'reconnecting';

let state: LiveState = 'connecting';
const listeners = new Set<() => void>();

export function setLiveState(next: LiveState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
