import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

// Debian's Chromium, never a downloaded one (`playwright install` cannot work offline).
export const CHROMIUM_PATH = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const chromiumInstalled = (): boolean => existsSync(CHROMIUM_PATH);

/**
 * A fresh browser: Playwright gives every launch its own temporary user-data-dir (deleted on
 * close), so no profile, cache or stored token leaks from one test file into another.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}
