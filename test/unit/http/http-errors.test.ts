import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpErrorHandler, routeNotFound } from '../../../lib/http/http-errors';

// What the last handler of every app answers for failures no route planned for: a client's
// mistake keeps its 4xx status, a bug is logged and answered 500, both as GraphQL over HTTP.

describe('httpErrorHandler', () => {
  let server: Server;
  let base: string;
  const logged: Record<string, any>[] = [];
  beforeAll(async () => {
    const log = pino(
      { level: 'error' },
      { write: (line: string) => logged.push(JSON.parse(line)) },
    );
    const app = express();
    app.get('/bug', () => {
      throw new TypeError('Cannot read properties of undefined (reading "secret")');
    });
    app.get('/refused', () => {
      throw Object.assign(new Error('Failed to decode param'), { status: 400 });
    });
    app.use(routeNotFound, httpErrorHandler(log));
    server = createServer(app);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('hides a bug behind INTERNAL_SERVER_ERROR and logs it with its stack', async () => {
    const response = await fetch(`${base}/bug`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(text).not.toMatch(/secret|TypeError|\.ts:\d+/);
    expect(logged.at(-1)?.err?.stack).toContain('TypeError');
  });

  it('keeps the 4xx status of a client mistake, without its internal message', async () => {
    const response = await fetch(`${base}/refused`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: unknown }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(body)).not.toMatch(/decode param/);
  });
});
