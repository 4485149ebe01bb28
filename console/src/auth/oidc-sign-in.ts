import type { UserManager } from 'oidc-client-ts';
import { setSession } from './session';
import type { ConsoleSettings } from './settings';

// Production sign-in: the organization's OpenID Connect provider, authorization code with PKCE.
// The access token is what the gateway verifies (JWT_JWKS_URL), so it is the bearer we send.
type OidcSettings = Extract<ConsoleSettings['signIn'], { kind: 'oidc' }>;

const CALLBACK = 'callback';

// Loaded only where OpenID Connect is configured: development sign-in never downloads it.
async function manager(settings: OidcSettings): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const base = `${window.location.origin}${import.meta.env.BASE_URL}`;
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: `${base}${CALLBACK}`,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: settings.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export async function oidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  await (await manager(settings)).signinRedirect({ state: { returnTo } });
}

export const isOidcCallback = (path: string) => path === `/${CALLBACK}`;

/** Completes the redirect back from the provider; answers where the person was going. */
export async function completeOidcSignIn(settings: OidcSettings): Promise<string> {
  const user = await (await manager(settings)).signinRedirectCallback();
  setSession({ token: user.access_token, expiresAt: user.expires_at ?? 0 });
  return (user.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
}
