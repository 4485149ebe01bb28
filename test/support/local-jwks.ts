import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevJwtKey } from '../../lib/config/dev-secrets';
import { signDevToken } from '../../lib/config/dev-token';
import { listen } from '../../lib/http/listen';

export interface LocalJwks {
  /** What the gateway's JWT_JWKS_URL points at. */
  url: string;
  issuer: string;
  /** A token for `email`, signed like the organization's identity provider would. */
  token(email: string, audience: string): Promise<string>;
  stop(): Promise<void>;
}

/** A stand-in identity provider: a key pair of its own, its public key served as a JWKS. */
export async function startLocalJwks(issuer = 'https://idp.test'): Promise<LocalJwks> {
  const dir = mkdtempSync(join(tmpdir(), 'local-jwks-'));
  const key = await ensureDevJwtKey(join(dir, 'idp-key.json'));
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  const listening = await listen(server, 0, '127.0.0.1');
  return {
    url: `${listening.url}/jwks.json`,
    issuer,
    token: (email, audience) => signDevToken(key, { email, issuer, audience }),
    async stop() {
      await listening.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
