import { loadGatewayConfig } from '../gateway/config';
import { ensureDevJwtKey } from '../lib/config/dev-secrets';
import { signDevToken } from '../lib/config/dev-token';

/** Bearer tokens for many viewers, signed with the bench stack's development key. */
export async function signViewerTokens(
  env: Record<string, string>,
  emails: string[],
): Promise<Map<string, string>> {
  const gateway = loadGatewayConfig(env);
  const key = await ensureDevJwtKey(gateway.jwt.devKeyFile);
  const tokens = new Map<string, string>();
  for (const email of new Set(emails)) {
    const claims = { email, issuer: gateway.jwt.issuer, audience: gateway.jwt.audience };
    tokens.set(email, await signDevToken(key, claims));
  }
  return tokens;
}
