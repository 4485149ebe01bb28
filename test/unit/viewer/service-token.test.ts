import { afterEach, describe, expect, it, vi } from 'vitest';
import { reuseWindowMs, serviceTokenSource } from '../../../lib/viewer/service-token';
import { createViewerTokenCodec } from '../../../lib/viewer/viewer-token';

const codec = createViewerTokenCodec('a-test-secret-of-at-least-32-characters');

describe('the service token', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is reused for half its life, then signed again', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
    const token = serviceTokenSource(codec);
    const first = await token();
    expect(await token()).toBe(first);
    vi.setSystemTime(Date.now() + reuseWindowMs(codec) - 1_000);
    expect(await token()).toBe(first);
    vi.setSystemTime(Date.now() + 2_000);
    const renewed = await token();
    expect(renewed).not.toBe(first);
    expect((await codec.verify(renewed)).kind).toBe('service');
  });
});
