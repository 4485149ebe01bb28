import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { sendSharedFrames, sharedFrame } from '../../../../gateway/live/shared-frames';

// Over a real websocket: what graphql-ws' own stringifyMessage produces with the stand-in reaches
// the client as the message graphql-ws would have sent, and other messages pass untouched.

let wss: WebSocketServer;
let server: WebSocket;
let client: WebSocket;
const received: string[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection');
  client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  client.on('message', (data, binary) => {
    expect(binary).toBe(false);
    received.push(String(data));
  });
  [server] = (await accepted) as [WebSocket];
  sendSharedFrames(server);
});

afterAll(async () => {
  client.close();
  await new Promise((done) => wss.close(done));
});

/** What graphql-ws' emit.next sends, given what onNext answered. */
function next(id: string, result: ExecutionResult): void {
  const payload = sharedFrame(server, id, result);
  server.send(stringifyMessage({ id, type: MessageType.Next, payload }));
}

async function messages(count: number): Promise<unknown[]> {
  while (received.length < count) await new Promise((r) => setTimeout(r, 10));
  return received.splice(0, count).map((m) => JSON.parse(m));
}

describe('shared frames', () => {
  it('sends one encoded result to several subscriptions as graphql-ws would', async () => {
    const result: ExecutionResult = { data: { caseEvents: { cursor: 'c1', note: 'é "quoted"' } } };
    next('a"1', result);
    next('b', result);
    expect(await messages(2)).toEqual([
      { id: 'a"1', type: 'next', payload: result },
      { id: 'b', type: 'next', payload: result },
    ]);
  });

  it('formats errors through toJSON, with their codes', async () => {
    const error = new GraphQLError('Too slow', { extensions: { code: 'RATE_LIMITED' } });
    next('c', { errors: [error] });
    expect(await messages(1)).toEqual([
      {
        id: 'c',
        type: 'next',
        payload: { errors: [{ message: 'Too slow', extensions: { code: 'RATE_LIMITED' } }] },
      },
    ]);
  });

  it('keeps sending the right frames to a socket that subscribes again and again', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `sub-${i}`);
    for (const id of ids) next(id, { data: { n: id } });
    next('sub-0', { data: { n: 'again' } });
    expect(await messages(151)).toEqual([
      ...ids.map((id) => ({ id, type: 'next', payload: { data: { n: id } } })),
      { id: 'sub-0', type: 'next', payload: { data: { n: 'again' } } },
    ]);
  });

  it('passes other messages untouched', async () => {
    server.send(stringifyMessage({ id: 'd', type: MessageType.Complete }));
    expect(await messages(1)).toEqual([{ id: 'd', type: 'complete' }]);
  });
});
