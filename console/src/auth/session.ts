// The signed-in person's bearer token, kept for this browser tab only (sessionStorage): closing
// the tab signs out, and no other site's script can read it through a cookie.
const KEY = 'support-console.session';

export interface Session {
  token: string;
  /** Seconds since epoch. */
  expiresAt: number;
}

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

/** The stored session as text: stable between calls, as React's external stores need. */
export const sessionSnapshot = (): string | null => sessionStorage.getItem(KEY);

export function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt * 1000 > Date.now() ? session : null;
}

export const currentSession = (): Session | null => parseSession(sessionSnapshot());

export function setSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
