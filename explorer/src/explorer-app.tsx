import { GraphiQL } from 'graphiql';
import { useMemo, useRef } from 'react';
import { EXAMPLES } from './examples';
import { examplesPlugin } from './examples-plugin';
import { createExplorerFetcher } from './fetcher';
import { useSession } from './session';
import { SignInBar } from './sign-in-bar';

const WELCOME = `# The support graph explorer.
#
# Sign in above, then run an operation with the play button (Ctrl-Enter).
# "Contract operations" in the sidebar opens every operation our clients send;
# the docs (book icon) describe the whole schema. Subscriptions run over a websocket.
`;

const viewer = EXAMPLES.find((e) => e.name === 'Viewer');

export function ExplorerApp() {
  const session = useSession();
  // One fetcher for the page's life: it reads the current token on every request.
  const token = useRef<string | null>(null);
  token.current = session.identity?.token ?? null;
  const fetcher = useMemo(() => createExplorerFetcher(() => token.current), []);
  return (
    <div className="explorer">
      <SignInBar session={session} />
      <main className="explorer-main">
        <GraphiQL
          fetcher={fetcher}
          plugins={[examplesPlugin]}
          visiblePlugin={examplesPlugin}
          defaultQuery={`${WELCOME}\n${viewer?.query ?? '{ __typename }'}`}
          defaultEditorToolsVisibility="variables"
        />
      </main>
    </div>
  );
}
