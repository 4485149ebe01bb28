import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_SERVICE } from '../../lib/viewer/viewer';
import { createViewerTokenCodec, VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import { type Stack, startStack } from '../support/stack';

// How a subgraph reads the bodies the gateway may relay, past the viewer gate. The gateway's own
// fetches (plain "application/json" with a length) take a short path; every other body is read
// by body-parser, as on the gateway. Both must answer alike.

describe('a subgraph reading a GraphQL request body', () => {
  let stack: Stack;
  let viewerContext: string;
  beforeAll(async () => {
    stack = await startStack('sqlite');
    viewerContext = await createViewerTokenCodec(stack.internalSecret).sign(GATEWAY_SERVICE);
  });
  afterAll(() => stack?.stop());

  const post = async (body: string | Buffer, headers: Record<string, string> = {}) => {
    const response = await fetch(stack.subgraphs.billing.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [VIEWER_HEADER]: viewerContext, ...headers },
      body,
    });
    return { status: response.status, json: (await response.json()) as any };
  };
  const operation = JSON.stringify({ query: '{ __typename }' });

  it.each([
    ['plain JSON', operation, {}],
    ['JSON after a byte order mark', `\uFEFF${operation}`, {}],
    [
      'JSON with its charset named',
      operation,
      { 'content-type': 'application/json; charset=utf-8' },
    ],
    ['gzipped JSON', gzipSync(operation), { 'content-encoding': 'gzip' }],
  ])('answers %s', async (_name, body, headers) => {
    expect(await post(body, headers)).toEqual({
      status: 200,
      json: { data: { __typename: 'Query' } },
    });
  });

  it.each([
    ['an empty body', '', 'BAD_REQUEST'],
    ['invalid JSON', '{"query": ', 'BAD_REQUEST'],
    ['a JSON array (a batch)', `[${operation}]`, 'BAD_REQUEST'],
  ])('refuses %s with 400 and a code', async (_name, body, code) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json.errors).toEqual([{ message: expect.any(String), extensions: { code } }]);
  });
});
