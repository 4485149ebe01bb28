import { useApolloClient } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef } from 'react';
import { setLiveState } from './connection-state';

// A live subscription that survives network drops: after a lost socket it subscribes again with
// `after` = the cursor of the last event it handled, so the server replays exactly what was
// missed (nothing missed); events are also keyed by cursor (nothing doubled). Results go through
// Apollo's cache like any response, so every page showing those cases updates.

interface LiveEvent {
  cursor: string;
}

const RETRY_MS = [500, 1_000, 2_000, 5_000];

export function useLiveEvents<TData, TVars extends { after?: string | null }>(
  document: TypedDocumentNode<TData, TVars>,
  variables: Omit<TVars, 'after'> | null,
  pick: (data: TData) => LiveEvent,
  onEvent: (event: ReturnType<typeof pick> & TData[keyof TData]) => void,
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

    const start = () => {
      subscription = client
        .subscribe({ query: document, variables: { ...JSON.parse(key), after: cursor } as TVars })
        .subscribe({
          next: (result) => {
            if (!result.data) return;
            attempt = 0;
            setLiveState('live');
            const event = pick(result.data as TData);
            if (seen.has(event.cursor)) return;
            seen.add(event.cursor);
            cursor = event.cursor;
            handler.current(event as never);
          },
          error: () => retry(),
          complete: () => retry(),
        });
    };
    const retry = () => {
      if (stopped) return;
      setLiveState('reconnecting');
      timer = setTimeout(start, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    };
    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      subscription?.unsubscribe();
    };
  }, [client, document, key, pick]);
}
