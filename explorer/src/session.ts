import { useCallback, useEffect, useState } from 'react';

// Who the explorer speaks for. With the gateway's development sign-in (the embedded key) a demo
// user is picked from /auth/dev/users; otherwise a bearer token from the identity provider is
// pasted. Kept in sessionStorage: a reload keeps it, closing the tab forgets it.

export interface DevUser {
  email: string;
  name: string;
  description: string;
}

export interface Identity {
  token: string;
  /** The demo user signed in as; null for a pasted token. */
  email: string | null;
  /** Who the token is for, as shown to the person using the explorer. */
  label: string;
  /** ISO time, when known. */
  expiresAt: string | null;
}

export type SignInMode =
  | { kind: 'loading' }
  | { kind: 'dev'; users: DevUser[] }
  | { kind: 'token' };

const STORAGE_KEY = 'support-graph-explorer.identity';

function storedIdentity(): Identity | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  const identity = JSON.parse(raw) as Identity;
  if (identity.expiresAt && Date.parse(identity.expiresAt) <= Date.now()) return null;
  return identity;
}

async function signInAs(user: DevUser): Promise<Identity> {
  const response = await fetch('/auth/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email }),
  });
  if (!response.ok)
    throw new Error(`The gateway refused to sign in ${user.email} (${response.status}).`);
  const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
  return { token, expiresAt, email: user.email, label: `${user.name} (${user.description})` };
}

export function useSession() {
  const [mode, setMode] = useState<SignInMode>({ kind: 'loading' });
  const [identity, setIdentity] = useState<Identity | null>(storedIdentity);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch('/auth/dev/users', { headers: { accept: 'application/json' } })
      .then(async (response) =>
        setMode(response.ok ? { kind: 'dev', users: await response.json() } : { kind: 'token' }),
      )
      .catch(() => setMode({ kind: 'token' }));
  }, []);

  const remember = useCallback((next: Identity | null) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
    setIdentity(next);
    setError(null);
  }, []);

  const chooseUser = useCallback(
    async (user: DevUser | null) => {
      try {
        remember(user ? await signInAs(user) : null);
      } catch (failure) {
        setError((failure as Error).message);
      }
    },
    [remember],
  );

  const pasteToken = useCallback(
    (token: string) =>
      remember({
        token: token.replace(/^Bearer\s+/i, '').trim(),
        email: null,
        label: 'the holder of the pasted token',
        expiresAt: null,
      }),
    [remember],
  );

  return { mode, identity, error, chooseUser, pasteToken, signOut: () => remember(null) };
}

export type Session = ReturnType<typeof useSession>;
