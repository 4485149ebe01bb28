import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoneGateway, startLoneGateway } from '../support/lone-gateway';
import { projectOperation } from '../support/project-operations';

// What a browser gets on GET /graphql when the explorer is off: a plain JSON answer saying so,
// never Apollo's landing page (which loads Apollo Sandbox from a CDN). The explorer itself, when
// on, is driven in Chromium by test/browser/explorer.test.ts.

const asBrowser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe.each([
  ['EXPLORER=off', { EXPLORER: 'off' }],
  [
    'production, where it is off by default',
    {
      NODE_ENV: 'production',
      JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
    },
  ],
])('the explorer with %s', (_when, env) => {
  let gateway: LoneGateway;
  beforeAll(async () => {
    gateway = await startLoneGateway(env);
  });
  afterAll(() => gateway?.stop());

  it('answers a browser on /graphql with JSON that says the explorer is off', async () => {
    const response = await fetch(`${gateway.url}/graphql`, { headers: asBrowser });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'EXPLORER_OFF' } });
    expect(body).not.toMatch(/<html|sandbox|apollographql|cdn/i);
  });

  it('serves none of its files', async () => {
    const response = await fetch(`${gateway.url}/explorer/index.html`, { headers: asBrowser });
    expect(response.status).toBe(404);
  });

  it('still answers GraphQL over GET to a client that asks for JSON', async () => {
    const response = await fetch(
      `${gateway.url}/graphql?query=${encodeURIComponent(projectOperation('Typename'))}`,
      {
        headers: {
          accept: 'application/graphql-response+json',
          'apollo-require-preflight': 'true',
        },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
