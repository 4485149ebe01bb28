import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface AxeOptions {
  /** CSS selectors axe leaves out, each with the reason in the caller's comment. */
  exclude?: string[];
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now; fails on serious or critical. */
export async function expectNoSeriousViolations(
  page: Page,
  options: AxeOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
    );
  expect(serious, `axe-core on ${page.url()}`).toEqual([]);
}
