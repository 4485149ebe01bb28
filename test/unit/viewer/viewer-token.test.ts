import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../../lib/viewer/viewer';
import { createViewerTokenCodec } from '../../../lib/viewer/viewer-token';

// Subgraphs remember verified viewer contexts: remembering must never let through a token that
// a fresh check would refuse.

const SECRET = 's'.repeat(40);
const alice: Viewer = { ...ANONYMOUS, kind: 'user', userId: 'user-alice', email: 'alice@x' };

describe('viewer context codec', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a token again while it is valid, and refuses it once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const codec = createViewerTokenCodec(SECRET);
    const token = await codec.sign(alice);
    expect(await codec.verify(token)).toEqual(alice);
    expect(await codec.verify(token)).toEqual(alice);
    vi.setSystemTime(Date.now() + (codec.lifetimeSeconds + 1) * 1000);
    await expect(codec.verify(token)).rejects.toThrow();
  });

  it('refuses a token signed with another secret, every time', async () => {
    const codec = createViewerTokenCodec(SECRET);
    const forged = await createViewerTokenCodec('f'.repeat(40)).sign(alice);
    await expect(codec.verify(forged)).rejects.toThrow();
    await expect(codec.verify(forged)).rejects.toThrow();
  });

  it('refuses a verified token whose payload was altered', async () => {
    const codec = createViewerTokenCodec(SECRET);
    const token = await codec.sign(alice);
    await codec.verify(token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.viewer.roles = ['GLOBAL_ADMIN'];
    const altered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expect(codec.verify(altered)).rejects.toThrow();
  });
});
