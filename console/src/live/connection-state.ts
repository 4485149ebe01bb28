import { useSyncExternalStore } from 'react';

// Whether live updates flow: a page says "reconnecting" while any of its subscriptions has lost
// its socket and is not yet resumed.
const interrupted = new Set<symbol>();
const listeners = new Set<() => void>();

export function setInterrupted(subscription: symbol, isInterrupted: boolean): void {
  if (interrupted.has(subscription) === isInterrupted) return;
  if (isInterrupted) interrupted.add(subscription);
  else interrupted.delete(subscription);
  for (const listener of listeners) listener();
}

export function useReconnecting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => interrupted.size > 0,
  );
}

const connectedListeners = new Set<() => void>();

/** The websocket (re)connected and the gateway acknowledged it. */
export function announceConnected(): void {
  for (const listener of connectedListeners) listener();
}

export function onConnected(listener: () => void): () => void {
  connectedListeners.add(listener);
  return () => connectedListeners.delete(listener);
}
