import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

// A real websocket on loopback for the gateway's live writers: the server side (and the HTTP
// request it upgraded, whose TCP socket the writers also use) and a ws client that collects the
// text messages it receives. Uncompressed, as the gateway serves (gateway/live/ws-endpoint.ts).

export interface WsPair {
  server: WebSocket;
  request: IncomingMessage;
  client: WebSocket;
  /** The next `count` text messages the client received (fewer if it closed first). */
  messages(count: number): Promise<string[]>;
  /** The close code the client saw (1002 for a protocol error), null while open. */
  closeCode(): number | null;
  close(): Promise<void>;
}

export async function openWsPair(): Promise<WsPair> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection');
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const received: string[] = [];
  let closed: number | null = null;
  client.on('message', (data, binary) => {
    expect(binary).toBe(false);
    received.push(String(data));
  });
  client.on('close', (code) => {
    closed = code;
  });
  const [server, request] = (await accepted) as [WebSocket, IncomingMessage];
  return {
    server,
    request,
    client,
    async messages(count) {
      while (received.length < count && closed === null) await new Promise((r) => setTimeout(r, 5));
      return received.splice(0, count);
    },
    closeCode: () => closed,
    close: async () => {
      client.terminate();
      await new Promise((done) => wss.close(done));
    },
  };
}
