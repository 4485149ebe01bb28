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

// The 21Vianet engineer's work: a call from an unregistered number (the code goes to Northwind's
// registered e-mail, the notifier's outbox here; the caller reads it back; the account opens), and
// a case's severity lowered with a reason and its status changed.

describeInBrowser("support console: the support engineer's work", () => {
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

  it('lowers a severity with a reason and changes the status from the case page', async () => {
    const opened = await running.stack.contract(
      'OpenCase',
      {
        input: {
          organizationId: 'org-northwind',
          category: 'TECHNICAL',
          topic: 'Exchange Online',
          title: 'Calendar sharing fails with partners',
          description: 'Free/busy of partner mailboxes shows no information.',
          severity: 'B',
          contact: {
            phone: '+86 10 5555 0101',
            email: 'wei@northwind.example',
            preferredMethod: 'PHONE',
          },
        },
      },
      'wei@northwind.example',
    );
    expect(opened.errors).toBeUndefined();
    const { page } = await openConsole(browser, running.origin, { timezoneId: 'Asia/Shanghai' });
    await signInAs(page, 'engineer@support.21vianet.example');
    await page.getByRole('link', { name: new RegExp(`^${opened.data!.openCase.number}:`) }).click();
    const lower = page.getByRole('form', { name: 'Lower the severity' });
    await lower.getByLabel('Lower to').selectOption('C');
    await lower.getByLabel('Reason').fill('Only two users are affected.');
    await lower.getByRole('button', { name: 'Lower severity' }).click();
    await page.getByRole('list', { name: 'Timeline' }).getByText('Severity B → C').waitFor();
    await page.getByText('Only two users are affected.').waitFor();

    const status = page.getByRole('form', { name: 'Change status' });
    await status.getByLabel('New status').selectOption('IN_PROGRESS');
    await status.getByRole('button', { name: 'Change status' }).click();
    await page.getByTestId('case-status').getByText('In progress').waitFor();
    await expectNoSeriousViolations(page);
    await screenshot(page, 'console-case-detail-engineer-actions');
  });
});
