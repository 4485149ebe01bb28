import { type Client, createClient, type Sink, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import { isConnectionLost } from '../../lib/federation/subgraph-availability';
import { VIEWER_HEADER } from '../../lib/viewer/viewer-token';

// A bounded set of graphql-ws connections from the gateway to each subgraph, whatever the number
// of clients: at most `size` per subgraph, each carrying many subscriptions. A connection
// authenticates as the gateway itself (its signed service identity, as for /internal calls);
// every subscription carries its own user's signed viewer context in its extensions.
//
// Connections are lazy: opened with the first subscription placed on them, closed with the
// last. One that drops fails its subscriptions (the caller says "resume with your last cursor")
// and is replaced by a fresh client, so new subscriptions reconnect.

export interface UpstreamPoolOptions {
  /** GraphQL HTTP URL of each subgraph; its websocket is the same URL with ws(s). */
  urls: Record<string, string>;
  size: number;
  /** The gateway's signed service identity (fresh enough to verify when a connection opens). */
  credentials: () => Promise<string>;
  onConnectionsChange?: (subgraph: string, delta: 1 | -1) => void;
  onSubscriptionsChange?: (subgraph: string, delta: 1 | -1) => void;
}

interface Slot {
  client: Client;
  active: number;
}

export interface UpstreamPool {
  /** Opens one subscription as `viewerToken`; returns its unsubscribe. */
  subscribe(
    subgraph: string,
    payload: Omit<SubscribePayload, 'extensions'>,
    viewerToken: string,
    sink: Sink,
  ): () => void;
  dispose(): Promise<void>;
}

export function createUpstreamPool(options: UpstreamPoolOptions): UpstreamPool {
  const slots = new Map<string, Slot[]>();

  function connect(subgraph: string): Slot {
    let connected = false;
    const slot: Slot = { active: 0, client: undefined as unknown as Client };
    slot.client = createClient({
      url: options.urls[subgraph]!.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: async () => ({ [VIEWER_HEADER]: await options.credentials() }),
      on: {
        connected: () => {
          connected = true;
          options.onConnectionsChange?.(subgraph, 1);
        },
        closed: () => {
          if (connected) options.onConnectionsChange?.(subgraph, -1);
          connected = false;
        },
      },
    });
    return slot;
  }

  /** The least busy connection, opening a new one while under the bound. */
  function pick(subgraph: string): Slot {
    const list = slots.get(subgraph) ?? [];
    slots.set(subgraph, list);
    const idle = list.find((s) => s.active === 0);
    if (idle) return idle;
    if (list.length < options.size) {
      const slot = connect(subgraph);
      list.push(slot);
      return slot;
    }
    return list.reduce((a, b) => (b.active < a.active ? b : a));
  }

  /** After a dropped connection, new subscriptions get a fresh client in its place. */
  function replace(subgraph: string, slot: Slot): void {
    const list = slots.get(subgraph)!;
    const at = list.indexOf(slot);
    if (at < 0) return;
    list.splice(at, 1);
    void slot.client.dispose();
  }

  return {
    subscribe(subgraph, payload, viewerToken, sink) {
      const slot = pick(subgraph);
      slot.active++;
      options.onSubscriptionsChange?.(subgraph, 1);
      let open = true;
      const release = () => {
        if (!open) return;
        open = false;
        slot.active--;
        options.onSubscriptionsChange?.(subgraph, -1);
      };
      const unsubscribe = slot.client.subscribe(
        { ...payload, extensions: { [VIEWER_HEADER]: viewerToken } },
        {
          next: (value) => sink.next(value),
          error: (error) => {
            release();
            if (isConnectionLost(error)) replace(subgraph, slot);
            sink.error(error);
          },
          complete: () => {
            release();
            sink.complete();
          },
        },
      );
      return () => {
        release();
        unsubscribe();
      };
    },
    async dispose() {
      const all = [...slots.values()].flat();
      slots.clear();
      await Promise.all(all.map((s) => s.client.dispose()));
    },
  };
}
