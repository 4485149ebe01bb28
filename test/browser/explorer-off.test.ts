import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LoneGateway, startLoneGateway } from '../support/lone-gateway';
import { describeInBrowser } from './support/browser-suite';
import { launchChromium } from './support/chromium';
import { recordRequests } from './support/request-log';

// EXPLORER=off: a person opening /graphql reads why there is nothing to explore, and the browser
// is sent nowhere else (Apollo's landing page would load Apollo Sandbox from a CDN).

describeInBrowser('GET /graphql in a browser with EXPLORER=off', () => {
  let gateway: LoneGateway;
  let browser: Browser;
  beforeAll(async () => {
    gateway = await startLoneGateway({ EXPLORER: 'off' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('shows a JSON answer saying the explorer is off, and loads nothing else', async () => {
    const context = await browser.newContext();
    const requests = recordRequests(context);
    const page = await context.newPage();
    const answer = await page.goto(`${gateway.url}/graphql`);
    expect(answer?.status()).toBe(404);
    expect(answer?.headers()['content-type']).toMatch(/^application\/json/);
    expect(await page.locator('body').innerText()).toContain('EXPLORER_OFF');
    expect(await page.locator('body').innerText()).not.toMatch(/Sandbox/);
    expect(requests.urls.filter((url) => !url.endsWith('/favicon.ico'))).toEqual([
      `${gateway.url}/graphql`,
    ]);
  });
});
