import { ApolloProvider } from '@apollo/client/react';
import { type ReactElement, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createApolloClient } from './api/client';
import { completeOidcSignIn, isOidcCallback } from './auth/oidc-sign-in';
import { onSessionChange, parseSession, sessionSnapshot } from './auth/session';
import { type ConsoleSettings, loadSettings } from './auth/settings';
import { SignedIn } from './layout';
import { ServiceHealthPage } from './pages/service-health';
import { SignInPage } from './pages/sign-in';
import { navigate, useLocation } from './router';
import { Failure, Loading } from './ui/states';

export function App() {
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadSettings().then(setSettings, setError);
  }, []);
  if (error) return <Failure error={error} retry={() => window.location.reload()} />;
  if (!settings) return <Loading what="the console" />;
  return <Console settings={settings} />;
}

const useSession = () => parseSession(useSyncExternalStore(onSessionChange, sessionSnapshot));

function Console({ settings }: { settings: ConsoleSettings }) {
  const client = useMemo(() => createApolloClient(settings.graphqlPath), [settings]);
  const session = useSession();
  const { path } = useLocation();
  // The next person must not see the previous one's cached data.
  useEffect(
    () =>
      onSessionChange((next) => {
        if (!next) void client.clearStore();
      }),
    [client],
  );

  let page: ReactElement;
  if (isOidcCallback(path) && settings.signIn.kind === 'oidc') {
    page = <OidcCallback settings={settings.signIn} />;
  } else if (path === '/health') {
    page = session ? (
      <SignedIn />
    ) : (
      <main id="main">
        <ServiceHealthPage />
      </main>
    );
  } else if (!session) {
    page = <SignInPage settings={settings} />;
  } else {
    page = <SignedIn />;
  }
  return <ApolloProvider client={client}>{page}</ApolloProvider>;
}

type OidcSettings = Extract<ConsoleSettings['signIn'], { kind: 'oidc' }>;

function OidcCallback({ settings }: { settings: OidcSettings }) {
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    completeOidcSignIn(settings).then((to) => navigate(to, { replace: true }), setError);
  }, [settings]);
  return error ? <Failure error={error} /> : <Loading what="your sign-in" />;
}
