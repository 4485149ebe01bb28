import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { describeInBrowser } from './support/browser-suite';
import { launchChromium } from './support/chromium';
import { openConsole, signInAs } from './support/console-pages';
import { screenshot } from './support/screenshots';

// The 21Vianet engineer takes a call from an unregistered number: the code goes to Northwind's
// registered e-mail (the notifier's outbox here), the caller reads it back, the account opens.

describeInBrowser('support console: verifying a caller from the queue', () => {
  let running: BrowserStack;
  let browser: Browser;
  beforeAll(async () => {
    running = await startBrowserStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stack.stop();
  });

  const lastCodeSentTo = (to: string): string | undefined => {
    const path = join(running.stack.dataDir, 'outbox.jsonl');
    if (!existsSync(path)) return undefined;
    const sent = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { to: string; body: string })
      .filter((message) => message.to === to);
    return /(\d{6})/.exec(sent.at(-1)?.body ?? '')?.[1];
  };

  it('starts the PIN verification, confirms the code, then shows the contacts and subscriptions', async () => {
    const { page } = await openConsole(browser, running.origin, { timezoneId: 'Asia/Shanghai' });
    await signInAs(page, 'engineer@support.21vianet.example');
    await page.getByRole('heading', { level: 1, name: 'Support queue' }).waitFor();
    await page.locator('tr[data-case-number]').first().waitFor();
    await page.getByLabel('Organization id').fill('org-northwind');
    await page.getByLabel('Number the caller rings from').fill('+86 139 0000 1111');
    await page.getByRole('button', { name: 'Start verification' }).click();
    await page.getByText('A code was sent to i***@northwind.example').waitFor();

    await page
      .getByLabel('Code')
      .fill('000000' === lastCodeSentTo('it@northwind.example') ? '000001' : '000000');
    await page.getByRole('button', { name: 'Confirm the code' }).click();
    await page
      .getByRole('alert')
      .getByText(/wrong.*attempts left/)
      .waitFor();

    await page.getByLabel('Code').fill(lastCodeSentTo('it@northwind.example')!);
    await page.getByRole('button', { name: 'Confirm the code' }).click();
    await page.getByText(/^Caller verified until/).waitFor();
    const account = page.getByRole('definition').filter({ hasText: 'it@northwind.example' });
    await account.waitFor();
    expect(await page.getByText(/Office 365 E3/).count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page);
    await screenshot(page, 'console-support-queue-verified');
  });
});
