import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '../../../gateway/auth/token-verifier';
import { cacheVerifiedTokens } from '../../../gateway/auth/verified-token-cache';
import { type DevJwtKey, ensureDevJwtKey } from '../../../lib/config/dev-secrets';
import { signDevToken } from '../../../lib/config/dev-token';

const jwt = { issuer: 'test-issuer', audience: 'test-audience', jwksUrl: null } as const;

describe('cacheVerifiedTokens', () => {
  let key: DevJwtKey;
  let counted: TokenVerifier;
  let checks = 0;
  beforeAll(async () => {
    const devKeyFile = join(mkdtempSync(join(tmpdir(), 'token-cache-')), 'key.json');
    key = await ensureDevJwtKey(devKeyFile);
    const verify = await createTokenVerifier({ ...jwt, devKeyFile });
    counted = (token) => {
      checks += 1;
      return verify(token);
    };
  });
  const token = (email: string, expiresAt?: number) =>
    signDevToken(key, { email, issuer: jwt.issuer, audience: jwt.audience, expiresAt });

  it('checks a signature once, then answers from memory for the same token', async () => {
    const verify = cacheVerifiedTokens(counted);
    const alice = await token('alice@contoso.example');
    checks = 0;
    expect((await verify(alice)).signIn.email).toBe('alice@contoso.example');
    expect((await verify(alice)).signIn.email).toBe('alice@contoso.example');
    expect(checks).toBe(1);
  });

  it('still refuses bad tokens every time, and never remembers them', async () => {
    const verify = cacheVerifiedTokens(counted);
    const forged = `${(await token('bob@contoso.example')).slice(0, -4)}AAAA`;
    checks = 0;
    await expect(verify(forged)).rejects.toThrow(/invalid or expired/);
    await expect(verify(forged)).rejects.toThrow(/invalid or expired/);
    expect(checks).toBe(2);
  });

  it('stops trusting a remembered token at its expiry', async () => {
    let clock = Date.now();
    const verify = cacheVerifiedTokens(counted, () => clock);
    const shortLived = await token('carol@contoso.example', Math.floor(clock / 1000) + 30);
    await verify(shortLived);
    checks = 0;
    clock += 10_000;
    await verify(shortLived);
    expect(checks).toBe(0);
    clock += 25_000; // past exp: asks the real verifier again (which refuses it once really expired)
    await verify(shortLived).catch(() => {});
    expect(checks).toBe(1);
  });
});
