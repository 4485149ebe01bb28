import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { asNeverSignedIn } from '../support/provisioned-user';
import { expectNoSeriousViolations } from './support/accessibility';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { describeInBrowser } from './support/browser-suite';
import { launchChromium } from './support/chromium';
import { openConsole } from './support/console-pages';
import { type OidcProvider, startOidcProvider } from './support/oidc-provider';
import { screenshot } from './support/screenshots';

// Production sign-in: the gateway trusts an OpenID Connect provider's keys (JWT_JWKS_URL) and the
// console signs people in there (authorization code with PKCE); no development sign-in exists.

const CLIENT_ID = 'support-console';
const AUDIENCE = 'https://support-graph.example/api';

describeInBrowser(
  'support console: sign-in with the organization’s OpenID Connect provider',
  () => {
    let running: BrowserStack;
    let provider: OidcProvider;
    let browser: Browser;

    beforeAll(async () => {
      const port = await freePort();
      const issuer = `http://127.0.0.1:${port}`;
      running = await startBrowserStack({
        gatewayEnv: {
          JWT_JWKS_URL: `${issuer}/jwks`,
          JWT_ISSUER: issuer,
          JWT_AUDIENCE: AUDIENCE,
          CONSOLE_OIDC_ISSUER: issuer,
          CONSOLE_OIDC_CLIENT_ID: CLIENT_ID,
          CONSOLE_OIDC_SCOPE: 'openid email api',
        },
      });
      provider = await startOidcProvider({
        port,
        clientId: CLIENT_ID,
        redirectUri: `${running.origin}/console/callback`,
        audience: AUDIENCE,
        apiScope: 'api',
      });
      // Alice was provisioned by her organization and signs in through its provider for the first time.
      await asNeverSignedIn(running.stack, 'alice@contoso.example');
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await provider?.close();
      await running?.stack.stop();
    });

    it('signs alice in at the provider and back; her support picture loads with its token', async () => {
      const { page } = await openConsole(browser, running.origin);
      expect((await page.request.get(`${running.origin}/auth/dev/users`)).status()).toBe(404);
      const signIn = page.getByRole('button', { name: 'Sign in with your organization' });
      await signIn.waitFor();
      await expectNoSeriousViolations(page);
      await screenshot(page, 'console-sign-in-oidc');
      await signIn.click();

      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.locator('input[name="login"]').fill('alice@contoso.example');
      await page.locator('input[name="password"]').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('heading', { name: 'Support picture: Contoso' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/picture');
      await page.getByText('alice@contoso.example').waitFor();
    });
  },
);
