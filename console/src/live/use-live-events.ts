import { useApolloClient } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef } from 'react';
import { onConnected, setInterrupted } from './connection-state';

// A live subscription that survives network drops: after a lost socket it subscribes again with
// `after` = the cursor of the last event it handled, so the server replays exactly what was
// missed (nothing missed); events are also keyed by cursor (nothing doubled). Results go through
// Apollo's cache like any response, so every page showing those cases updates.

interface LiveEvent {
  cursor: string;
}

const RETRY_MS = [500, 1_000, 2_000, 5_000];

/**
 * `variables` null: not yet (waiting for the organization id). `pick` must be a stable function
 * (module level): it names the event inside the subscription's data.
 */
export function useLiveEvents<
  TData,
  TVars extends { after?: string | null },
  TEvent extends LiveEvent,
>(
  document: TypedDocumentNode<TData, TVars>,
  variables: Omit<TVars, 'after'> | null,
  pick: (data: TData) => TEvent,
  onEvent: (event: TEvent) => void,
): void {
  const client = useApolloClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (key === 'null') return;
    let cursor: string | null = null;
    let attempt = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = new Set<string>();
    let subscription: { unsubscribe(): void } | undefined;
    const self = Symbol('live subscription');
    const stopListening = onConnected(() => setInterrupted(self, false));

    const start = (resumed: boolean) => {
      // Resumed before any event arrived: no cursor to replay from, so reload what is shown.
      if (resumed && cursor === null) void client.refetchQueries({ include: 'active' });
      subscription = client
        .subscribe({ query: document, variables: { ...JSON.parse(key), after: cursor } as TVars })
        .subscribe({
          next: (result) => {
            if (!result.data) return;
            attempt = 0;
            setInterrupted(self, false);
            const event = pick(result.data as TData);
            if (seen.has(event.cursor)) return;
            seen.add(event.cursor);
            cursor = event.cursor;
            handler.current(event);
          },
          error: () => retry(),
          complete: () => retry(),
        });
    };
    const retry = () => {
      if (stopped) return;
      setInterrupted(self, true);
      timer = setTimeout(() => start(true), RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    };
    start(false);
    return () => {
      stopped = true;
      stopListening();
      setInterrupted(self, false);
      clearTimeout(timer);
      subscription?.unsubscribe();
    };
  }, [client, document, key, pick]);
}
