import { type FormEvent, useState } from 'react';
import type { DevUser, Session } from './session';

function DevSignIn({ session, users }: { session: Session; users: DevUser[] }) {
  return (
    <label className="sign-in-field">
      Sign in as
      <select
        value={session.identity?.email ?? ''}
        onChange={(event) =>
          void session.chooseUser(users.find((u) => u.email === event.target.value) ?? null)
        }
      >
        <option value="">nobody (public fields only)</option>
        {users.map((user) => (
          <option key={user.email} value={user.email}>
            {user.name}, {user.description}
          </option>
        ))}
      </select>
    </label>
  );
}

function TokenSignIn({ session }: { session: Session }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) session.pasteToken(token);
    setToken('');
  };
  return (
    <form className="sign-in-field" onSubmit={submit}>
      <label>
        Bearer token
        <input
          type="password"
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          placeholder="paste a token from your identity provider"
        />
      </label>
      <button type="submit">Use token</button>
      {session.identity && (
        <button type="button" onClick={session.signOut}>
          Sign out
        </button>
      )}
    </form>
  );
}

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });

function statusOf({ identity, error }: Session): string {
  if (error) return error;
  if (!identity) return 'Not signed in: only public fields (service health) answer.';
  const until = identity.expiresAt ? ` until ${timeOf(identity.expiresAt)}` : '';
  return `Signed in as ${identity.label}${until}: requests carry its bearer token.`;
}

export function SignInBar({ session }: { session: Session }) {
  const { mode } = session;
  return (
    <header className="explorer-header">
      <h1>Support graph explorer</h1>
      {mode.kind === 'dev' && <DevSignIn session={session} users={mode.users} />}
      {mode.kind === 'token' && <TokenSignIn session={session} />}
      <p className="sign-in-status" role="status" aria-live="polite">
        {statusOf(session)}
      </p>
    </header>
  );
}
