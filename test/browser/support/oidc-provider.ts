import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';

// A real OpenID Connect provider (the `oidc-provider` package) for the console's production
// sign-in: authorization code with PKCE for a public client, access tokens as JWTs for the API's
// audience carrying the person's e-mail, signed with a key published on /jwks. Its development
// login page accepts any login: the login typed is the e-mail.

export interface OidcProvider {
  issuer: string;
  close(): Promise<void>;
}

export interface OidcProviderOptions {
  port: number;
  clientId: string;
  redirectUri: string;
  /** The API's audience (a URI, as resource indicators require). */
  audience: string;
  /** The scope the API accepts; the console asks for it. */
  apiScope: string;
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  // ESM-only package, loaded where it is used.
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'test-key',
    alg: 'ES256',
    use: 'sig',
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [new URL('./', options.redirectUri).href],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [jwk as never] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub, email_verified: true }),
    }),
    features: {
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => options.audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: options.apiScope,
          audience: options.audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    extraTokenClaims: async (_ctx, token) =>
      'accountId' in token && token.accountId
        ? { email: token.accountId, email_verified: true }
        : undefined,
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
