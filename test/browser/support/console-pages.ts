import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A person in their own browser context (own storage, own time zone), on the console. */
export interface ConsoleUser {
  context: BrowserContext;
  page: Page;
}

export async function openConsole(
  browser: Browser,
  origin: string,
  options: { timezoneId?: string; viewport?: { width: number; height: number } } = {},
): Promise<ConsoleUser> {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: options.timezoneId ?? 'America/Los_Angeles',
    viewport: options.viewport ?? { width: 1100, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${origin}/console/`);
  return { context, page };
}

/** Development sign-in, as a person does it: the demo user's button on the sign-in page. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.locator('li', { hasText: email }).getByRole('button').click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Follows a link of the page's navigation, as a keyboard user would (focus, Enter). */
export async function goTo(page: Page, linkName: string): Promise<void> {
  const link = page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: linkName });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/**
 * The README's pictures of the console (docs/), rewritten only when DOCS_SCREENSHOTS=1 so that a
 * test run leaves the working tree clean: the top of the page, at a width a README shows whole.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.DOCS_SCREENSHOTS !== '1') return;
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 820, height: 640 });
  await page.screenshot({ path: `docs/${name}.png`, scale: 'css' });
  if (viewport) await page.setViewportSize(viewport);
}
