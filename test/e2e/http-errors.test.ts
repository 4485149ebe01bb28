import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';

// Requests that never become a GraphQL operation, as a careless client or an attacker sends them,
// on the gateway and on each subgraph. Express decides what its own error page shows from
// NODE_ENV (the stack and install path outside production), so both kinds of process environment
// are tried: the answer is a GraphQL-over-HTTP error either way.

interface Probe {
  name: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number;
  code: string;
}

const json = { 'content-type': 'application/json' };
const huge = JSON.stringify({ query: `{ __typename }${' '.repeat(2 * 1024 * 1024)}` });

const PROBES: Probe[] = [
  { name: 'invalid JSON', headers: json, body: '{"query": ', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a JSON string',
    headers: json,
    body: '"{ __typename }"',
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'a JSON number', headers: json, body: '42', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null', headers: json, body: 'null', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a plain-text body',
    headers: { 'content-type': 'text/plain' },
    body: '{ __typename }',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'no content type',
    body: JSON.stringify({ query: '{ __typename }' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a charset other than UTF-8',
    headers: { 'content-type': 'application/json; charset=latin1' },
    body: JSON.stringify({ query: '{ __typename }' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'an unknown content encoding',
    headers: { ...json, 'content-encoding': 'compress' },
    body: JSON.stringify({ query: '{ __typename }' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a body over the limit',
    headers: json,
    body: huge,
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  { name: 'an unknown route', path: '/admin', method: 'GET', status: 404, code: 'NOT_FOUND' },
  {
    name: 'an unknown route, posted to',
    path: '/wp-login.php',
    headers: json,
    body: '{}',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'PUT on /graphql',
    method: 'PUT',
    headers: json,
    body: '{}',
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  { name: 'DELETE on /graphql', method: 'DELETE', status: 405, code: 'METHOD_NOT_ALLOWED' },
  {
    name: 'POST on /health',
    path: '/health',
    headers: json,
    body: '{}',
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
];

/** Nothing of the server's inside: no stack frame, no file path, no HTML error page. */
const INTERNALS = /node_modules|\/work\/|\/usr\/|\bat [\w.<>]+ \(|\.js:\d+|<html|<pre>|<!DOCTYPE/i;

async function send(base: string, probe: Probe) {
  const response = await fetch(new URL(probe.path ?? '/graphql', base), {
    method: probe.method ?? 'POST',
    headers: probe.headers,
    body: probe.body,
  });
  return { response, text: await response.text() };
}

describe.each(['development', 'production'])('the HTTP layer (NODE_ENV=%s)', (nodeEnv) => {
  let stack: Stack;
  const saved = process.env.NODE_ENV;
  beforeAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    try {
      stack = await startStack('sqlite');
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
  afterAll(() => stack?.stop());

  const targets = () => ({
    gateway: stack.gatewayUrl,
    accounts: stack.subgraphs.accounts.url,
    billing: stack.subgraphs.billing.url,
    cases: stack.subgraphs.cases.url,
  });

  it.each(PROBES)('answers $name with a GraphQL error and its status', async (probe) => {
    for (const [service, base] of Object.entries(targets())) {
      const { response, text } = await send(base, probe);
      const where = `${service}: ${response.status} ${text.slice(0, 200)}`;
      expect(response.status, where).toBe(probe.status);
      expect(response.headers.get('content-type'), where).toMatch(
        /^application\/(graphql-response\+)?json/,
      );
      const body = JSON.parse(text) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors, where).toEqual([
        { message: expect.any(String), extensions: { code: probe.code } },
      ]);
      expect(text, where).not.toMatch(INTERNALS);
    }
  });

  it('answers a JSON object without an operation as Apollo Server does, in JSON', async () => {
    const { response, text } = await send(stack.gatewayUrl, {
      name: 'an empty JSON object',
      headers: json,
      body: '{}',
      status: 400,
      code: 'BAD_REQUEST',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(INTERNALS);
  });

  it('still answers a well-formed request', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
