import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../lib/demo/demo-tenants';
import { type LoneGateway, startLoneGateway } from '../support/lone-gateway';
import { contractDocument } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

const signIn = (origin: string, body: string, contentType = 'application/json') =>
  fetch(`${origin}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });

describe('development sign-in on the embedded development key', () => {
  let stack: Stack;
  let origin: string;
  beforeAll(async () => {
    stack = await startStack('sqlite');
    origin = new URL(stack.gatewayUrl).origin;
  });
  afterAll(() => stack?.stop());

  it('lists every demo user with a name and what they are', async () => {
    const response = await fetch(`${origin}/auth/dev/users`);
    expect(response.status).toBe(200);
    const users = (await response.json()) as { email: string; description: string }[];
    expect(users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(users).toContainEqual({
      email: 'alice@contoso.example',
      name: 'Alice Jones',
      description: 'Global admin, Contoso',
    });
    expect(users).toContainEqual(
      expect.objectContaining({
        email: 'agent@litware.example',
        description: 'Partner agent, Litware',
      }),
    );
    expect(users).toContainEqual(
      expect.objectContaining({
        email: 'engineer@support.21vianet.example',
        description: 'Support engineer, 21Vianet support',
      }),
    );
  });

  it('signs a token the gateway accepts as that user, valid for hours', async () => {
    const response = await signIn(origin, JSON.stringify({ email: 'Alice@Contoso.example' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    const hoursLeft = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(7.9);
    expect(hoursLeft).toBeLessThanOrEqual(8);
    const viewer = await stack.query(
      contractDocument('Viewer'),
      {},
      {
        operationName: 'Viewer',
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(viewer.data?.viewer).toMatchObject({ email: 'alice@contoso.example', id: 'user-alice' });
  });

  it('refuses a form post, which a foreign page could send without asking', async () => {
    const response = await signIn(
      origin,
      'email=alice@contoso.example',
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('refuses someone who is not a demo user, and a body that is not JSON, without a stack', async () => {
    const stranger = await signIn(origin, JSON.stringify({ email: 'mallory@evil.example' }));
    expect(stranger.status).toBe(400);
    expect(await stranger.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    const garbled = await signIn(origin, '{"email":');
    expect(garbled.status).toBe(400);
    const text = await garbled.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(text).not.toMatch(/node_modules|at \w+ \(/);
  });
});

describe.each([
  ['tokens are verified against JWT_JWKS_URL', { JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }],
  [
    'the gateway runs in production',
    { NODE_ENV: 'production', JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json' },
  ],
])('no development sign-in when %s', (_when, env) => {
  let gateway: LoneGateway;
  beforeAll(async () => {
    gateway = await startLoneGateway(env);
  });
  afterAll(() => gateway?.stop());

  it('has neither the user list nor the token endpoint', async () => {
    const users = await fetch(`${gateway.url}/auth/dev/users`);
    expect(users.status).toBe(404);
    expect(await users.text()).not.toContain('alice@contoso.example');
    const token = await signIn(gateway.url, JSON.stringify({ email: 'alice@contoso.example' }));
    expect(token.status).toBe(404);
    expect(await token.text()).not.toMatch(/eyJ/);
  });
});
