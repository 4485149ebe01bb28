import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { describeInBrowser } from './support/browser-suite';
import { launchChromium } from './support/chromium';
import { openConsole, signInAs } from './support/console-pages';

// An admin's actions on the cases of the support picture: reopen within the 14-day window, close,
// and the survey of the closure.

describeInBrowser("support console: an admin's case actions", () => {
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

  it('reopens a recently closed case, closes it again and answers the survey', async () => {
    const { page } = await openConsole(browser, running.origin);
    await signInAs(page, 'alice@contoso.example');
    const reopenLink = page.getByRole('link', { name: /^Reopen GL-/ }).first();
    await reopenLink.click();
    const reopen = page.getByRole('form', { name: 'Reopen' });
    await reopen.getByLabel('Why reopen it?').fill('The install fails again on two laptops.');
    await reopen.getByRole('button', { name: 'Reopen the case' }).click();
    await page.getByTestId('case-status').getByText('Open').waitFor();

    await page.getByRole('button', { name: 'Close the case' }).click();
    await page.getByTestId('case-status').getByText('Closed').waitFor();
    const survey = page.getByRole('form', { name: 'How did we do?' });
    await survey.getByLabel(/^Rating/).selectOption('4');
    await survey.getByLabel('Comment (optional)').fill('Quick, thanks.');
    await survey.getByRole('button', { name: 'Send the survey' }).click();
    await page.getByText('Survey: 4 of 5 — Quick, thanks.').waitFor();
    expect(await page.getByRole('form', { name: 'How did we do?' }).count()).toBe(0);
    await expectNoSeriousViolations(page);
  });
});
