import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../gateway/config';
import { type Stack, startStack } from '../support/stack';

// The gateway serves the built console under /console (gateway/console/console-routes.ts): its
// files, every page path as the app (deep links, reloads), and how people sign in.

describe('the console on the gateway', () => {
  let stack: Stack;
  let origin: string;
  const dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Support console</title>');
    writeFileSync(join(dir, 'assets', 'app-123.js'), 'console.log(1)');
    stack = await startStack('sqlite', { gatewayEnv: { CONSOLE_DIR: dir } });
    origin = new URL(stack.gatewayUrl).origin;
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every page path with the app, and assets as long-lived files', async () => {
    for (const path of ['/console/', '/console/queue', '/console/cases/case-contoso-1']) {
      const page = await fetch(`${origin}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Support console');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await fetch(`${origin}/console/assets/app-123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin}/console/assets/missing.js`)).status).toBe(404);
  });

  it('tells the app to use the development sign-in on the embedded key', async () => {
    const settings = await (await fetch(`${origin}/console/config.json`)).json();
    expect(settings).toEqual({ graphqlPath: '/graphql', signIn: { kind: 'development' } });
  });

  it('uses OpenID Connect when configured, and refuses half a configuration', () => {
    const env = { NODE_ENV: 'test', INTERNAL_SECRET: 'x'.repeat(32), DATA_DIR: dir };
    const oidc = loadGatewayConfig({
      ...env,
      JWT_JWKS_URL: 'https://login.example.com/jwks',
      CONSOLE_OIDC_ISSUER: 'https://login.example.com',
      CONSOLE_OIDC_CLIENT_ID: 'support-console',
    });
    expect(oidc.console.oidc).toEqual({
      issuer: 'https://login.example.com',
      clientId: 'support-console',
      scope: 'openid email profile',
    });
    expect(oidc.devSignIn).toBe(false);
    expect(() =>
      loadGatewayConfig({ ...env, CONSOLE_OIDC_ISSUER: 'https://login.example.com' }),
    ).toThrow(/CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID together/);
  });
});
