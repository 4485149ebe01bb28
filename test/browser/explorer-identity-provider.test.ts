import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalJwks, startLocalJwks } from '../support/local-jwks';
import { asNeverSignedIn } from '../support/provisioned-user';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { describeInBrowser } from './support/browser-suite';
import { launchChromium } from './support/chromium';
import { expectAccessibleExplorer, responseText, runOperation } from './support/graphiql';
import { type RequestLog, recordRequests } from './support/request-log';
import { screenshot } from './support/screenshots';

// A gateway that verifies tokens against the organization's identity provider (JWT_JWKS_URL)
// offers no development sign-in: the explorer asks for a bearer token instead, and uses it.

const AUDIENCE = 'support-graph';

describeInBrowser('the explorer when tokens come from an identity provider', () => {
  let idp: LocalJwks;
  let app: BrowserStack;
  let browser: Browser;
  let requests: RequestLog;
  let page: Page;

  beforeAll(async () => {
    idp = await startLocalJwks();
    app = await startBrowserStack({
      gatewayEnv: { JWT_JWKS_URL: idp.url, JWT_ISSUER: idp.issuer, JWT_AUDIENCE: AUDIENCE },
    });
    // Mei was provisioned by her organization and signs in through its provider for the first time.
    await asNeverSignedIn(app.stack, 'mei@tailspin.example');
    browser = await launchChromium();
    const context = await browser.newContext();
    requests = recordRequests(context);
    page = await context.newPage();
    await page.goto(`${app.origin}/graphql`);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stack.stop();
    await idp?.stop();
  });

  it('asks for a bearer token and offers no demo users', async () => {
    await page.getByLabel('Bearer token').waitFor();
    expect(await page.getByLabel('Sign in as').count()).toBe(0);
  });

  it('runs a query with the pasted token', async () => {
    await page.getByLabel('Bearer token').fill(await idp.token('mei@tailspin.example', AUDIENCE));
    await page.getByRole('button', { name: 'Use token' }).click();
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toContain('Signed in as the holder of the pasted token');
    await runOperation(page);
    await expect.poll(() => responseText(page)).toContain('"email": "mei@tailspin.example"');
    await screenshot(page, 'explorer-pasted-token');
  });

  it('stays on the gateway and has no serious accessibility violation', async () => {
    expect(requests.foreign(app.origin)).toEqual([]);
    expect(requests.refused).toEqual([]);
    await expectAccessibleExplorer(page);
  });
});
