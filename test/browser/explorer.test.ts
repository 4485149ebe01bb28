import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCase } from '../support/cases';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { describeInBrowser } from './support/browser-suite';
import { launchChromium } from './support/chromium';
import { expectAccessibleExplorer, responseText, runOperation } from './support/graphiql';
import { type RequestLog, recordRequests } from './support/request-log';
import { screenshot } from './support/screenshots';

// The explorer as a developer meets it: open /graphql in a browser, sign in as a demo user, run
// a query and a live subscription, read the docs; the page talks to nothing but the gateway.

describeInBrowser('the explorer on GET /graphql', () => {
  let app: BrowserStack;
  let browser: Browser;
  let context: BrowserContext;
  let requests: RequestLog;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserStack();
    browser = await launchChromium();
    context = await browser.newContext();
    requests = recordRequests(context);
    page = await context.newPage();
    await page.goto(`${app.origin}/graphql`);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stack.stop();
  });

  it('opens GraphiQL with the sign-in list of the demo users', async () => {
    await expect.poll(() => page.title()).toBe('Support graph explorer');
    const signIn = page.getByLabel('Sign in as');
    await signIn.waitFor();
    expect(await signIn.locator('option').allInnerTexts()).toContain(
      'Alice Jones, Global admin, Contoso',
    );
  });

  it('runs a query as the user signed in', async () => {
    await page.getByLabel('Sign in as').selectOption('alice@contoso.example');
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toContain('Alice Jones (Global admin, Contoso)');
    await runOperation(page);
    await expect.poll(() => responseText(page)).toContain('"email": "alice@contoso.example"');
    expect(await responseText(page)).toContain('"name": "Contoso"');
    await screenshot(page, 'explorer-query');
  });

  it('runs a contract subscription and shows the event a mutation causes', async () => {
    await page.getByRole('button', { name: /CaseEvents/ }).click();
    await runOperation(page);
    // The subscription is live once the gateway holds it; then a case opened elsewhere arrives.
    await expect.poll(() => page.getByRole('button', { name: /Stop/ }).count()).toBe(1);
    // Without a cursor a subscription sees what happens once the gateway listens upstream, a
    // moment after the page shows Stop: as in test/support/live.ts (untilLive), open cases until
    // one arrives.
    let seen: string | null = null;
    for (let attempt = 0; attempt < 10 && !seen; attempt++) {
      const opened = await openCase(app.stack, 'alice@contoso.example', 'org-contoso');
      const arrived = await expect
        .poll(() => responseText(page), { timeout: 2_000 })
        .toContain(`"number": "${opened.number}"`)
        .then(
          () => true,
          () => false,
        );
      if (arrived) seen = opened.number;
    }
    expect(seen, 'an opened case reaches the explorer').not.toBeNull();
    expect(await responseText(page)).toContain('"kind": "OPENED"');
    await screenshot(page, 'explorer-subscription');
  });

  it('shows the schema docs', async () => {
    await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
    await page.getByRole('link', { name: 'Query' }).click();
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').innerText())
      .toContain('serviceHealth(cloud: Cloud!)');
    await screenshot(page, 'explorer-docs');
  });

  it('asks nothing of any other host, and loads its editor workers from the gateway', () => {
    expect(requests.foreign(app.origin)).toEqual([]);
    expect(requests.refused).toEqual([]);
    expect(
      requests.urls.filter((url) => /\/explorer\/assets\/.*worker.*\.js$/.test(url)),
    ).not.toEqual([]);
    expect(requests.urls).toContain(`${app.origin.replace('http', 'ws')}/graphql`);
  });

  it('serves its bundle compressed, and cacheable for good', async () => {
    const html = await (
      await fetch(`${app.origin}/graphql`, { headers: { accept: 'text/html' } })
    ).text();
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const response = await fetch(`${app.origin}${script}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('has no serious accessibility violation of its own, docs or examples open', async () => {
    await expectAccessibleExplorer(page);
    await page.getByRole('button', { name: /Show Contract operations/ }).click();
    await page.getByRole('heading', { name: 'Contract operations' }).waitFor();
    await expectAccessibleExplorer(page);
  });
});
