import { useEffect, useState } from 'react';
import { type DevUser, devSignIn, listDevUsers } from '../auth/dev-sign-in';
import { oidcSignIn } from '../auth/oidc-sign-in';
import type { ConsoleSettings } from '../auth/settings';
import { Link, useLocation } from '../router';
import { Empty, Failure, Loading } from '../ui/states';

export function SignInPage({ settings }: { settings: ConsoleSettings }) {
  const { signIn } = settings;
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to the support console</h1>
      {signIn.kind === 'development' && <DevSignIn />}
      {signIn.kind === 'oidc' && <OidcSignIn settings={signIn} />}
      {signIn.kind === 'none' && (
        <p>Sign-in is not configured on this gateway. Ask its operator to set it up.</p>
      )}
      <p>
        <Link to="/health">Service health</Link> is open to everyone.
      </p>
    </main>
  );
}

function OidcSignIn({
  settings,
}: {
  settings: Extract<ConsoleSettings['signIn'], { kind: 'oidc' }>;
}) {
  const { path, params } = useLocation();
  const [error, setError] = useState<unknown>(null);
  const returnTo = path === '/' ? '/' : `${path}${params.size ? `?${params}` : ''}`;
  return (
    <>
      <button type="button" onClick={() => oidcSignIn(settings, returnTo).catch(setError)}>
        Sign in with your organization
      </button>
      {error ? <Failure error={error} /> : null}
    </>
  );
}

function DevSignIn() {
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    listDevUsers().then(setUsers, setError);
  }, []);
  if (error) return <Failure error={error} />;
  if (!users) return <Loading what="the demo users" />;
  if (users.length === 0) return <Empty>No demo users are seeded.</Empty>;
  const signIn = (email: string) => {
    setBusy(email);
    devSignIn(email).catch((e) => {
      setBusy(null);
      setError(e);
    });
  };
  return (
    <section aria-labelledby="demo-users">
      <h2 id="demo-users">Development: sign in as a demo user</h2>
      <ul className="users">
        {users.map((user) => (
          <li key={user.email}>
            <button type="button" disabled={busy !== null} onClick={() => signIn(user.email)}>
              Sign in as {user.name ?? user.email}
            </button>{' '}
            <span>
              {user.email} — {user.description}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
