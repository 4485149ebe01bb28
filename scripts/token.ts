import { loadGatewayConfig } from '../gateway/config';
import { ensureDevJwtKey } from '../lib/config/dev-secrets';
import { signDevToken } from '../lib/config/dev-token';
import { DEMO_USERS, demoUserByEmail } from '../lib/demo/demo-tenants';

// `npm run token -- alice@contoso.example` prints a bearer token for a demo user, signed with the
// development key the gateway trusts (data/dev-jwt-key.json). Only the token goes to stdout.
async function main(): Promise<void> {
  const email = process.argv[2]?.toLowerCase();
  if (!email) {
    console.error(
      `usage: npm run token -- <email>\ndemo users:\n${DEMO_USERS.map((u) => `  ${u.email}`).join('\n')}`,
    );
    process.exit(2);
  }
  const config = loadGatewayConfig();
  if (!config.devSignIn) {
    console.error(
      'Development tokens are off (JWT_JWKS_URL is set, or production): tokens come from your identity provider.',
    );
    process.exit(2);
  }
  if (!demoUserByEmail(email))
    console.error(`warning: ${email} is not a demo user; the gateway will refuse it.`);
  const key = await ensureDevJwtKey(config.jwt.devKeyFile);
  console.log(
    await signDevToken(key, { email, issuer: config.jwt.issuer, audience: config.jwt.audience }),
  );
}

void main();
