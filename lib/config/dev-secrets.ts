import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';

// Development-only key material, created under data/ on first use so that `npm start` needs no
// setup. Production supplies INTERNAL_SECRET and a JWKS URL instead (see the config modules).

export const DEV_JWT_KEY_FILE = 'dev-jwt-key.json';
/** The issuer of development tokens (the gateway's default JWT_ISSUER); demo users are its. */
export const DEV_JWT_ISSUER = 'support-graph-dev';
const INTERNAL_SECRET_FILE = 'internal-secret';

function writePrivate(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { mode: 0o600 });
}

/** The secret shared by the gateway and subgraphs to sign viewer contexts. */
export function ensureDevInternalSecret(dataDir: string): string {
  const path = join(dataDir, INTERNAL_SECRET_FILE);
  if (!existsSync(path)) writePrivate(path, randomBytes(32).toString('base64url'));
  return readFileSync(path, 'utf8').trim();
}

export interface DevJwtKey {
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
}

/** An ES256 key pair that signs development tokens (`npm run token`). */
export async function ensureDevJwtKey(path: string): Promise<DevJwtKey> {
  if (!existsSync(path)) {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomBytes(8).toString('hex');
    const key: DevJwtKey = {
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' },
    };
    writePrivate(path, JSON.stringify(key, null, 2));
  }
  return JSON.parse(readFileSync(path, 'utf8')) as DevJwtKey;
}
