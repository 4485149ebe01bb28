import { describe, inject } from 'vitest';

/**
 * `describe` for a browser test file: skipped (and reported by the global setup) when Debian's
 * Chromium is not installed, so that a machine without it says so instead of failing or lying.
 */
export const describeInBrowser = describe.skipIf(!inject('chromium'));
