import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALICE, GLOBAL_ENGINEER as ENGINEER } from '../support/demo-users';
import { expectNoSeriousViolations } from './support/accessibility';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { describeInBrowser } from './support/browser-suite';
import { launchChromium } from './support/chromium';
import {
  type ConsoleUser,
  docsScreenshot,
  goTo,
  openConsole,
  signInAs,
} from './support/console-pages';
import { screenshot } from './support/screenshots';

// The console's case pages in Chromium against the real stack: alice (Contoso) opens a case, the
// Microsoft engineer answers it from the live queue, and alice's page follows without a reload.

describeInBrowser('support console: a case from opening to first response', () => {
  let running: BrowserStack;
  let browser: Browser;
  let alice: ConsoleUser;
  let engineer: ConsoleUser;
  let caseNumber: string;
  let caseUrl: string;

  beforeAll(async () => {
    running = await startBrowserStack();
    browser = await launchChromium();
    alice = await openConsole(browser, running.origin, { timezoneId: 'America/Los_Angeles' });
    engineer = await openConsole(browser, running.origin, { timezoneId: 'Asia/Shanghai' });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stack.stop();
  });

  it('(a) alice opens a case, sees the expected response first, then the case in her list with a running clock', async () => {
    const { page } = alice;
    await expectNoSeriousViolations(page);
    await screenshot(page, 'console-sign-in');
    await signInAs(page, ALICE);
    await page.getByRole('heading', { name: 'Support picture: Contoso' }).waitFor();
    await goTo(page, 'Open a case');
    await page.getByLabel('Topic (the service or area)').fill('Exchange Online');
    await page.getByLabel('Title').fill('Mail flow stopped for the sales team');
    await page.getByLabel('Description').fill('No mail since 9:00; NDRs mention a connector.');
    await page.getByLabel(/A — critical/).check();
    await page.getByLabel('Contact phone').fill('+1 425 555 0100');
    // Before submitting: the promise for a technical severity A case, with its due time and zone.
    const expected = page.getByRole('region', { name: 'Expected response' });
    await expected.getByText(/due .*PST|due .*PDT/).waitFor();
    expect(await expected.textContent()).toMatch(/1 hour/);
    await expectNoSeriousViolations(page);
    await screenshot(page, 'console-open-case');
    // The first submit reaches the gateway but its answer is lost on the way back; the retry
    // (a double click, even) sends the same idempotency key: one case.
    let lost = false;
    await page.route('**/graphql', async (route) => {
      if (lost || !route.request().postData()?.includes('ConsoleOpenCase')) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page
      .getByRole('alert')
      .getByText(/could not be reached/)
      .waitFor();
    await page.getByRole('button', { name: 'Open the case' }).dblclick();
    const title = page.getByRole('heading', { level: 1, name: /Mail flow stopped/ });
    await title.waitFor();
    caseNumber = ((await title.textContent()) ?? '').split(':')[0];
    caseUrl = page.url();
    await page.unrouteAll();
    expect(caseNumber).toMatch(/^GL-\d+$/);

    await goTo(page, 'Support picture');
    const row = page.locator(`tr[data-case-number="${caseNumber}"]`);
    await row.waitFor();
    // The lost answer, its retry and the double click opened one case.
    expect(
      await page.locator('tr', { hasText: 'Mail flow stopped for the sales team' }).count(),
    ).toBe(1);
    expect(await row.locator('[data-clock-state]').getAttribute('data-clock-state')).toBe(
      'RUNNING',
    );
    // The clock counts down: the time left changes as seconds pass.
    const left = row.getByTestId('time-left');
    const before = await left.textContent();
    expect(before).toMatch(/\d+ s left/);
    await page.waitForFunction(
      ([selector, text]) =>
        (globalThis as any).document.querySelector(selector)?.textContent !== text,
      [`tr[data-case-number="${caseNumber}"] [data-testid="time-left"]`, before] as const,
    );
    await expectNoSeriousViolations(page);
    await screenshot(page, 'console-support-picture');
    await docsScreenshot(page, 'console-support-picture');
  });

  it("(b) the engineer sees it arrive live in the queue and responds; alice's clock turns MET without a reload", async () => {
    await engineer.page.goto(`${running.origin}/console/`);
    await signInAs(engineer.page, ENGINEER);
    await engineer.page.getByRole('heading', { name: 'Support queue' }).waitFor();
    // alice opens a second case now, while the queue is on screen: it must appear by itself.
    const second = await running.stack.contract(
      'OpenCase',
      {
        input: {
          organizationId: 'org-contoso',
          category: 'TECHNICAL',
          topic: 'SharePoint Online',
          title: 'Team site returns 503',
          description: 'The sales team site answers 503 since noon.',
          severity: 'A',
          contact: { phone: '+1 425 555 0100', email: ALICE, preferredMethod: 'EMAIL' },
        },
      },
      ALICE,
    );
    expect(second.errors).toBeUndefined();
    await engineer.page.locator(`tr[data-case-number="${second.data!.openCase.number}"]`).waitFor();
    await engineer.page
      .getByRole('list', { name: 'Latest alerts' })
      .getByText(`Case opened: ${second.data!.openCase.number}`)
      .waitFor();
    await expectNoSeriousViolations(engineer.page);
    await screenshot(engineer.page, 'console-support-queue');
    await docsScreenshot(engineer.page, 'console-support-queue');

    await alice.page.goto(caseUrl);
    const clock = alice.page.getByTestId('case-clock').locator('[data-clock-state]');
    await clock.waitFor();
    expect(await clock.getAttribute('data-clock-state')).toBe('RUNNING');
    const navigations: string[] = [];
    alice.page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await engineer.page.getByRole('link', { name: new RegExp(`^${caseNumber}:`) }).click();
    await engineer.page
      .getByLabel('Note', { exact: true })
      .fill('We are on it: the connector certificate expired.');
    await engineer.page.getByRole('button', { name: 'Send response' }).click();

    await alice.page.waitForSelector('[data-testid="case-clock"] [data-clock-state="MET"]');
    await alice.page.getByText('the connector certificate expired').waitFor();
    expect(navigations).toEqual([]);
    await expectNoSeriousViolations(alice.page);
    await screenshot(alice.page, 'console-case-detail');
    await expectNoSeriousViolations(engineer.page);
    await screenshot(engineer.page, 'console-case-detail-engineer');
  });

  it('(e) the case page survives a dropped websocket: it says so, then shows the missed events once', async () => {
    const { page } = alice;
    const sockets: WebSocketRoute[] = [];
    let refuse = false;
    // Every socket of alice's page goes through here: we can cut it, and refuse new ones.
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (refuse) return void socket.close({ code: 1011, reason: 'network down (test)' });
      sockets.push(socket);
      socket.connectToServer();
    });
    await page.reload();
    await page.getByTestId('case-clock').waitFor();
    const caseId = decodeURIComponent(new URL(caseUrl).pathname.split('/').pop()!);
    const asEngineer = (operation: string, variables: Record<string, unknown>) =>
      running.stack.contract(operation, variables, ENGINEER);
    // A first live event gives the page a cursor to resume from. The subscription becomes
    // active on the server a moment after the page sends it: repeat until one arrives.
    await expect
      .poll(
        async () => {
          const body = `Renewing the certificate now (${Date.now()}).`;
          expect((await asEngineer('AddCaseNote', { caseId, body })).errors).toBeUndefined();
          return page
            .getByText(body)
            .waitFor({ timeout: 2_000 })
            .then(
              () => true,
              () => false,
            );
        },
        { timeout: 20_000 },
      )
      .toBe(true);

    refuse = true;
    for (const socket of sockets) await socket.close({ code: 1011, reason: 'dropped (test)' });
    await page
      .getByRole('status')
      .getByText(/reconnecting/i)
      .waitFor();
    await screenshot(page, 'console-case-reconnecting');
    // What happens while alice's page is cut off.
    expect(
      (await asEngineer('SetCaseStatus', { caseId, status: 'WAITING_ON_CUSTOMER' })).errors,
    ).toBeUndefined();
    expect(
      (await asEngineer('AddCaseNote', { caseId, body: 'Please restart Outlook.' })).errors,
    ).toBeUndefined();

    refuse = false;
    await page.getByText('Please restart Outlook.').waitFor({ timeout: 15_000 });
    await page.getByText(/Status changed/).waitFor();
    await page.locator('.banner.reconnecting').waitFor({ state: 'detached' });
    const timeline = page.getByRole('list', { name: 'Timeline' });
    expect(await timeline.getByText('Please restart Outlook.').count()).toBe(1);
    expect(await timeline.getByText(/Status changed/).count()).toBe(1);
    expect(await page.getByTestId('case-status').textContent()).toBe('Waiting on customer');
  });
});
